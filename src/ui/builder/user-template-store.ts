import { parseUserTemplateFile, serializeUserTemplates, type UserTemplate } from '../../core/templates';

export type UserTemplateStoreLoad =
  | { readonly ok: true; readonly templates: readonly UserTemplate[] }
  /** What was stored cannot be read; `templates` is empty and the stored text is left as it is. */
  | { readonly ok: false; readonly templates: readonly UserTemplate[]; readonly reason: 'corrupt' };

export type UserTemplateStoreSave = { readonly ok: true } | { readonly ok: false; readonly reason: 'full' | 'unavailable' };

/** Where the host keeps the user's templates between sessions and workbooks. */
export interface UserTemplateStore {
  load(): UserTemplateStoreLoad;
  save(templates: readonly UserTemplate[]): UserTemplateStoreSave;
}

export const USER_TEMPLATES_STORAGE_KEY = 'jixiao.userTemplates';

/** Keeps the templates in the browser's localStorage, in the same format as an exported file. */
export function createLocalStorageTemplateStore(storage: Storage, key: string = USER_TEMPLATES_STORAGE_KEY): UserTemplateStore {
  return {
    load() {
      let text: string | null;
      try {
        text = storage.getItem(key);
      } catch {
        return { ok: false, templates: [], reason: 'corrupt' };
      }
      if (text === null) return { ok: true, templates: [] };
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return { ok: false, templates: [], reason: 'corrupt' };
      }
      const parsed = parseUserTemplateFile(json);
      return parsed.ok ? { ok: true, templates: parsed.templates } : { ok: false, templates: [], reason: 'corrupt' };
    },
    save(templates) {
      try {
        storage.setItem(key, serializeUserTemplates(templates));
        return { ok: true };
      } catch (error) {
        const full = error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');
        return { ok: false, reason: full ? 'full' : 'unavailable' };
      }
    },
  };
}
