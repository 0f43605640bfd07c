/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Node builds (ExcelJS's uuid has no CommonJS browser build for jest to load).
import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { checkWorkbook, NATIONAL_PROFILE, SEVERITIES, type Severity } from '../../src/core';
import { WebApp } from '../../src/web/WebApp';
import { MARK_COLOURS, REPORT_SHEET_NAME } from '../../src/workbook/port';
import { readXlsxGrid } from '../../src/workbook/xlsx-grid';
import { marksOf } from '../../src/workbook/port';
import { writeXlsxGrid, XLSX_MARK_FORMULA } from '../../src/workbook/xlsx-writer';
import { SEED_SHEET } from '../fixtures/seed-grid';
import { renderFluent, type TestUser } from '../ui/render-fluent';
import { dialogButton, dialogClosed, findDialog, findingsSection, malformedSheet, runCheck } from '../ui/pane-harness';
import { NOTES_SHEET, RICH_SHEET, richSeedXlsx, xlsxSnapshot, type SheetSnapshot } from '../workbook/rich-xlsx';


const mockDownloads: { bytes: Uint8Array; name: string }[] = [];
jest.mock('../../src/web/files', () => ({
  ...jest.requireActual<typeof import('../../src/web/files')>('../../src/web/files'),
  downloadBytes: (bytes: Uint8Array, name: string) => mockDownloads.push({ bytes, name }),
}));

beforeEach(() => {
  mockDownloads.length = 0;
});

function renderPage() {
  return renderFluent(<WebApp locale="zh-CN" storage={null} />, { provider: false }).user;
}

async function upload(user: TestUser, bytes: Uint8Array, name: string): Promise<void> {
  await user.upload(screen.getByLabelText('打开文件（.xlsx / .csv）'), new File([bytes.slice()], name));
  await waitFor(() => expect(screen.getByText(`当前文件：${name}`)).toBeInTheDocument());
}

const cell = (address: string) => {
  const found = screen.getByRole('grid', { name: RICH_SHEET }).querySelector<HTMLElement>(`[data-cell="${address}"]`);
  if (!found) throw new Error(`no cell ${address}`);
  return found;
};

async function download(user: TestUser, item: string, button = '下载 .xlsx'): Promise<{ bytes: Uint8Array; name: string }> {
  const count = mockDownloads.length;
  await user.click(screen.getByRole('button', { name: button }));
  await user.click(await screen.findByRole('menuitem', { name: item }));
  await waitFor(() => expect(mockDownloads).toHaveLength(count + 1));
  return mockDownloads[count] as { bytes: Uint8Array; name: string };
}

/** Edits a cell in the grid view as the user does: double-click, type, Enter. */
function editInGrid(address: string, text: string): void {
  fireEvent.doubleClick(cell(address));
  const editor = screen.getByRole('textbox', { name: `编辑单元格 ${address}` });
  fireEvent.change(editor, { target: { value: text } });
  fireEvent.keyDown(editor, { key: 'Enter' });
}

describe('the standalone page loses nothing of an .xlsx it downloads', () => {
  it('check → download with marks → clear → download a clean copy: the user’s sheets stay as they were', async () => {
    const original = await richSeedXlsx();
    const before = await xlsxSnapshot(original);
    const user = renderPage();
    await upload(user, original, '绩效目标表.xlsx');
    await runCheck(user);
    await waitFor(() => expect(cell('G12')).toHaveAttribute('data-mark', 'error'));

    const marked = await download(user, '含标记和“校验结果”表');
    expect(marked.name).toBe('绩效目标表-校验结果.xlsx');
    const withMarks = await xlsxSnapshot(marked.bytes);
    expect(withMarks.map((s) => s.name)).toEqual([RICH_SHEET, NOTES_SHEET, REPORT_SHEET_NAME]);
    const [table, notes, report] = withMarks;
    const { conditionalFormats: markedFormats, ...tableRest } = table as SheetSnapshot;
    const { conditionalFormats: ownFormats, ...originalRest } = before[0] as SheetSnapshot;
    expect(tableRest).toEqual(originalRest);
    expect(notes).toEqual(before[1]);
    // The user's rules, in their order, below one mark rule per severity.
    const expectedMarks = marksOf(checkWorkbook(await readXlsxGrid(original)).findings);
    const severities = [...new Set(expectedMarks.values())];
    const userRules = markedFormats.filter((cf) => cf.rules.every((r) => !('formulae' in r) || r.formulae?.[0] !== XLSX_MARK_FORMULA));
    expect(userRules).toEqual(ownFormats.map((cf) => ({ ...cf, rules: cf.rules.map((r) => ({ ...r, priority: r.priority + severities.length })) })));
    const markCells = new Map<string, Severity>();
    for (const cf of markedFormats.filter((cf) => !userRules.includes(cf))) {
      const severity = SEVERITIES.find((s) => JSON.stringify(cf.rules[0]?.style).includes(MARK_COLOURS[s].fill.slice(1)));
      for (const address of cf.ref.split(' ')) markCells.set(`${RICH_SHEET}!${address}`, severity as Severity);
    }
    expect(markCells).toEqual(expectedMarks);
    expect(Object.keys(report?.cells ?? {}).filter((a) => /^A\d+$/.test(a))).toHaveLength(checkWorkbook(await readXlsxGrid(original)).findings.length + 1);

    await user.click(screen.getByRole('button', { name: '清除标记' }));
    await waitFor(() => expect(cell('G12')).not.toHaveAttribute('data-mark'));
    const clean = await download(user, '干净的副本（不含标记）');
    expect(clean.name).toBe('绩效目标表.xlsx');
    expect(await xlsxSnapshot(clean.bytes)).toEqual(before);
    expect(Buffer.from(clean.bytes).equals(Buffer.from(original))).toBe(true);

    // An edit in the grid changes that one value, keeping the cell's own format; the formulas reading it follow, as in Excel.
    editInGrid('B7', '141');
    await waitFor(() => expect(cell('B7')).toHaveTextContent('141'));
    const edited = await xlsxSnapshot((await download(user, '干净的副本（不含标记）')).bytes);
    const expected = JSON.parse(JSON.stringify(before)) as SheetSnapshot[];
    const cells = expected[0]?.cells as Record<string, { value: unknown; style: unknown }>;
    cells.B7 = { value: 141, style: cells.B7?.style };
    for (const total of ['B4', 'B5']) cells[total] = { value: { ...(cells[total]?.value as object), result: 701.36 }, style: cells[total]?.style };
    expect(edited).toEqual(expected);
    expect(edited[0]?.cells.B7?.style).toMatchObject({ numFmt: '#,##0.00' });
  });

  it('refuses a fix for a cell the user edited in the grid since the check, and says so in Chinese', async () => {
    const values = SEED_SHEET.values.map((row, r) => row.map((v, c) => (r === 5 && c === 6 ? String(v).replace(/；/g, ';') : v)));
    const bytes = await writeXlsxGrid({ sheets: [{ ...SEED_SHEET, values }] });
    const user = renderPage();
    await upload(user, bytes, '格式.xlsx');
    await runCheck(user);
    const row = (await within(findingsSection()).findAllByRole('button', { name: /G6/ }))[0]?.closest('li');
    if (!row) throw new Error('no finding at G6');
    await user.click(within(row as HTMLElement).getByRole('button', { name: '修正' }));
    const dialog = await findDialog();

    // The preview was made from what the check read; the user now changes the cell in the grid.
    editInGrid('G6', '用户刚改的内容');
    await user.click(dialogButton(dialog, '确认修正'));
    await dialogClosed();

    expect(await screen.findByText('单元格 G6 在读取后已被修改，未写入。请重新校验。')).toBeInTheDocument();
    expect(cell('G6')).toHaveTextContent('用户刚改的内容');
    await waitFor(() => expect(screen.queryByText(/已修正/)).not.toBeInTheDocument());
  });
});

describe('the rules chosen in the pane', () => {
  it('apply to the marked download too: 全国通用 leaves Guangzhou\'s format warnings out of its 校验结果 sheet', async () => {
    const sheet = malformedSheet([6]);
    const national = checkWorkbook({ sheets: [sheet] }, { profile: NATIONAL_PROFILE }).findings;
    expect(national.length).toBeLessThan(checkWorkbook({ sheets: [sheet] }).findings.length);
    const user = renderPage();
    await upload(user, await writeXlsxGrid({ sheets: [sheet] }), '广州.xlsx');
    await user.selectOptions(screen.getByRole('combobox', { name: '规则配置' }), '全国通用');
    await runCheck(user);
    expect(await screen.findByText('规则：全国通用（已选择）')).toBeInTheDocument();
    const marked = await xlsxSnapshot((await download(user, '含标记和“校验结果”表')).bytes);
    const report = marked.find((s) => s.name === REPORT_SHEET_NAME);
    expect(Object.keys(report?.cells ?? {}).filter((a) => /^A\d+$/.test(a))).toHaveLength(national.length + 1);
  });
});

describe('the marked download’s file name', () => {
  it('takes the page’s language: -check-results in English (-校验结果 in Chinese, above); the clean copy keeps the name', async () => {
    const { user } = renderFluent(<WebApp locale="en-US" storage={null} />, { provider: false });
    await user.upload(screen.getByLabelText('Open file (.xlsx / .csv)'), new File([(await writeXlsxGrid({ sheets: [SEED_SHEET] })).slice()], '绩效目标表.xlsx'));
    await waitFor(() => expect(screen.getByText('File: 绩效目标表.xlsx')).toBeInTheDocument());
    await runCheck(user, 'Check workbook');
    expect((await download(user, 'With marks and the 校验结果 sheet', 'Download .xlsx')).name).toBe('绩效目标表-check-results.xlsx');
    expect((await download(user, 'Clean copy (no marks)', 'Download .xlsx')).name).toBe('绩效目标表.xlsx');
  });
});
