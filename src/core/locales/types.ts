/** A language with a folder src/core/locales/<tag>/; each part's catalogue (`*-texts.ts`, CATALOGS) is a record over these. */
export type Locale = 'zh-CN' | 'en-US';
