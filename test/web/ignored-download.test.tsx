/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Node builds (ExcelJS's uuid has no CommonJS browser build for jest to load).
import '@testing-library/jest-dom';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { screen, waitFor, within } from '@testing-library/react';
import { WebApp } from '../../src/web/WebApp';
import { writeXlsxGrid } from '../../src/workbook/xlsx-writer';
import { readXlsxGrid } from '../../src/workbook/xlsx-grid';
import { IGNORED_REPORT_TITLE } from '../../src/workbook/ignored-report';
import { REPORT_SHEET_NAME } from '../../src/workbook/port';
import { runInProcess } from '../cli/run-in-process';
import { SEED_SHEET } from '../fixtures/seed-grid';
import { renderFluent, type TestUser } from '../ui/render-fluent';
import { dialogButton, expectedReport, findDialog, ignoreWithReason, rowOf, runCheck } from '../ui/pane-harness';

jest.setTimeout(30_000);

const mockDownloads: { bytes: Uint8Array; name: string }[] = [];
jest.mock('../../src/web/files', () => ({
  ...jest.requireActual<typeof import('../../src/web/files')>('../../src/web/files'),
  downloadBytes: (bytes: Uint8Array, name: string) => mockDownloads.push({ bytes, name }),
}));

const effectMissing = expectedReport().findings.find((f) => f.severity === 'error');
if (!effectMissing) throw new Error('the seed has one error');
const REASON = '已与财政局确认，效益指标另行报送';
const NEWER = '工作簿中的忽略列表由更新版本的绩效目标表助手保存，此版本无法读取：请更新加载项（或使用更新的版本）后再查看或修改。该列表保持不变。';

let dir: string;
beforeEach(() => {
  mockDownloads.length = 0;
  dir = mkdtempSync(path.join(tmpdir(), 'jixiao-ignored-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function renderPage() {
  return renderFluent(<WebApp locale="zh-CN" storage={null} />, { provider: false });
}

async function upload(user: TestUser, bytes: Uint8Array, name: string): Promise<void> {
  await user.upload(screen.getByLabelText('打开文件（.xlsx / .csv）'), new File([bytes.slice()], name));
  await waitFor(() => expect(screen.getByText(`当前文件：${name}`)).toBeInTheDocument());
}

async function download(user: TestUser, item: string): Promise<Uint8Array> {
  const count = mockDownloads.length;
  await user.click(screen.getByRole('button', { name: '下载 .xlsx' }));
  await user.click(await screen.findByRole('menuitem', { name: item }));
  await waitFor(() => expect(mockDownloads).toHaveLength(count + 1));
  return (mockDownloads[count] as { bytes: Uint8Array }).bytes;
}

describe('an ignore reason travels with the downloaded file', () => {
  it.each(['干净的副本（不含标记）', '含标记和“校验结果”表'])('page: ignore with a reason → download (%s) → the CLI reports it as ignored with its reason, not as an error', async (item) => {
    const page = renderPage();
    await upload(page.user, await writeXlsxGrid({ sheets: [SEED_SHEET] }), '绩效目标表.xlsx');
    await runCheck(page.user);
    await ignoreWithReason(page.user, effectMissing, REASON);
    expect(await screen.findByText('没有错误，可以提交。')).toBeInTheDocument();
    const file = path.join(dir, '下载.xlsx');
    writeFileSync(file, await download(page.user, item));

    const json = await runInProcess('check', file, '--format', 'json');
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { summary: { errors: number }; findings: { rule: string; cell: string }[]; ignored: { rule: string; cell: string; severity: string; reason: string }[] };
    expect(report.summary.errors).toBe(0);
    expect(report.findings.filter((f) => f.rule === effectMissing.rule && f.cell === effectMissing.location.cell)).toEqual([]);
    expect(report.ignored).toEqual([expect.objectContaining({ rule: effectMissing.rule, cell: effectMissing.location.cell, severity: 'error', reason: REASON })]);

    const text = await runInProcess('check', file);
    expect(text.stdout).toContain('已忽略 1 条');
    expect(text.stdout).toContain(`忽略原因：${REASON}`);
    expect(text.stdout).toMatch(/错误 0，/);
  });

  it('the marked download and the CLI --marked copy list the ignored finding in the 校验结果 sheet\'s own section with its reason', async () => {
    const page = renderPage();
    await upload(page.user, await writeXlsxGrid({ sheets: [SEED_SHEET] }), '绩效目标表.xlsx');
    await runCheck(page.user);
    await ignoreWithReason(page.user, effectMissing, REASON);
    const marked = await download(page.user, '含标记和“校验结果”表');
    const file = path.join(dir, 'm.xlsx');
    writeFileSync(file, await download(page.user, '干净的副本（不含标记）'));
    const copy = path.join(dir, 'copy.xlsx');
    expect((await runInProcess('check', file, '--marked', copy)).code).toBe(0);
    for (const bytes of [marked, readFileSync(copy)]) {
      const report = (await readXlsxGrid(bytes)).sheets.find((s) => s.name === REPORT_SHEET_NAME)?.values ?? [];
      const title = report.findIndex((row) => row[0] === IGNORED_REPORT_TITLE);
      expect(title).toBeGreaterThan(0);
      expect(report.slice(0, title).some((row) => row[7] === effectMissing.rule && row[2] === effectMissing.location.cell)).toBe(false);
      expect(report[title + 2]).toEqual(expect.arrayContaining([effectMissing.location.cell, effectMissing.rule, REASON]));
    }
  });

  it('the page opens the downloaded file with the finding still ignored with its reason', async () => {
    const first = renderPage();
    await upload(first.user, await writeXlsxGrid({ sheets: [SEED_SHEET] }), '绩效目标表.xlsx');
    await runCheck(first.user);
    await ignoreWithReason(first.user, effectMissing, REASON);
    const bytes = await download(first.user, '干净的副本（不含标记）');
    first.unmount();

    const second = renderPage();
    await upload(second.user, bytes, '绩效目标表.xlsx');
    await runCheck(second.user);
    expect(await screen.findByText('没有错误，可以提交。')).toBeInTheDocument();
    await second.user.click(screen.getByRole('switch', { name: '显示已忽略' }));
    expect(await screen.findByText(`已忽略：${REASON}`)).toBeInTheDocument();
    // The grid shows only the table, never the list's hidden sheet.
    expect(screen.queryByRole('tab', { name: 'jixiao.ignored' })).not.toBeInTheDocument();
  });

  it('a file whose list sheet is of a newer format: the page says so, refuses to ignore, and the download keeps that list as it was; the CLI says so too', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeXlsxGrid({ sheets: [SEED_SHEET] }, { ignored: '[]' })).slice().buffer);
    const newerList = [['jixiao.ignored', 2], ['{"entries":[{"key":"a later version\'s key"}]}']];
    book.addWorksheet('jixiao.ignored', { state: 'veryHidden' }).addRows(newerList);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const page = renderPage();
    await upload(page.user, bytes, '新版.xlsx');
    expect(await screen.findByText(NEWER)).toBeInTheDocument();
    await runCheck(page.user);
    expect(await screen.findByText('请先改正错误再提交。')).toBeInTheDocument();
    // Ignoring would save this version's list over the newer one's entries: refused, saying why.
    await page.user.click(within(rowOf(effectMissing)).getByRole('button', { name: '忽略' }));
    const dialog = await findDialog();
    await page.user.type(within(dialog).getByRole('textbox'), '原因');
    await page.user.click(dialogButton(dialog, '忽略'));
    expect(await within(dialog).findByText(NEWER)).toBeInTheDocument();

    const downloaded = new ExcelJS.Workbook();
    await downloaded.xlsx.load((await download(page.user, '干净的副本（不含标记）')).slice().buffer);
    const kept = downloaded.getWorksheet('jixiao.ignored');
    expect(kept?.getSheetValues().slice(1).map((row) => (Array.isArray(row) ? row.slice(1) : row))).toEqual(newerList);

    const file = path.join(dir, '新版.xlsx');
    writeFileSync(file, bytes);
    const run = await runInProcess('check', file, '--format', 'json');
    expect(run.stderr).toContain('文件中的忽略列表由更新版本的绩效目标表助手保存');
    expect((JSON.parse(run.stdout) as { summary: { errors: number } }).summary.errors).toBe(1);
  });

  it('a file whose list cannot be read: the CLI says so on stderr and counts the finding again', async () => {
    const base = await writeXlsxGrid({ sheets: [SEED_SHEET] }, { ignored: '[{"key":' });
    const file = path.join(dir, 'bad.xlsx');
    writeFileSync(file, base);
    const run = await runInProcess('check', file, '--format', 'json');
    expect(run.stderr).toContain('文件中保存的忽略列表无法读取');
    expect((JSON.parse(run.stdout) as { summary: { errors: number } }).summary.errors).toBe(1);
  });
});
