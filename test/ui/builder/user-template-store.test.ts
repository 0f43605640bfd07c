/** @jest-environment jsdom */
import { serializeUserTemplates, type UserTemplate } from '../../../src/core/templates';
import { createLocalStorageTemplateStore, USER_TEMPLATES_STORAGE_KEY } from '../../../src/ui/builder/user-template-store';

const template: UserTemplate = {
  id: 'u1',
  name: '培训套餐',
  rows: [
    { level1: '1', level2: '11', name: '培训人次', period: { kind: 'quantity', comparator: '≥', number: '200', unit: '人次' }, annual: { kind: 'quantity', comparator: '≥', number: '200', unit: '人次' } },
    { level1: '3', level2: '31', name: '参训人员满意度', period: { kind: 'quantity', comparator: '≥', number: '90', unit: '%' }, annual: { kind: 'quantity', comparator: '≥', number: '90', unit: '%' } },
  ],
};

beforeEach(() => window.localStorage.clear());

describe('the localStorage template store', () => {
  test('starts empty', () => expect(createLocalStorageTemplateStore(window.localStorage).load()).toEqual({ ok: true, templates: [] }));

  test('saves under jixiao.userTemplates in the export format and loads back', () => {
    const store = createLocalStorageTemplateStore(window.localStorage);
    expect(store.save([template])).toEqual({ ok: true });
    expect(window.localStorage.getItem(USER_TEMPLATES_STORAGE_KEY)).toBe(serializeUserTemplates([template]));
    expect(createLocalStorageTemplateStore(window.localStorage).load()).toEqual({ ok: true, templates: [template] });
  });

  test('damaged data loads as empty, reported, and is left as it was', () => {
    for (const text of ['{not json', JSON.stringify({ format: 'other', version: 1, templates: [] })]) {
      window.localStorage.setItem(USER_TEMPLATES_STORAGE_KEY, text);
      expect(createLocalStorageTemplateStore(window.localStorage).load()).toEqual({ ok: false, templates: [], reason: 'corrupt' });
      expect(window.localStorage.getItem(USER_TEMPLATES_STORAGE_KEY)).toBe(text);
    }
  });

  test('a full storage is reported, not thrown', () => {
    const full: Storage = {
      length: 0,
      clear: () => undefined,
      getItem: () => null,
      key: () => null,
      removeItem: () => undefined,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    expect(createLocalStorageTemplateStore(full).save([template])).toEqual({ ok: false, reason: 'full' });
    const blocked: Storage = { ...full, setItem: () => { throw new Error('SecurityError'); } };
    expect(createLocalStorageTemplateStore(blocked).save([template])).toEqual({ ok: false, reason: 'unavailable' });
  });

  test('a custom key keeps stores apart', () => {
    createLocalStorageTemplateStore(window.localStorage, 'other').save([template]);
    expect(createLocalStorageTemplateStore(window.localStorage).load()).toEqual({ ok: true, templates: [] });
    expect(createLocalStorageTemplateStore(window.localStorage, 'other').load()).toEqual({ ok: true, templates: [template] });
  });
});
