import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { serializeUserTemplates, USER_TEMPLATE_LIMITS, type UserTemplate } from '../../../src/core/templates';
import type { BuilderRow } from '../../../src/core/builder';
import { TemplateLibrary } from '../../../src/ui/builder/TemplateLibrary';
import { createLocalStorageTemplateStore, USER_TEMPLATES_STORAGE_KEY } from '../../../src/ui/builder/user-template-store';
import { createMemoryWorkbook } from '../../../src/workbook/memory-workbook';
import { SEED_SHEET } from '../../fixtures/seed-grid';
import { renderFluent, type TestUser } from '../render-fluent';
import { renderWorkspace } from './render-workspace';


const quantity = (number: string, unit: string) => ({ kind: 'quantity' as const, comparator: '≥' as const, number, unit });
const template = (id: string, name: string): UserTemplate => ({ id, name, rows: [{ level1: '1', level2: '11', name: '培训人次', period: quantity('200', '人次'), annual: quantity('200', '人次') }] });
const jsonFile = (text: string, name = 'templates.json') => new File([text], name, { type: 'application/json' });
const CORRUPT = '本机保存的模板数据无法读取，已重置为空。可重新导入之前导出的模板文件。';

function renderStoredWorkspace(storage: Storage) {
  return renderWorkspace(createMemoryWorkbook({ sheets: [SEED_SHEET] }), createLocalStorageTemplateStore(storage));
}

const mine = () => screen.getByRole('region', { name: '我的模板' });
const myTemplateNames = () => within(mine()).queryAllByRole('listitem').map((li) => li.getAttribute('aria-label'));
const importInput = () => screen.getByLabelText('选择模板文件（.json）');

beforeEach(() => window.localStorage.clear());

describe('the user templates survive a reload', () => {
  test('an imported template is in localStorage and in the list of a freshly mounted pane', async () => {
    const first = await renderStoredWorkspace(window.localStorage);
    await first.user.upload(importInput(), jsonFile(serializeUserTemplates([template('u1', '培训套餐')])));
    expect(await screen.findByText('已导入 1 个模板。')).toBeInTheDocument();
    first.unmount();

    await renderStoredWorkspace(window.localStorage);
    expect(myTemplateNames()).toEqual(['培训套餐']);
    expect(screen.queryByText(CORRUPT)).not.toBeInTheDocument();
  });
});

describe('corrupt stored templates', () => {
  test.each([
    ['invalid JSON', '{"format": "jixiao-templates", "templates": ['],
    ['a wrong shape', JSON.stringify({ format: 'jixiao-templates', version: 1, templates: [{ id: 1, rows: {} }] })],
    ['a huge value', JSON.stringify({ format: 'jixiao-templates', version: 1, templates: [], padding: 'x'.repeat(USER_TEMPLATE_LIMITS.fileBytes) })],
  ])('%s: the pane renders, says the data was unreadable and reset, and keeps working', async (_, stored) => {
    window.localStorage.setItem(USER_TEMPLATES_STORAGE_KEY, stored);
    const { user } = await renderStoredWorkspace(window.localStorage);
    expect(screen.getByText(CORRUPT)).toBeInTheDocument();
    expect(screen.getByText(/还没有自己的模板/)).toBeInTheDocument();
    expect(window.localStorage.getItem(USER_TEMPLATES_STORAGE_KEY)).toBeNull();

    await user.upload(importInput(), jsonFile(serializeUserTemplates([template('u1', '培训套餐')])));
    expect(await screen.findByText('已导入 1 个模板。')).toBeInTheDocument();
    expect(myTemplateNames()).toEqual(['培训套餐']);
    await waitFor(() => expect(screen.queryByText(CORRUPT)).not.toBeInTheDocument());
    expect(createLocalStorageTemplateStore(window.localStorage).load()).toEqual({ ok: true, templates: [template('u1', '培训套餐')] });
  });
});

describe('saving into a full localStorage', () => {
  test('is reported in Chinese and the template stays for this session', async () => {
    const full: Storage = {
      length: 0,
      clear: () => undefined,
      getItem: () => null,
      key: () => null,
      removeItem: () => undefined,
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    };
    const { user } = await renderStoredWorkspace(full);
    await user.upload(importInput(), jsonFile(serializeUserTemplates([template('u1', '培训套餐')])));
    expect(await screen.findByText('浏览器存储空间已满，模板没有保存。请导出备份后删除部分模板。')).toBeInTheDocument();
    expect(myTemplateNames()).toEqual(['培训套餐']);
  });
});

describe('importing an untrusted template file', () => {
  test('over 1 MB: refused by its size, nothing changes', async () => {
    const store = createLocalStorageTemplateStore(window.localStorage);
    store.save([template('u1', '已有')]);
    const before = window.localStorage.getItem(USER_TEMPLATES_STORAGE_KEY);
    const { user } = await renderStoredWorkspace(window.localStorage);
    await user.upload(importInput(), jsonFile(' '.repeat(USER_TEMPLATE_LIMITS.fileBytes + 1)));
    expect(await screen.findByText('模板文件有 1.0 MB，超过 1 MB 的上限，没有导入任何模板。请选择由“导出”生成的模板文件。')).toBeInTheDocument();
    expect(myTemplateNames()).toEqual(['已有']);
    expect(window.localStorage.getItem(USER_TEMPLATES_STORAGE_KEY)).toBe(before);
  });

  test('a wrong field: each problem is listed by template and field, nothing changes', async () => {
    const { user } = await renderStoredWorkspace(window.localStorage);
    const bad = { format: 'jixiao-templates', version: 1, templates: [template('u1', '好的'), { id: 'u2', name: '长'.repeat(201), rows: [{ level1: '1', level2: '11', name: '人次', period: 5, annual: '' }] }] };
    await user.upload(importInput(), jsonFile(JSON.stringify(bad).replace('"好的"', '"好的","__proto__":{"polluted":true}')));
    expect(await screen.findByText('模板文件有问题，没有导入任何模板：')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('第 2 个模板的名称“name”有 201 个字符，超过 200 个字符的上限。')).toBeInTheDocument());
    await waitFor(() => expect(screen.getByText('第 2 个模板第 1 项指标的实施周期指标值应为文本（如 "≥95%"，可为空）。')).toBeInTheDocument());
    expect(myTemplateNames()).toEqual([]);
    expect(window.localStorage.getItem(USER_TEMPLATES_STORAGE_KEY)).toBeNull();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  test('more templates than the 500 a user may keep: refused as a whole', async () => {
    const existing = Array.from({ length: 499 }, (_, i) => template(`u${i + 1}`, `模板${i + 1}`));
    createLocalStorageTemplateStore(window.localStorage).save(existing);
    const { user } = await renderStoredWorkspace(window.localStorage);
    await user.upload(importInput(), jsonFile(serializeUserTemplates([template('a', '甲'), template('b', '乙')])));
    expect(await screen.findByText('我的模板最多 500 个：现有 499 个，文件中有 2 个。没有导入任何模板，请先删除部分模板。')).toBeInTheDocument();
    expect(myTemplateNames()).toHaveLength(499);
    expect(createLocalStorageTemplateStore(window.localStorage).load()).toEqual({ ok: true, templates: existing });
  });
});

describe('saving a template within the limits a file is read back with', () => {
  const rows: BuilderRow[] = [{ id: 'a', level1: '1', level2: '11', name: '巡查次数', period: quantity('12', '次'), annual: quantity('12', '次') }];

  function renderLibrary(userTemplates: readonly UserTemplate[]) {
    const saves: (readonly UserTemplate[])[] = [];
    const { user } = renderFluent(
      <TemplateLibrary locale="zh-CN" templates={[]} userTemplates={userTemplates} onInsert={() => undefined} onSaveUserTemplates={(next) => saves.push(next)} builderRows={rows} />,
    );
    return { user, saves };
  }

  async function saveAs(user: TestUser, name: string) {
    await user.click(screen.getByRole('button', { name: '保存为我的模板' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('textbox', { name: '模板名称' }));
    await user.paste(name);
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    return dialog;
  }

  test('a name over 200 characters is refused in the dialog, naming the field', async () => {
    const { user, saves } = renderLibrary([]);
    const dialog = await saveAs(user, '长'.repeat(201));
    expect(await within(dialog).findByText('第 1 个模板的名称“name”有 201 个字符，超过 200 个字符的上限。')).toBeInTheDocument();
    expect(saves).toEqual([]);
  });

  test('with 500 templates already, nothing more is saved', async () => {
    const { user, saves } = renderLibrary(Array.from({ length: USER_TEMPLATE_LIMITS.templates }, (_, i) => template(`u${i + 1}`, `模板${i + 1}`)));
    await saveAs(user, '第 501 个');
    expect(await screen.findByText('我的模板已达 500 个的上限，没有保存。请先导出备份并删除部分模板。')).toBeInTheDocument();
    expect(saves).toEqual([]);
  });
});
