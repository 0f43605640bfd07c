import { useMemo } from 'react';
import type { Checker, Locale } from '../../core';
import type { WorkbookPort } from '../../workbook/port';
import { BuilderWorkspace } from './BuilderWorkspace';
import { createLocalStorageTemplateStore, type UserTemplateStore } from './user-template-store';

export interface BuilderTabProps {
  readonly port: WorkbookPort;
  readonly locale: Locale;
  readonly checker: Checker;
  /** Where the user's own templates live across workbooks; null keeps them for this session only. */
  readonly storage: Storage | null;
}

function sessionStore(): UserTemplateStore {
  let kept = '';
  return createLocalStorageTemplateStore({
    get length() {
      return kept ? 1 : 0;
    },
    clear: () => (kept = ''),
    getItem: () => kept || null,
    key: () => null,
    removeItem: () => (kept = ''),
    setItem: (_key, value) => (kept = value),
  });
}

/** The 指标编辑 tab. Loaded on first use: the template library is not part of the pane's first screen. */
export function BuilderTab({ port, locale, checker, storage }: BuilderTabProps) {
  const store = useMemo(() => (storage ? createLocalStorageTemplateStore(storage) : sessionStore()), [storage]);
  return <BuilderWorkspace port={port} locale={locale} checker={checker} store={store} />;
}
