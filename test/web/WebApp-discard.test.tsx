import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { WebApp } from '../../src/web/WebApp';
import { dialogButton, dialogClosed, findDialog, renderFluent, type TestUser } from '../ui/render-fluent';
import { memoryStorage } from './memory-storage';

const SHEET = '项目支出绩效目标表';
const cell = (address: string) => {
  const found = screen.getByRole('grid', { name: SHEET }).querySelector<HTMLElement>(`[data-cell="${address}"]`);
  if (!found) throw new Error(`no cell ${address}`);
  return found;
};

async function typeInto(user: TestUser, address: string, text: string): Promise<void> {
  await user.dblClick(cell(address));
  const editor = screen.getByRole('textbox', { name: `编辑单元格 ${address}` });
  await user.clear(editor);
  await user.type(editor, `${text}{Enter}`);
}

const csv = (name: string) => new File(['项目名称（资金使用单位）,总计,财政拨款,绩效目标,绩效指标\n合计,1,1,,\n'], name, { type: 'text/csv' });

describe('the standalone page never drops unsaved edits without asking', () => {
  it('打开示例表 after an edit asks first; 取消 keeps the edit, 放弃修改并打开 opens the sample', async () => {
    const { user } = renderFluent(<WebApp locale="zh-CN" storage={memoryStorage()} />, { provider: false });
    await typeInto(user, 'B6', '98');
    await user.click(screen.getByRole('button', { name: '打开示例表' }));
    let dialog = await findDialog();
    expect(within(dialog).getByText('放弃未下载的修改？')).toBeInTheDocument();
    await user.click(dialogButton(dialog, '取消'));
    await dialogClosed();
    expect(cell('B6')).toHaveTextContent('98');

    await user.click(screen.getByRole('button', { name: '打开示例表' }));
    dialog = await findDialog();
    await user.click(dialogButton(dialog, '放弃修改并打开'));
    await dialogClosed();
    expect(cell('B6')).toHaveTextContent('99');
  });

  it('opening another file after an edit asks, naming the file; with nothing edited it just opens', async () => {
    const { user } = renderFluent(<WebApp locale="zh-CN" storage={memoryStorage()} />, { provider: false });
    const input = screen.getByLabelText('打开文件（.xlsx / .csv）');
    await typeInto(user, 'B6', '98');
    await user.upload(input, csv('另一个.csv'));
    const dialog = await findDialog();
    expect(within(dialog).getByText(/打开“另一个\.csv”会丢弃这些修改/)).toBeInTheDocument();
    await user.click(dialogButton(dialog, '取消'));
    await dialogClosed();
    expect(screen.getByText('当前文件：示例：广州市信访局项目支出绩效目标表')).toBeInTheDocument();

    // The sample unedited: nothing to lose, no question.
    await user.click(screen.getByRole('button', { name: '打开示例表' }));
    await user.click(dialogButton(await findDialog(), '放弃修改并打开'));
    await dialogClosed();
    await user.upload(input, csv('第三个.csv'));
    await waitFor(() => expect(screen.getByText('当前文件：第三个.csv')).toBeInTheDocument());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('asks in English on an English page', async () => {
    const { user } = renderFluent(<WebApp locale="en-US" storage={memoryStorage()} />, { provider: false });
    await user.dblClick(cell('B6'));
    const editor = screen.getByRole('textbox', { name: 'Edit cell B6' });
    await user.clear(editor);
    await user.type(editor, '98{Enter}');
    await user.click(screen.getByRole('button', { name: 'Open the sample' }));
    const dialog = await findDialog();
    expect(within(dialog).getByText('Discard the changes not downloaded?')).toBeInTheDocument();
    expect(dialogButton(dialog, 'Discard and open')).toBeInTheDocument();
  });
});
