import { parseUserTemplateText, serializeUserTemplates, type UserTemplate } from '../../core/user-templates';
import { isQuotaExceeded } from '../stored-data';

export type UserTemplateStoreLoad =
  | { readonly ok: true; readonly templates: readonly UserTemplate[] }
  /**
   * `corrupt`: what was stored could not be read (not JSON, wrong shape, over the limits) and has been
   * removed, so the next load starts clean. `unavailable`: the storage cannot be read at all.
   */
  | { readonly ok: false; readonly templates: readonly UserTemplate[]; readonly reason: 'corrupt' | 'unavailable'; readonly details: readonly string[] };

/** `invalid`: the list breaks the template limits, so it would not load again; nothing was written. */
export type UserTemplateStoreSave = { readonly ok: true } | { readonly ok: false; readonly reason: 'full' | 'unavailable' | 'invalid' };

/** Where the host keeps the user's templates between sessions and workbooks. */
export interface UserTemplateStore {
  load(): UserTemplateStoreLoad;
  save(templates: readonly UserTemplate[]): UserTemplateStoreSave;
}

export const USER_TEMPLATES_STORAGE_KEY = 'jixiao.userTemplates';

/** Keeps the templates in the browser's localStorage, in the same format (and limits) as an exported file. */
export function createLocalStorageTemplateStore(storage: Storage, key: string = USER_TEMPLATES_STORAGE_KEY): UserTemplateStore {
  return {
    load() {
      let text: string | null;
      try {
        text = storage.getItem(key);
      } catch (error) {
        return { ok: false, templates: [], reason: 'unavailable', details: [error instanceof Error ? error.message : String(error)] };
      }
      if (text === null) return { ok: true, templates: [] };
      const parsed = parseUserTemplateText(text);
      if (parsed.ok) return { ok: true, templates: parsed.templates };
      try {
        storage.removeItem(key);
      } catch {
        // Still reported; the next save replaces it.
      }
      return { ok: false, templates: [], reason: 'corrupt', details: parsed.errors };
    },
    save(templates) {
      const text = serializeUserTemplates(templates);
      if (!parseUserTemplateText(text).ok) return { ok: false, reason: 'invalid' };
      try {
        storage.setItem(key, text);
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: isQuotaExceeded(error) ? 'full' : 'unavailable' };
      }
    },
  };
}

