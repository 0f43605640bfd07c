import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import type { BuilderRow } from '../../../src/core/builder';
import {
  BUILTIN_TEMPLATES,
  recommendTemplates,
  searchTemplates,
  serializeUserTemplates,
  templateToBuilderRow,
  type UserTemplate,
} from '../../../src/core/templates';
import { TemplateLibrary, type TemplateLibraryProps } from '../../../src/ui/builder/TemplateLibrary';
import { dialogClosed, findDialog, renderFluent } from '../render-fluent';


const quantity = (comparator: '≥' | null, number: string, unit: string) => ({ kind: 'quantity' as const, comparator, number, unit });
const builderRows: BuilderRow[] = [
  { id: 'a', level1: '1', level2: '11', name: '巡查次数', period: quantity('≥', '12', '次'), annual: quantity('≥', '12', '次') },
  { id: 'b', level1: '3', level2: '31', name: '群众满意度', period: quantity('≥', '90', '%'), annual: quantity('≥', '90', '%') },
  { id: 'c', level1: '', level2: '', name: '', period: quantity(null, '', ''), annual: quantity(null, '', '') },
];
const stored: UserTemplate = { id: 'u1', name: '巡查次数', rows: [{ level1: '1', level2: '11', name: '巡查次数', period: quantity('≥', '12', '次'), annual: quantity('≥', '12', '次') }] };
const withoutId = (rows: readonly BuilderRow[]) => rows.map((r) => ({ level1: r.level1, level2: r.level2, name: r.name, period: r.period, annual: r.annual }));

/** The library with its user templates held in state, as the host would. */
function renderLibrary(props: Partial<TemplateLibraryProps> = {}, initial: readonly UserTemplate[] = []) {
  const onInsert = jest.fn<void, [BuilderRow[]]>();
  const saves: (readonly UserTemplate[])[] = [];
  function Host() {
    const [userTemplates, setUserTemplates] = useState<readonly UserTemplate[]>(initial);
    return (
      <TemplateLibrary
          locale="zh-CN"
          templates={BUILTIN_TEMPLATES}
          userTemplates={userTemplates}
          onInsert={onInsert}
          onSaveUserTemplates={(next) => {
            saves.push(next);
            setUserTemplates(next);
          }}
          builderRows={builderRows}
        {...props}
      />
    );
  }
  const { user } = renderFluent(<Host />);
  return { user, onInsert, saves };
}

const library = () => screen.getByRole('list', { name: '模板库' });
const mine = () => screen.getByRole('region', { name: '我的模板' });

describe('TemplateLibrary: built-in templates', () => {
  test('lists every template, then filters by keyword and by project type', async () => {
    const { user } = renderLibrary();
    expect(screen.getByText(`共 ${BUILTIN_TEMPLATES.length} 个模板`)).toBeInTheDocument();
    await user.click(screen.getByRole('searchbox', { name: '搜索' }));
    await user.paste('满意度');
    const bySatisfaction = searchTemplates(BUILTIN_TEMPLATES, { keyword: '满意度' });
    expect(within(library()).getAllByRole('listitem')).toHaveLength(bySatisfaction.length);

    await user.click(screen.getByRole('combobox', { name: '项目类型' }));
    await user.click(await screen.findByRole('option', { name: '培训/会议' }));
    expect(within(library()).getAllByRole('listitem').map((li) => li.getAttribute('aria-label'))).toEqual(['参训人员满意度']);

    await user.clear(screen.getByRole('searchbox', { name: '搜索' }));
    expect(within(library()).getAllByRole('listitem')).toHaveLength(searchTemplates(BUILTIN_TEMPLATES, { projectType: 'training' }).length);
    await user.click(screen.getByRole('searchbox', { name: '搜索' }));
    await user.paste('不存在的指标');
    await waitFor(() => expect(screen.getByText('没有符合条件的模板。')).toBeInTheDocument());
  });

  test('recommends for the project, with the reasons, and goes back to search', async () => {
    const project = { projectName: '物业管理费', goal: '做好市人民来访接待厅物业管理服务工作，确保提供优质物业管理服务。' };
    const { user } = renderLibrary({ recommendFor: project });
    await user.click(screen.getByRole('button', { name: '为本项目推荐' }));
    await waitFor(() => expect(screen.getByText('为“物业管理费”推荐')).toBeInTheDocument());
    // The library is given the builder's rows (产出 and 满意度), so what they lack (效益) comes first (issue 17 item 7).
    const expected = recommendTemplates(BUILTIN_TEMPLATES, project, 12, undefined, { existing: builderRows });
    const items = within(library()).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('aria-label'))).toEqual(expected.map((r) => r.template.name));
    expect(expected[0]?.template.projectTypes).toContain('property');
    await waitFor(() => expect(within(items[0] as HTMLElement).getByText(/推荐理由：项目名称含“物业”/)).toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: '返回搜索' }));
    await waitFor(() => expect(screen.getByText(`共 ${BUILTIN_TEMPLATES.length} 个模板`)).toBeInTheDocument());
  });

  test('cannot recommend without a project; says so when nothing matches', async () => {
    renderLibrary();
    expect(screen.getByRole('button', { name: '为本项目推荐' })).toBeDisabled();
  });

  test('says when nothing matches the project', async () => {
    const { user } = renderLibrary({ recommendFor: { projectName: 'abc', goal: 'xyz' } });
    await user.click(screen.getByRole('button', { name: '为本项目推荐' }));
    await waitFor(() => expect(screen.getByText(/没有找到与本项目名称或绩效目标相关的模板/)).toBeInTheDocument());
  });

  test('inserts one template, or the selected set, with its values pre-filled', async () => {
    const { user, onInsert } = renderLibrary();
    const trainees = BUILTIN_TEMPLATES.find((t) => t.id === 'training.trainees');
    const pass = BUILTIN_TEMPLATES.find((t) => t.id === 'training.pass');
    if (!trainees || !pass) throw new Error('templates');
    await user.click(screen.getByRole('button', { name: '插入“培训人次”' }));
    expect(withoutId(onInsert.mock.calls[0]?.[0] ?? [])).toEqual(withoutId([templateToBuilderRow(trainees)]));
    await waitFor(() => expect(screen.getByText('已插入 1 项指标，可在指标编辑器中修改。')).toBeInTheDocument());

    await waitFor(() => expect(screen.getByRole('button', { name: '插入所选（0）' })).toBeDisabled());
    await user.click(screen.getByRole('checkbox', { name: '选择“培训考核合格率”' }));
    await user.click(screen.getByRole('checkbox', { name: '选择“培训人次”' }));
    await user.click(screen.getByRole('button', { name: '插入所选（2）' }));
    // Library order, not click order.
    expect(withoutId(onInsert.mock.calls[1]?.[0] ?? [])).toEqual(withoutId([templateToBuilderRow(trainees), templateToBuilderRow(pass)]));
    await waitFor(() => expect(screen.getByRole('button', { name: '插入所选（0）' })).toBeDisabled());
  });
});

describe('TemplateLibrary: my templates', () => {
  test('saves one row named after it, or a named set; rows without levels or a name cannot be chosen', async () => {
    const { user, saves } = renderLibrary();
    expect(within(mine()).getByText(/还没有自己的模板/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '保存为我的模板' }));
    let dialog = await findDialog();
    await waitFor(() => expect(within(dialog).getByRole('checkbox', { name: '3. （未命名） （需先选好一级、二级指标并填写名称）' })).toBeDisabled());
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(within(dialog).getByText('保存多项指标时请填写模板名称。')).toBeInTheDocument());
    expect(saves).toEqual([]);
    await user.click(within(dialog).getByRole('checkbox', { name: '2. 群众满意度' }));
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    await dialogClosed();
    expect(saves[0]?.map((t) => [t.id, t.name, t.rows.length])).toEqual([['u1', '巡查次数', 1]]);

    await user.click(screen.getByRole('button', { name: '保存为我的模板' }));
    dialog = await findDialog();
    await user.click(within(dialog).getByRole('textbox', { name: '模板名称' }));
    await user.paste('执法检查');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    await dialogClosed();
    expect(saves[1]?.map((t) => [t.id, t.name, t.rows.length])).toEqual([['u1', '巡查次数', 1], ['u2', '执法检查', 2]]);
    expect(within(mine()).getByRole('listitem', { name: '执法检查' })).toHaveTextContent('2 项指标');
    await waitFor(() => expect(screen.getByText('已保存模板“执法检查”。')).toBeInTheDocument());
  });

  test('save is unavailable when no builder row can be saved', () => {
    renderLibrary({ builderRows: [builderRows[2] as BuilderRow] });
    expect(screen.getByRole('button', { name: '保存为我的模板' })).toBeDisabled();
  });

  test('inserts a user template into the builder', async () => {
    const { user, onInsert } = renderLibrary({}, [stored]);
    await user.click(within(mine()).getByRole('button', { name: '插入“巡查次数”' }));
    expect(withoutId(onInsert.mock.calls[0]?.[0] ?? [])).toEqual(stored.rows);
  });

  test('edits a template; a bad value gets a clear message and changes nothing', async () => {
    const { user, saves } = renderLibrary({}, [stored]);
    await user.click(screen.getByRole('button', { name: '编辑模板“巡查次数”' }));
    const dialog = await findDialog();
    const name = within(dialog).getByRole('textbox', { name: '模板名称' });
    await user.clear(name);
    await user.paste('日常巡查');
    const period = within(within(dialog).getByRole('group', { name: '第 1 项' })).getByRole('textbox', { name: '实施周期指标值' });
    await user.clear(period);
    await user.paste('>=24次');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(within(dialog).getByText('第 1 个模板第 1 项指标的实施周期指标值“>=24次”写法不规范，应写作“≥24次”。')).toBeInTheDocument());
    expect(saves).toEqual([]);
    await user.clear(period);
    await user.paste('≥24次');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    await dialogClosed();
    expect(saves[0]).toEqual([{ ...stored, name: '日常巡查', rows: [{ ...stored.rows[0], period: quantity('≥', '24', '次') }] }]);
  });

  test('deletes a template after confirmation', async () => {
    const { user, saves } = renderLibrary({}, [stored]);
    await user.click(screen.getByRole('button', { name: '删除模板“巡查次数”' }));
    let dialog = await findDialog();
    await user.click(within(dialog).getByRole('button', { name: '取消' }));
    await dialogClosed();
    expect(saves).toEqual([]);
    await user.click(screen.getByRole('button', { name: '删除模板“巡查次数”' }));
    dialog = await findDialog();
    await user.click(within(dialog).getByRole('button', { name: '删除' }));
    await dialogClosed();
    expect(saves).toEqual([[]]);
    await waitFor(() => expect(screen.getByText('已删除模板“巡查次数”。')).toBeInTheDocument());
  });

  test('exports a JSON file through a Blob and an anchor', async () => {
    const blobs: Blob[] = [];
    const downloads: string[] = [];
    const originalCreate = URL.createObjectURL;
    const originalRevoke = URL.revokeObjectURL;
    URL.createObjectURL = (blob: Blob) => {
      blobs.push(blob);
      return 'blob:templates';
    };
    URL.revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(`${this.download}|${this.href}`);
    });
    try {
      const { user } = renderLibrary({}, [stored]);
      await user.click(screen.getByRole('button', { name: '导出' }));
      expect(downloads).toEqual(['绩效指标模板.json|blob:templates']);
      expect(blobs[0]?.type).toBe('application/json');
      expect(await readBlob(blobs[0] as Blob)).toBe(serializeUserTemplates([stored]));
    } finally {
      URL.createObjectURL = originalCreate;
      URL.revokeObjectURL = originalRevoke;
      click.mockRestore();
    }
  });

  test('export is unavailable with no templates', () => {
    renderLibrary();
    expect(screen.getByRole('button', { name: '导出' })).toBeDisabled();
  });

  test('imports a file; a colliding id gets a new one', async () => {
    const { user, saves } = renderLibrary({}, [stored]);
    const file = new File([serializeUserTemplates([stored, { ...stored, id: 'u7', name: '另一个' }])], 'templates.json', { type: 'application/json' });
    await user.upload(screen.getByLabelText('选择模板文件（.json）'), file);
    expect(await screen.findByText('已导入 2 个模板。')).toBeInTheDocument();
    expect(saves[0]?.map((t) => [t.id, t.name])).toEqual([['u1', '巡查次数'], ['u2', '巡查次数'], ['u7', '另一个']]);
  });

  test('a bad file gets a clear message and changes nothing', async () => {
    const { user, saves } = renderLibrary({}, [stored]);
    await user.upload(screen.getByLabelText('选择模板文件（.json）'), new File(['not json'], 'x.json', { type: 'application/json' }));
    expect(await screen.findByText(/这不是 JSON 文件，无法读取/)).toBeInTheDocument();
    const bad = { format: 'jixiao-templates', version: 1, templates: [{ id: 'x', name: 'x', rows: [{ level1: '1', level2: '99', name: '名', period: '', annual: '' }] }] };
    await user.upload(screen.getByLabelText('选择模板文件（.json）'), new File([JSON.stringify(bad)], 'bad.json', { type: 'application/json' }));
    expect(await screen.findByText('模板文件有问题，没有导入任何模板：')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('第 1 个模板第 1 项指标的二级指标编码“99”不在指标体系中。')).toBeInTheDocument());
    expect(saves).toEqual([]);
    expect(within(mine()).getAllByRole('listitem')).toHaveLength(1);
  });
});

function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}
