import { locate, type BlockRewrite } from '../../src/core';
import { createOfficeWorkbook } from '../../src/workbook/office-workbook';
import { ExcelDouble } from './excel-double';

function setup(apiVersion: string) {
  const excel = new ExcelDouble({ apiVersion });
  const port = createOfficeWorkbook({ excelRun: excel.run as unknown as typeof Excel.run, office: excel.office as unknown as typeof Office, reportError: () => undefined });
  return { excel, port };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe.each(['1.14', '1.13', '1.9', '1.7'])("the add-in's own writes (ExcelApi %s)", (apiVersion) => {
  it('raise change events in the double, named ThisLocalAddin only from 1.14', async () => {
    const { excel, port } = setup(apiVersion);
    excel.addSheet('表', [['a', 'b']]);
    const seen: unknown[] = [];
    excel.changeHandlers.add({ sheetId: null, handler: async (args) => void seen.push(args) });
    await port.writeCells([{ location: locate('表', 0, 0), expected: 'a', value: 'x' }]);
    await excel.eventsDelivered();
    expect(seen).toEqual([expect.objectContaining({ address: 'A1', changeType: 'RangeEdited' })]);
    expect((seen[0] as { triggerSource?: string }).triggerSource).toBe(apiVersion === '1.14' ? 'ThisLocalAddin' : undefined);
  });

  it('a fix of three cells reports no change and costs no Excel.run beyond the write', async () => {
    const { excel, port } = setup(apiVersion);
    excel.addSheet('表', [['a', 'b', 'c']]);
    const changed: string[] = [];
    port.onCellsChanged((sheet, address) => changed.push(`${sheet}!${address}`));
    await settle();
    const before = excel.runCount;
    const result = await port.writeCells([0, 1, 2].map((col) => ({ location: locate('表', 0, col), expected: ['a', 'b', 'c'][col] ?? '', value: `新${col}` })));
    expect(result.written).toHaveLength(3);
    await excel.eventsDelivered();
    expect(changed).toEqual([]);
    expect(excel.runCount - before).toBe(1);
    // The user's next edit of a fixed cell is the user's.
    await excel.editByUser('表', 'B1', '用户');
    expect(changed).toEqual(['表!B1']);
  });

  it('a block rewrite that inserts rows reports no change', async () => {
    const { excel, port } = setup(apiVersion);
    excel.addSheet('表', [['名称', '指标'], ['项目', '一'], ['', '二']]);
    const changed: string[] = [];
    port.onCellsChanged((sheet, address) => changed.push(`${sheet}!${address}`));
    await settle();
    const rewrite: BlockRewrite = {
      sheet: '表',
      firstRow: 1,
      rowCount: 2,
      columns: [1],
      expected: [['一'], ['二']],
      newRowCount: 3,
      values: [['一'], ['二'], ['三']],
      mergesBefore: [],
      mergesAfter: [],
    };
    const before = excel.runCount;
    const result = await port.rewriteBlock(rewrite);
    expect(result.conflicts).toEqual([]);
    await excel.eventsDelivered();
    expect(changed).toEqual([]);
    expect(excel.runCount - before).toBe(1);
  });
});
