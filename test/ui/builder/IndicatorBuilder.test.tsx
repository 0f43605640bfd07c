import '@testing-library/jest-dom';
import { act, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { renderMessage, type SheetGrid } from '../../../src/core';
import { formatBuilderRows, type BuilderRow } from '../../../src/core/builder';
import { IndicatorBuilder, type BuilderInsert } from '../../../src/ui/builder/IndicatorBuilder';
import { createMemoryWorkbook, type MemoryWorkbook } from '../../../src/workbook/memory-workbook';
import { SEED_ROWS, SEED_SHEET } from '../../fixtures/seed-grid';
import { dialogClosed, findDialog, renderFluent, type TestUser } from '../render-fluent';



const SHEET = SEED_SHEET.name;
const G6 = String(SEED_ROWS[5]?.[6]);
const G7 = String(SEED_ROWS[6]?.[6]);

function workbook(sheet: SheetGrid = SEED_SHEET): MemoryWorkbook {
  return createMemoryWorkbook({ sheets: [sheet] });
}

function cellValue(wb: MemoryWorkbook, cell: string) {
  const grid = wb.grid().sheets.find((s) => s.name === SHEET);
  const row = Number(cell.slice(1)) - 1;
  const col = cell.charCodeAt(0) - 65;
  return grid?.values[row - (grid.originRow ?? 0)]?.[col - (grid.originCol ?? 0)] ?? null;
}

function renderBuilder(wb: MemoryWorkbook, extra: { insert?: BuilderInsert } = {}) {
  return renderFluent(<IndicatorBuilder port={wb} locale="zh-CN" {...extra} />);
}

const rowGroup = (n: number) => screen.getByRole('group', { name: `第 ${n} 项` });
const nameInput = (n: number) => within(rowGroup(n)).getByRole('textbox', { name: '三级指标名称' });
const valueGroup = (n: number, slot: '实施周期指标值' | '年度指标值') => within(rowGroup(n)).getByRole('group', { name: slot });
const preview = () => screen.getByRole('textbox', { name: '将写入单元格的绩效指标' });
const names = () => screen.queryAllByRole('textbox', { name: '三级指标名称' }).map((e) => (e as HTMLInputElement).value);

async function selectCell(wb: MemoryWorkbook, cell: string) {
  act(() => wb.select({ sheet: SHEET, cell }));
  await waitFor(() => expect(screen.queryByText('正在读取所选单元格…')).not.toBeInTheDocument());
}

/** Replaces a text box's content as a paste would. */
async function fill(user: TestUser, box: HTMLElement, text: string) {
  await user.clear(box);
  await user.click(box);
  await user.paste(text);
}

async function choose(user: TestUser, combobox: HTMLElement, option: string) {
  await user.click(combobox);
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('IndicatorBuilder', () => {
  test('asks for a 绩效指标 cell, then shows its indicators as rows and the exact text', async () => {
    const wb = workbook();
    renderBuilder(wb);
    expect(screen.getByText(/请在表格中选中一个项目的“绩效指标”单元格/)).toBeInTheDocument();
    await selectCell(wb, 'G6');
    expect(await screen.findByText('正在编辑：物业管理费（G6）')).toBeInTheDocument();
    expect(names()).toEqual(['投诉次数', '物业管理工作按时完成率', '服务对象满意度']);
    expect(within(rowGroup(1)).getByRole('combobox', { name: '一级指标' })).toHaveTextContent('1-产出指标');
    expect(within(rowGroup(1)).getByRole('combobox', { name: '二级指标' })).toHaveTextContent('12-质量指标');
    expect(within(valueGroup(1, '实施周期指标值')).getByRole('textbox', { name: '数值' })).toHaveValue('5');
    expect(within(valueGroup(1, '实施周期指标值')).getByRole('combobox', { name: '比较符' })).toHaveTextContent('≤');
    expect(preview()).toHaveValue(G6);
    await waitFor(() => expect(screen.getByText(`${G6.length} / 32,767 字符`)).toBeInTheDocument());

    await selectCell(wb, 'A1');
    await waitFor(() => expect(screen.getByText(/请在表格中选中一个项目的“绩效指标”单元格/)).toBeInTheDocument());
    expect(names()).toEqual([]);
  });

  test('starts from the cell selected before it opened; an empty cell starts an empty list', async () => {
    const wb = workbook();
    wb.setCell({ sheet: SHEET, cell: 'G7' }, null);
    await wb.selectCell({ sheet: SHEET, cell: 'G7', row: 6, col: 6 });
    renderBuilder(wb);
    expect(await screen.findByText(/该单元格还没有绩效指标/)).toBeInTheDocument();
    expect(names()).toEqual([]);
    expect(screen.getByRole('button', { name: '替换' })).toBeDisabled();
  });

  test('edits a name and replaces the cell with the canonical text; undo restores it', async () => {
    const wb = workbook();
    const { user } = renderBuilder(wb);
    await selectCell(wb, 'G6');
    await fill(user, nameInput(1), '有效投诉次数');
    const expected = G6.replace('投诉次数', '有效投诉次数');
    expect(preview()).toHaveValue(expected);
    await user.click(screen.getByRole('button', { name: '替换' }));
    expect(await screen.findByText('已写入 G6。')).toBeInTheDocument();
    expect(cellValue(wb, 'G6')).toBe(expected);

    await user.click(screen.getByRole('button', { name: '撤销' }));
    expect(await screen.findByText('已撤销，G6 已恢复为原来的内容。')).toBeInTheDocument();
    expect(cellValue(wb, 'G6')).toBe(G6);
    expect(names()[0]).toBe('投诉次数');
    await waitFor(() => expect(screen.getByRole('button', { name: '撤销' })).toBeDisabled());
  });

  test('undo keeps edits made after the write, and the next write is guarded by the restored text', async () => {
    const wb = workbook();
    const { user } = renderBuilder(wb);
    await selectCell(wb, 'G6');
    await fill(user, nameInput(1), '有效投诉次数');
    await user.click(screen.getByRole('button', { name: '替换' }));
    await screen.findByText('已写入 G6。');
    await fill(user, nameInput(1), '年内有效投诉次数');
    await user.click(screen.getByRole('button', { name: '撤销' }));
    await screen.findByText('已撤销，G6 已恢复为原来的内容。');
    expect(cellValue(wb, 'G6')).toBe(G6);
    expect(names()[0]).toBe('年内有效投诉次数');
    await user.click(screen.getByRole('button', { name: '替换' }));
    await screen.findByText('已写入 G6。');
    expect(cellValue(wb, 'G6')).toBe(G6.replace('投诉次数', '年内有效投诉次数'));
  });

  test('adds a row, shows live validation messages, and clears them as the row is filled in', async () => {
    const wb = workbook();
    const { user } = renderBuilder(wb);
    await selectCell(wb, 'G6');
    await user.click(screen.getByRole('button', { name: '添加指标' }));
    expect(names()).toHaveLength(4);
    const row4 = rowGroup(4);
    await waitFor(() => expect(within(row4).getByText(renderMessage('indicator.level-missing', { seq: 4, name: '', level: 1 }))).toBeInTheDocument());
    await waitFor(() => expect(within(row4).getByText(renderMessage('indicator.name-missing', { seq: 4 }))).toBeInTheDocument());

    await choose(user, within(row4).getByRole('combobox', { name: '一级指标' }), '1-产出指标');
    await choose(user, within(rowGroup(4)).getByRole('combobox', { name: '二级指标' }), '11-数量指标');
    await fill(user, nameInput(4), '巡查次数');
    const period = valueGroup(4, '实施周期指标值');
    await choose(user, within(period).getByRole('combobox', { name: '比较符' }), '≥');
    await user.type(within(period).getByRole('textbox', { name: '数值' }), '12');
    expect(within(rowGroup(4)).getByText(renderMessage('value.unit-missing', { seq: 4, name: '巡查次数', value: '≥12' }))).toBeInTheDocument();
    await fill(user, within(period).getByRole('combobox', { name: '单位' }), '次');
    expect(within(rowGroup(4)).getByText(renderMessage('indicator.value-missing', { seq: 4, name: '巡查次数', slot: 'annual' }))).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '第 4 项：年度指标值同实施周期指标值' }));

    expect(within(rowGroup(4)).queryByText(/第 4 项指标/)).not.toBeInTheDocument();
    expect(preview()).toHaveValue(`${G6}4、1-产出指标；11-数量指标；巡查次数；实施周期指标值:≥12次；年度指标值:≥12次。`);
  });

  test('a level 2 list follows its level 1; choosing another level 1 clears a level 2 that does not belong to it', async () => {
    const wb = workbook();
    const { user } = renderBuilder(wb);
    await selectCell(wb, 'G6');
    await user.click(within(rowGroup(3)).getByRole('combobox', { name: '二级指标' }));
    await waitFor(() => expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['31-服务对象满意度']));
    await user.keyboard('{Escape}');
    await choose(user, within(rowGroup(3)).getByRole('combobox', { name: '一级指标' }), '2-效益指标');
    expect(within(rowGroup(3)).getByRole('combobox', { name: '二级指标' })).toHaveTextContent('选择二级指标');
    expect(within(rowGroup(3)).getByText(renderMessage('indicator.level-missing', { seq: 3, name: '服务对象满意度', level: 2 }))).toBeInTheDocument();
  });

  test('duplicates, deletes and moves rows with labelled buttons', async () => {
    const wb = workbook();
    const { user } = renderBuilder(wb);
    await selectCell(wb, 'G6');
    await waitFor(() => expect(screen.getByRole('button', { name: '上移第 1 项' })).toBeDisabled());
    await waitFor(() => expect(screen.getByRole('button', { name: '下移第 3 项' })).toBeDisabled());
    await user.click(screen.getByRole('button', { name: '复制第 1 项' }));
    expect(names()).toEqual(['投诉次数', '投诉次数', '物业管理工作按时完成率', '服务对象满意度']);
    expect(within(rowGroup(2)).getByText(renderMessage('indicator.duplicate', { seq: 2, name: '投诉次数', first: 1 }))).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '删除第 2 项' }));
    expect(names()).toEqual(['投诉次数', '物业管理工作按时完成率', '服务对象满意度']);
    await user.click(screen.getByRole('button', { name: '下移第 1 项' }));
    expect(names()).toEqual(['物业管理工作按时完成率', '投诉次数', '服务对象满意度']);
    screen.getByRole('button', { name: '上移第 3 项' }).focus();
    await user.keyboard('{Enter}');
    expect(names()).toEqual(['物业管理工作按时完成率', '服务对象满意度', '投诉次数']);
    expect(preview()).toHaveValue(
      '1、2-效益指标；21-经济效益；物业管理工作按时完成率；实施周期指标值:95%；年度指标值:95%。2、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:90%；年度指标值:90%。3、1-产出指标；12-质量指标；投诉次数；实施周期指标值:≤5；年度指标值:≤5。',
    );
  });

  test('a satisfaction value that is not a percentage gets the checker’s message; 定性 switches to text', async () => {
    const wb = workbook();
    const { user } = renderBuilder(wb);
    await selectCell(wb, 'G6');
    const unit = within(valueGroup(3, '实施周期指标值')).getByRole('combobox', { name: '单位' });
    await fill(user, unit, '件');
    expect(within(rowGroup(3)).getByText(renderMessage('value.satisfaction-unit', { seq: 3, name: '服务对象满意度', value: '90件' }))).toBeInTheDocument();
    await choose(user, within(valueGroup(2, '年度指标值')).getByRole('combobox', { name: '比较符' }), '定性');
    const text = within(valueGroup(2, '年度指标值')).getByRole('combobox', { name: '定性描述' });
    await fill(user, text, '按时完成');
    expect((preview() as HTMLTextAreaElement).value).toContain('物业管理工作按时完成率；实施周期指标值:95%；年度指标值:按时完成。');
  });

  test('shows project-level messages (a missing category)', async () => {
    const wb = workbook();
    const { user } = renderBuilder(wb);
    await selectCell(wb, 'G6');
    await user.click(screen.getByRole('button', { name: '删除第 2 项' }));
    const overall = screen.getByRole('region', { name: '整体检查' });
    await waitFor(() => expect(within(overall).getByText(renderMessage('category.effect-missing', {}))).toBeInTheDocument());
  });

  test('appends to the cell, renumbered', async () => {
    const wb = workbook();
    const { user } = renderBuilder(wb);
    await selectCell(wb, 'G6');
    await user.click(screen.getByRole('button', { name: '复制第 3 项' }));
    await user.click(screen.getByRole('button', { name: '删除第 1 项' }));
    await user.click(screen.getByRole('button', { name: '删除第 1 项' }));
    await user.click(screen.getByRole('button', { name: '删除第 1 项' }));
    await fill(user, nameInput(1), '来访群众满意度');
    await user.click(screen.getByRole('button', { name: '追加' }));
    await screen.findByText('已写入 G6。');
    expect(cellValue(wb, 'G6')).toBe(`${G6}4、3-满意度指标；31-服务对象满意度；来访群众满意度；实施周期指标值:90%；年度指标值:90%。`);
    expect(names()).toEqual(['投诉次数', '物业管理工作按时完成率', '服务对象满意度', '来访群众满意度']);
  });

  test('a cell changed since it was read is not written', async () => {
    const wb = workbook();
    const { user } = renderBuilder(wb);
    await selectCell(wb, 'G6');
    await fill(user, nameInput(1), '投诉次数（有效）');
    wb.setCell({ sheet: SHEET, cell: 'G6' }, '别人刚改过');
    await user.click(screen.getByRole('button', { name: '替换' }));
    expect(await screen.findByText(/G6 在读取后已被修改，为避免覆盖别人的修改，本次没有写入/)).toBeInTheDocument();
    expect(cellValue(wb, 'G6')).toBe('别人刚改过');
    await waitFor(() => expect(screen.getByRole('button', { name: '撤销' })).toBeDisabled());
  });

  test('a write error from the workbook is shown in Chinese', async () => {
    const { WorkbookError } = await import('../../../src/workbook/port');
    const wb = workbook();
    const { user } = renderBuilder(wb);
    await selectCell(wb, 'G6');
    wb.failNext(new WorkbookError('cell-edit-mode', 'Excel 正处于单元格编辑状态，请按 Enter 或 Esc 后重试。'), 'writeCells');
    await user.click(screen.getByRole('button', { name: '替换' }));
    expect(await screen.findByText('操作没有完成：Excel 正处于单元格编辑状态，请按 Enter 或 Esc 后重试。')).toBeInTheDocument();
    expect(cellValue(wb, 'G6')).toBe(G6);
  });

  test('text it cannot read is shown as is; replacing it needs confirmation and can be undone', async () => {
    const wb = workbook();
    wb.setCell({ sheet: SHEET, cell: 'G7' }, `详见附件。${G7}`);
    const { user } = renderBuilder(wb);
    await selectCell(wb, 'G7');
    await waitFor(() => expect(screen.getByText('以下内容无法识别，没有转换为指标行')).toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole('textbox', { name: '无法识别的内容' })).toHaveValue('详见附件。'));
    expect(names()).toHaveLength(3);

    await user.click(screen.getByRole('button', { name: '替换' }));
    const dialog = await findDialog();
    await waitFor(() => expect(within(dialog).getByText('替换无法识别的内容？')).toBeInTheDocument());
    await user.click(within(dialog).getByRole('button', { name: '取消' }));
    await dialogClosed();
    expect(cellValue(wb, 'G7')).toBe(`详见附件。${G7}`);

    await user.click(screen.getByRole('button', { name: '替换' }));
    await user.click(within(await findDialog()).getByRole('button', { name: '仍然替换' }));
    await dialogClosed();
    await screen.findByText('已写入 G7。');
    expect(cellValue(wb, 'G7')).toBe(G7);
    expect(screen.queryByText('以下内容无法识别，没有转换为指标行')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '撤销' }));
    await screen.findByText('已撤销，G7 已恢复为原来的内容。');
    expect(cellValue(wb, 'G7')).toBe(`详见附件。${G7}`);
    expect(screen.getByRole('textbox', { name: '无法识别的内容' })).toHaveValue('详见附件。');
  });

  test('keeps unsaved edits when the selection moves, until the user chooses to switch', async () => {
    const wb = workbook();
    const { user } = renderBuilder(wb);
    await selectCell(wb, 'G6');
    await fill(user, nameInput(1), '投诉次数甲');
    act(() => wb.select({ sheet: SHEET, cell: 'G7' }));
    expect(await screen.findByText('你已选中 G7。当前的修改还没有写入表格。')).toBeInTheDocument();
    expect(names()[0]).toBe('投诉次数甲');
    await user.click(screen.getByRole('button', { name: '放弃修改，编辑所选单元格' }));
    expect(await screen.findByText(/正在编辑：市人民来访接待厅专项经费（G7）/)).toBeInTheDocument();
    expect(names()[0]).toBe('合理处置突发事件');
  });

  test('规范整列: previews old → new, writes on confirmation in one batch, undone in one step', async () => {
    const messy = (text: string) => text.replace(/；/g, ';').replace(/:/g, '：');
    const values = SEED_ROWS.map((row, r) => row.map((v, c) => (c === 6 && (r === 5 || r === 7) ? messy(String(v)) : v)));
    const wb = workbook({ ...SEED_SHEET, values });
    const { user } = renderBuilder(wb);
    await selectCell(wb, 'G7');
    await user.click(screen.getByRole('button', { name: '规范整列' }));
    const dialog = await findDialog();
    await waitFor(() => expect(within(dialog).getByText('规范整列：2 个单元格将改为规范格式')).toBeInTheDocument());
    const g6 = within(dialog).getByRole('listitem', { name: 'G6 物业管理费' });
    await waitFor(() => expect(within(g6).getByRole('textbox', { name: '原内容' })).toHaveValue(messy(G6)));
    await waitFor(() => expect(within(g6).getByRole('textbox', { name: '规范后' })).toHaveValue(G6));
    await waitFor(() => expect(within(dialog).getByRole('listitem', { name: 'G8 机构运行辅助经费' })).toBeInTheDocument());
    await user.click(within(dialog).getByRole('button', { name: '全部规范' }));
    await dialogClosed();
    expect(await screen.findByText('已规范 2 个单元格（可一次撤销）。')).toBeInTheDocument();
    expect(cellValue(wb, 'G6')).toBe(G6);
    expect(cellValue(wb, 'G8')).toBe(String(SEED_ROWS[7]?.[6]));

    await user.click(screen.getByRole('button', { name: '撤销' }));
    await screen.findByText('已撤销，G6、G8 已恢复为原来的内容。');
    expect(cellValue(wb, 'G6')).toBe(messy(G6));
    expect(cellValue(wb, 'G8')).toBe(messy(String(SEED_ROWS[7]?.[6])));
  });

  test('规范整列 on a canonical column says there is nothing to do, and writes nothing', async () => {
    const wb = workbook();
    const { user } = renderBuilder(wb);
    await selectCell(wb, 'G6');
    await user.click(screen.getByRole('button', { name: '规范整列' }));
    const dialog = await findDialog();
    await waitFor(() => expect(within(dialog).getByText('本表的绩效指标都已是规范格式，无需修改。')).toBeInTheDocument());
    await waitFor(() => expect(within(dialog).queryByRole('button', { name: '全部规范' })).not.toBeInTheDocument());
    await user.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(wb.grid()).toEqual(workbook().grid());
  });

  test('rows inserted from outside are appended, ready to edit', async () => {
    const wb = workbook();
    const inserted: BuilderRow = {
      id: 'tpl', level1: '3', level2: '31', name: '来访群众满意度',
      period: { kind: 'quantity', comparator: '≥', number: '90', unit: '%' }, annual: { kind: 'quantity', comparator: '≥', number: '90', unit: '%' },
    };
    function Host() {
      const [insert, setInsert] = useState<BuilderInsert | undefined>(undefined);
      return (
        <>
          <button type="button" onClick={() => setInsert({ key: (insert?.key ?? 0) + 1, rows: [inserted] })}>insert</button>
          <IndicatorBuilder port={wb} locale="zh-CN" insert={insert} />
        </>
      );
    }
    const { user } = renderFluent(<Host />);
    await selectCell(wb, 'G6');
    await user.click(screen.getByRole('button', { name: 'insert' }));
    await user.click(screen.getByRole('button', { name: 'insert' }));
    expect(names()).toEqual(['投诉次数', '物业管理工作按时完成率', '服务对象满意度', '来访群众满意度', '来访群众满意度']);
    expect(preview()).toHaveValue(G6 + formatBuilderRows([inserted, inserted], undefined, 4));
  });

  test('speaks English', async () => {
    const wb = workbook();
    renderFluent(<IndicatorBuilder port={wb} locale="en-US" />);
    expect(screen.getByText(/Select the 绩效指标 \(indicators\) cell/)).toBeInTheDocument();
    await selectCell(wb, 'G6');
    expect(await screen.findByText('Editing: 物业管理费 (G6)')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Replace' })).toBeEnabled());
  });
});

describe('IndicatorBuilder on a table with a row per indicator', () => {
  test('edits a project\'s rows and writes them back into the table\'s own columns, with one undo', async () => {
    const { realFixture, realGrid } = await import('../../fixtures/real/load');
    const fixture = realFixture('l2-sichuan-jianyan-mata-2023');
    const wb = createMemoryWorkbook(realGrid(fixture));
    const sheet = fixture.sheets[0]?.name ?? '';
    const { user } = renderFluent(<IndicatorBuilder port={wb} locale="zh-CN" />);
    act(() => wb.select({ sheet, cell: 'G7' }));
    expect(await screen.findByText('正在编辑：村组干部报酬（第 4–11 行）')).toBeInTheDocument();
    expect(names()).toEqual(['维护社会稳定', '维持时效', '按时发放', '促进村集体经济发展', '村组干部230人', '保护生态环境卫生', '项目维持时效', '人民群众满意度']);
    // One value column: the builder asks for the year's value only.
    expect(within(rowGroup(1)).queryByRole('group', { name: '实施周期指标值' })).not.toBeInTheDocument();
    expect(valueGroup(1, '年度指标值')).toBeInTheDocument();
    expect(within(rowGroup(1)).queryByRole('button', { name: /实施周期/ })).not.toBeInTheDocument();
    await fill(user, nameInput(5), '村组干部人数');
    await user.click(screen.getByRole('button', { name: '替换' }));
    expect(await screen.findByText('已写入 8 行指标（第 4 行起），表格中的合并单元格已随之扩展。')).toBeInTheDocument();
    expect(wb.grid().sheets[0]?.values[7]?.slice(4, 8)).toEqual(['产出指标', '数量指标', '村组干部人数', '≥']);
    await user.click(screen.getByRole('button', { name: '撤销' }));
    expect(await screen.findByText('已撤销，第 4 行起的指标行 已恢复为原来的内容。')).toBeInTheDocument();
    expect(wb.grid().sheets[0]?.values[7]?.[6]).toBe('村组干部230人');
  });
});
