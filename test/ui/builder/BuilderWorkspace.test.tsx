import '@testing-library/jest-dom';
import { act, screen, waitFor, within } from '@testing-library/react';
import { parseUserTemplateFile } from '../../../src/core/templates';
import { BuilderWorkspace } from '../../../src/ui/builder/BuilderWorkspace';
import { createLocalStorageTemplateStore, USER_TEMPLATES_STORAGE_KEY } from '../../../src/ui/builder/user-template-store';
import { createMemoryWorkbook } from '../../../src/workbook/memory-workbook';
import { SEED_SHEET } from '../../fixtures/seed-grid';
import { renderFluent } from '../render-fluent';
import { renderWorkspace } from './render-workspace';


beforeEach(() => window.localStorage.clear());

const names = () => screen.queryAllByRole('textbox', { name: '三级指标名称' }).map((e) => (e as HTMLInputElement).value);

describe('BuilderWorkspace', () => {
  test('recommends for the selected project, inserts into the builder and saves a user template in localStorage', async () => {
    const wb = createMemoryWorkbook({ sheets: [SEED_SHEET] });
    const { user } = renderFluent(<BuilderWorkspace port={wb} locale="zh-CN" store={createLocalStorageTemplateStore(window.localStorage)} />);
    expect(screen.getByRole('button', { name: '为本项目推荐' })).toBeDisabled();
    act(() => wb.select({ sheet: SEED_SHEET.name, cell: 'G6' }));
    expect(await screen.findByText('正在编辑：物业管理费（G6）')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '为本项目推荐' }));
    await waitFor(() => expect(screen.getByText('为“物业管理费”推荐')).toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: '插入“保洁服务达标率”' }));
    expect(names()).toEqual(['投诉次数', '物业管理工作按时完成率', '服务对象满意度', '保洁服务达标率']);

    await user.click(screen.getByRole('button', { name: '保存为我的模板' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('textbox', { name: '模板名称' }));
    await user.paste('物业套餐');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    const stored = parseUserTemplateFile(JSON.parse(window.localStorage.getItem(USER_TEMPLATES_STORAGE_KEY) ?? 'null'));
    expect(stored.ok && stored.templates.map((t) => [t.name, t.rows.map((r) => r.name)])).toEqual([
      ['物业套餐', ['投诉次数', '物业管理工作按时完成率', '服务对象满意度', '保洁服务达标率']],
    ]);
  });

  test('damaged stored templates are reported, reset, and the list starts empty', async () => {
    window.localStorage.setItem(USER_TEMPLATES_STORAGE_KEY, '{broken');
    await renderWorkspace(createMemoryWorkbook({ sheets: [SEED_SHEET] }), createLocalStorageTemplateStore(window.localStorage));
    expect(screen.getByText('本机保存的模板数据无法读取，已重置为空。可重新导入之前导出的模板文件。')).toBeInTheDocument();
    expect(screen.getByText(/还没有自己的模板/)).toBeInTheDocument();
    expect(window.localStorage.getItem(USER_TEMPLATES_STORAGE_KEY)).toBeNull();
  });
});
