import { createOfficeWorkbook } from '../../src/workbook/office-workbook';
import { ExcelDouble } from './excel-double';

function setup() {
  const excel = new ExcelDouble({ apiVersion: '1.14' });
  const port = createOfficeWorkbook({ excelRun: excel.run as unknown as typeof Excel.run, office: excel.office as unknown as typeof Office, reportError: () => undefined });
  return { excel, port };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('onCellsChanged events', () => {
  it('looks up a sheet name once for many edits of that sheet, and passes the address', async () => {
    const { excel, port } = setup();
    excel.addSheet('表', [[1, 2, 3]]);
    const changed: string[] = [];
    port.onCellsChanged((sheet, address) => changed.push(`${sheet}!${address}`));
    await settle();
    const before = excel.runCount;
    await excel.editByUser('表', 'A1', 5);
    await excel.editByUser('表', 'B1', 6);
    await excel.editByUser('表', 'C1', 7);
    expect(changed).toEqual(['表!A1', '表!B1', '表!C1']);
    expect(excel.runCount - before).toBe(1);
  });

  it("ignores the add-in's own writes (triggerSource ThisLocalAddin)", async () => {
    const { excel, port } = setup();
    const sheet = excel.addSheet('表', [[1]]);
    const changed: string[] = [];
    port.onCellsChanged((name) => changed.push(name));
    await settle();
    // As Excel reports an API write of this add-in (ExcelApi 1.14 WorksheetChangedEventArgs.triggerSource).
    const args = { type: 'WorksheetChanged', worksheetId: sheet.id, address: 'A1', changeType: 'RangeEdited', source: 'Local', triggerSource: 'ThisLocalAddin' };
    await Promise.all([...excel.changeHandlers].map((h) => h.handler(args)));
    expect(changed).toEqual([]);
  });

  it('asks Excel to hold the name lookup while the user edits a cell', async () => {
    const { excel, port } = setup();
    excel.addSheet('表', [[1]]);
    port.onCellsChanged(() => undefined);
    await settle();
    await excel.editByUser('表', 'A1', 5);
    expect(excel.runOptions).toContainEqual({ delayForCellEdit: true });
  });
});
