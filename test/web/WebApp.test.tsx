import '@testing-library/jest-dom';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { WebApp } from '../../src/web/WebApp';
import { findingsSection, runCheck } from '../ui/pane-harness';
import { renderFluent } from '../ui/render-fluent';
import { memoryStorage } from './memory-storage';

const SHEET = '项目支出绩效目标表';

function renderPage(storage: Storage | null = memoryStorage()) {
  const { user, unmount } = renderFluent(<WebApp locale="zh-CN" storage={storage} />, { provider: false });
  return { user, storage, unmount };
}

const grid = () => screen.getByRole('grid', { name: SHEET });
const cell = (address: string) => {
  const found = grid().querySelector<HTMLElement>(`[data-cell="${address}"]`);
  if (!found) throw new Error(`no cell ${address}`);
  return found;
};

describe('the standalone checker', () => {
  it('opens on the sample, checks it, marks the cells and goes to a finding', async () => {
    const { user } = renderPage();
    expect(screen.getByText('当前文件：示例：广州市信访局项目支出绩效目标表')).toBeInTheDocument();
    expect(cell('A6')).toHaveTextContent('物业管理费');
    await runCheck(user);
    await waitFor(() => expect(cell('G12')).toHaveAttribute('data-mark', 'error'));
    expect(cell('G6')).toHaveAttribute('data-mark', 'warning');

    const row = within(findingsSection()).getByText('缺少效益指标（2-效益指标）：每个项目都必须有效益指标。').closest('li');
    await user.click(within(row as HTMLElement).getByRole('button', { name: /G12/ }));
    await waitFor(() => expect(cell('G12')).toHaveAttribute('aria-selected', 'true'));
  });

  it('edits a cell in the grid; the pane re-checks and the marks follow', async () => {
    const { user } = renderPage();
    await runCheck(user);
    await waitFor(() => expect(cell('G12')).toHaveAttribute('data-mark', 'error'));
    const fixed =
      '1、1-产出指标；12-质量指标；项目验收合格率（%）；实施周期指标值:100%；年度指标值:100%。2、2-效益指标；22-社会效益；群众认同感提升；实施周期指标值:有效提升；年度指标值:有效提升。3、3-满意度指标；31-服务对象满意度；来访群众满意度；实施周期指标值:≥90%；年度指标值:≥90%。';
    await user.dblClick(cell('G12'));
    const editor = screen.getByRole('textbox', { name: '编辑单元格 G12' });
    await user.clear(editor);
    await user.click(editor);
    await user.paste(fixed);
    await user.keyboard('{Enter}');
    expect(cell('G12')).toHaveTextContent(fixed);
    await waitFor(() => expect(cell('G12')).not.toHaveAttribute('data-mark', 'error'), { timeout: 5000 });
  });

  it('keeps edits in the browser and restores them on the next visit', async () => {
    const storage = memoryStorage();
    const first = renderPage(storage);
    await first.user.dblClick(cell('B6'));
    const editor = screen.getByRole('textbox', { name: '编辑单元格 B6' });
    await first.user.clear(editor);
    await first.user.type(editor, '98{Enter}');
    await waitFor(() => expect(storage.getItem('jixiao.web.document')).toContain('98'), { timeout: 3000 });
    first.unmount();
    renderPage(storage);
    expect(await screen.findByText('已恢复上次在本浏览器中编辑的工作簿。')).toBeInTheDocument();
    expect(cell('B6')).toHaveTextContent('98');
  });

  it('opens a CSV file (GBK) and refuses a password-protected workbook with the reason', async () => {
    const { user } = renderPage();
    const input = screen.getByLabelText('打开文件（.xlsx / .csv）');
    const gbk = readFileSync(join(__dirname, '../fixtures/seed-gbk.csv'));
    await user.upload(input, new File([gbk], '信访局.csv', { type: 'text/csv' }));
    await waitFor(() => expect(screen.getByText('当前文件：信访局.csv')).toBeInTheDocument());
    expect(screen.getByRole('grid', { name: '信访局' })).toBeInTheDocument();

    const locked = readFileSync(join(__dirname, '../fixtures/password.xlsx'));
    await user.upload(input, new File([locked], 'password.xlsx'));
    await waitFor(() => expect(screen.getByText('无法打开 password.xlsx：文件受密码保护，请在 Excel 中取消密码后再打开。')).toBeInTheDocument());
    expect(screen.getByText('当前文件：信访局.csv')).toBeInTheDocument();
  });
});

describe('the page in its language', () => {
  test.each([
    ['zh-CN', '绩效目标表助手 · 网页版'],
    ['en-US', 'Performance Target Table Assistant · web page'],
  ] as const)('%s: the html lang and the browser tab title follow the page language', async (locale, title) => {
    document.title = '';
    const { unmount } = renderFluent(<WebApp locale={locale} storage={null} />, { provider: false });
    await waitFor(() => expect(document.title).toBe(title));
    expect(document.documentElement.lang).toBe(locale);
    unmount();
  });
});
