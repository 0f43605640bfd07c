import { Button, FluentProvider, makeStyles, MessageBar, MessageBarBody, Title2, tokens, webLightTheme } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Locale } from '../core';
import { TaskPaneApp } from '../ui/App';
import { uiStrings } from '../ui/i18n';
import { createOfficeWorkbook } from '../workbook/office-workbook';
import type { WorkbookPort } from '../workbook/port';
import { excelApiSupport, officeSetSupportQuery, type SetSupportQuery } from './requirements';

export interface OfficeInfo {
  readonly host: string | null;
  readonly platform: string | null;
}

export interface BootOptions {
  readonly query?: SetSupportQuery;
  /** Office's display language, e.g. "zh-CN" or "en-US". */
  readonly displayLanguage?: string;
  /** The workbook port for Excel; the Office.js adapter unless a test provides one. */
  readonly createPort?: () => WorkbookPort;
}

// Only shown outside Excel: not part of the pane's first load.
const DiagnosticsCard = lazy(() => import(/* webpackChunkName: "about" */ '../ui/DiagnosticsCard').then((m) => ({ default: m.DiagnosticsCard })));

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
});

/** Chinese first; English only when Office itself is in English. */
export function localeOf(displayLanguage: string | undefined): Locale {
  return displayLanguage?.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}

/** Opened outside Excel (a plain browser, WPS, the CDN blocked): say where the product works instead. */
function NotInExcel({ info, query, locale }: { info: OfficeInfo; query: SetSupportQuery; locale: Locale }) {
  const styles = useStyles();
  const strings = uiStrings(locale);
  return (
    <main className={styles.page}>
      <Title2 as="h1">{strings.appTitle}</Title2>
      <MessageBar intent="info">
        <MessageBarBody>{strings.notInExcel}</MessageBarBody>
      </MessageBar>
      <Button as="a" appearance="primary" href="index.html">{strings.openStandalone}</Button>
      <Suspense fallback={null}>
        <DiagnosticsCard host={info.host} platform={info.platform} excelApi={excelApiSupport(query)} strings={strings.diagnostics} />
      </Suspense>
    </main>
  );
}

// Some hosts block storage (private mode, strict policies): templates then last for the session.
function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function renderTaskpane(root: HTMLElement, info: OfficeInfo, options: BootOptions = {}): Root {
  const locale = localeOf(options.displayLanguage);
  const reactRoot = createRoot(root);
  if (info.host === 'Excel') {
    const port = (options.createPort ?? (() => createOfficeWorkbook()))();
    reactRoot.render(<TaskPaneApp port={port} locale={locale} templateStorage={safeLocalStorage()} />);
  } else {
    reactRoot.render(
      <FluentProvider theme={webLightTheme} lang={locale}>
        <NotInExcel info={info} query={options.query ?? officeSetSupportQuery()} locale={locale} />
      </FluentProvider>,
    );
  }
  return reactRoot;
}
