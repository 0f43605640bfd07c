import { screen, waitFor, within } from '@testing-library/react';
import { checkWorkbook, readTables } from '../../src/core';
import { createMemoryWorkbook } from '../../src/workbook/memory-workbook';
import { marksOf } from '../../src/workbook/port';
import { realFixture, realGrid } from '../fixtures/real/load';
import { dialogClosed, findDialog } from './render-fluent';
import { renderPane, runCheck } from './pane-harness';

// The pane on real tables of each layout: it says how each table was read, marks each finding's own cell,
// and converts a table into the other layout on a new sheet.

describe.each([
  ['l2-hunan-xiangxi-tejiao-2023', '2023年项目支出绩效目标表!A3：每个指标一行，1 个项目'],
  ['l3-tianjin-ninghe-myfz-2020', '绩效目标表!A3：每个项目一张申报表，1 个项目'],
  ['l4-hubei-guangshui-jiaoyu-2023', '部门整体支出绩效目标申报表!A2：部门整体支出绩效目标表'],
])('%s', (id, line) => {
  test('the pane names the layout and marks the cells the findings are about', async () => {
    const grid = realGrid(realFixture(id));
    const wb = createMemoryWorkbook(grid);
    const { user } = renderPane(wb);
    await runCheck(user);
    const tables = await screen.findByRole('region', { name: '读取了 1 个表格' });
    expect(within(tables).getByText(line)).toBeInTheDocument();
    await waitFor(() => expect(wb.marks()).toEqual(marksOf(checkWorkbook(grid).findings)));
  });
});

test('转换格式 writes the table with a row per indicator onto a new sheet, the original untouched', async () => {
  const fixture = realFixture('l2-sichuan-jianyan-mata-2023');
  const wb = createMemoryWorkbook(realGrid(fixture));
  const before = wb.grid().sheets[0];
  const { user } = renderPane(wb);
  await runCheck(user);
  await user.click(await screen.findByRole('button', { name: '转换格式 部门预算项目绩效目标申报表!A3' }));
  const dialog = await findDialog();
  expect(within(dialog).getByText('转换 部门预算项目绩效目标申报表!A3 的表格')).toBeInTheDocument();
  expect(within(dialog).getByText('这张表现在是“每个指标一行”。转换后的表格写在一个新工作表中，内容一项不少；原表不会改动。')).toBeInTheDocument();
  expect(within(dialog).queryByRole('button', { name: '写成：每个指标一行' })).not.toBeInTheDocument();
  await user.click(within(dialog).getByRole('button', { name: '写成：每个项目一行（绩效指标写在一个单元格）' }));
  await dialogClosed();
  expect(await screen.findByText('已把表格写成“每个项目一行（绩效指标写在一个单元格）”，放在新工作表“部门预算项目绩效目标申报表-转换”中；原表没有改动。')).toBeInTheDocument();
  const [original, converted] = wb.grid().sheets;
  expect(original).toEqual(before);
  const table = readTables({ sheets: converted ? [converted] : [] }).tables[0];
  expect(table?.layout).toBe('one-cell');
  expect(table?.rows.find((r) => r.kind === 'project')?.indicators?.text).toMatch(/^1、效益指标；社会效益指标；维护社会稳定；年度指标值:≥95%；权重:10；指标方向:正向指标；指标性质:≥；度量单位:%。2、/);
});
