/** @jest-environment jsdom */
import { serializeUserTemplates, USER_TEMPLATE_LIMITS, type UserTemplate } from '../../../src/core/templates';
import { createLocalStorageTemplateStore, USER_TEMPLATES_STORAGE_KEY } from '../../../src/ui/builder/user-template-store';

const template: UserTemplate = {
  id: 'u1',
  name: '培训套餐',
  rows: [
    { level1: '1', level2: '11', name: '培训人次', period: { kind: 'quantity', comparator: '≥', number: '200', unit: '人次' }, annual: { kind: 'quantity', comparator: '≥', number: '200', unit: '人次' } },
    { level1: '3', level2: '31', name: '参训人员满意度', period: { kind: 'quantity', comparator: '≥', number: '90', unit: '%' }, annual: { kind: 'quantity', comparator: '≥', number: '90', unit: '%' } },
  ],
};

/** A Storage whose every method throws `error`, except those given. */
function failingStorage(error: Error, methods: Partial<Storage> = {}): Storage {
  const fail = () => {
    throw error;
  };
  return { length: 0, clear: fail, getItem: fail, key: fail, removeItem: fail, setItem: fail, ...methods };
}

beforeEach(() => window.localStorage.clear());

describe('the localStorage template store', () => {
  test('starts empty', () => expect(createLocalStorageTemplateStore(window.localStorage).load()).toEqual({ ok: true, templates: [] }));

  test('saves under jixiao.userTemplates in the export format; a new store on the same storage (a reload) finds it', () => {
    const store = createLocalStorageTemplateStore(window.localStorage);
    expect(store.save([template])).toEqual({ ok: true });
    expect(window.localStorage.getItem(USER_TEMPLATES_STORAGE_KEY)).toBe(serializeUserTemplates([template]));
    expect(createLocalStorageTemplateStore(window.localStorage).load()).toEqual({ ok: true, templates: [template] });
  });

  test.each([
    ['invalid JSON', '{not json', '这不是 JSON 文本，无法读取。'],
    ['another format', JSON.stringify({ format: 'other', version: 1, templates: [] }), '这不是绩效指标模板文件：“format”应为“jixiao-templates”。'],
    ['a wrong shape', JSON.stringify({ format: 'jixiao-templates', version: 1, templates: [{ id: 'u1', name: 'x', rows: 'none' }] }), '第 1 个模板的“rows”应为至少含一项指标的数组。'],
    ['over 1 MB', `"${'x'.repeat(USER_TEMPLATE_LIMITS.fileBytes)}"`, '模板数据超过 1 MB 的上限（1048576 字节），没有读取。'],
  ])('stored %s loads as empty, says why, and is reset so the next load is clean', (_, text, why) => {
    window.localStorage.setItem(USER_TEMPLATES_STORAGE_KEY, text);
    expect(createLocalStorageTemplateStore(window.localStorage).load()).toEqual({ ok: false, templates: [], reason: 'corrupt', details: [why] });
    expect(window.localStorage.getItem(USER_TEMPLATES_STORAGE_KEY)).toBeNull();
    const next = createLocalStorageTemplateStore(window.localStorage);
    expect(next.load()).toEqual({ ok: true, templates: [] });
    expect(next.save([template])).toEqual({ ok: true });
    expect(createLocalStorageTemplateStore(window.localStorage).load()).toEqual({ ok: true, templates: [template] });
  });

  test('storage that cannot be read is reported as unavailable, not as damaged data', () => {
    const blocked = failingStorage(new DOMException('denied', 'SecurityError'));
    expect(createLocalStorageTemplateStore(blocked).load()).toEqual({ ok: false, templates: [], reason: 'unavailable', details: ['denied'] });
  });

  test('a full storage is reported, not thrown or swallowed', () => {
    const full = failingStorage(new DOMException('quota', 'QuotaExceededError'), { getItem: () => null });
    expect(createLocalStorageTemplateStore(full).save([template])).toEqual({ ok: false, reason: 'full' });
    const legacy = failingStorage(new DOMException('quota', 'NS_ERROR_DOM_QUOTA_REACHED'), { getItem: () => null });
    expect(createLocalStorageTemplateStore(legacy).save([template])).toEqual({ ok: false, reason: 'full' });
    const blocked = failingStorage(new Error('SecurityError'), { getItem: () => null });
    expect(createLocalStorageTemplateStore(blocked).save([template])).toEqual({ ok: false, reason: 'unavailable' });
  });

  test('a list that would not load again is not written', () => {
    const store = createLocalStorageTemplateStore(window.localStorage);
    store.save([template]);
    const tooMany = Array.from({ length: USER_TEMPLATE_LIMITS.templates + 1 }, (_, i) => ({ ...template, id: `u${i + 1}` }));
    expect(store.save(tooMany)).toEqual({ ok: false, reason: 'invalid' });
    expect(store.save([{ ...template, name: '长'.repeat(USER_TEMPLATE_LIMITS.nameLength + 1) }])).toEqual({ ok: false, reason: 'invalid' });
    expect(createLocalStorageTemplateStore(window.localStorage).load()).toEqual({ ok: true, templates: [template] });
  });

  test('a custom key keeps stores apart', () => {
    createLocalStorageTemplateStore(window.localStorage, 'other').save([template]);
    expect(createLocalStorageTemplateStore(window.localStorage).load()).toEqual({ ok: true, templates: [] });
    expect(createLocalStorageTemplateStore(window.localStorage, 'other').load()).toEqual({ ok: true, templates: [template] });
  });
});
