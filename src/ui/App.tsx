import { FluentProvider, makeStyles, Spinner, Tab, TabList, Title3, tokens, webLightTheme } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { createChecker, type Checker, type Locale } from '../core';
import type { WorkbookPort } from '../workbook/port';
import { CheckPanel } from './CheckPanel';
import { createCheckSession, portReportingWrites, type CheckSession, type CheckState } from './check-session';
import { uiStrings } from './i18n';

export interface TaskPaneAppProps {
  readonly port: WorkbookPort;
  readonly locale: Locale;
  /** Keeps the user's own indicator templates and the pane's settings across workbooks (localStorage); null for this session only. */
  readonly templateStorage?: Storage | null;
  /** Told the rules the user chose ("auto" or a built-in profile), so that a host's own report uses the same. */
  readonly onProfileChoice?: (choice: string) => void;
}

type TabName = 'check' | 'builder' | 'about';

// The builder and its template library load when the tab is first opened, keeping the first screen lean.
// Loaded when their tab is first opened: the pane's first load carries the check alone.
const AboutPanel = lazy(() => import(/* webpackChunkName: "about" */ './AboutPanel').then((m) => ({ default: m.AboutPanel })));
const BuilderTab = lazy(() => import(/* webpackChunkName: "builder" */ './builder/BuilderTab').then((m) => ({ default: m.BuilderTab })));

const useStyles = makeStyles({
  root: { minHeight: '100vh', boxSizing: 'border-box' },
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    maxWidth: '100%',
    boxSizing: 'border-box',
    overflowX: 'hidden',
  },
  title: { margin: 0 },
  tabs: { flexWrap: 'wrap' },
});

/** One session per port: it outlives tab switches, so findings stay while the About tab is open. */
export function useCheckSession(port: WorkbookPort, locale: Locale, settings: Storage | null = null): { session: CheckSession; state: CheckState; checker: Checker } {
  const checker = useMemo(() => createChecker(), []);
  const session = useMemo(() => createCheckSession(port, checker, locale, { settings }), [port, checker, locale, settings]);
  useEffect(() => {
    session.start();
    return () => session.dispose();
  }, [session]);
  const state = useSyncExternalStore(session.subscribe, session.getState);
  return { session, state, checker };
}

export function TaskPaneApp({ port, locale, templateStorage = null, onProfileChoice }: TaskPaneAppProps) {
  const styles = useStyles();
  const strings = uiStrings(locale);
  const [tab, setTab] = useState<TabName>('check');
  // Mounted on first visit, then kept: rows being edited survive a look at another tab.
  const [opened, setOpened] = useState<ReadonlySet<TabName>>(() => new Set(['check']));
  const { session, state, checker } = useCheckSession(port, locale, templateStorage);
  useEffect(() => onProfileChoice?.(state.profileChoice), [state.profileChoice, onProfileChoice]);
  // What the builder writes is re-checked at once, as an edit of the user's would be.
  const builderPort = useMemo(() => portReportingWrites(port, (result, rowsMoved) => session.wrote(result, rowsMoved)), [port, session]);
  return (
    // Layout classes go on an inner element: Fluent copies the provider's className onto portal
    // mount nodes, and a full-height provider class would cover the page whenever a dropdown opens.
    <FluentProvider theme={webLightTheme} lang={locale}>
      <main className={`${styles.root} ${styles.page}`}>
        <Title3 as="h1" className={styles.title}>{strings.appTitle}</Title3>
        <TabList
          className={styles.tabs}
          selectedValue={tab}
          onTabSelect={(_, data) => {
            setTab(data.value as TabName);
            setOpened((current) => new Set([...current, data.value as TabName]));
          }}
        >
          <Tab value="check">{strings.tabCheck}</Tab>
          <Tab value="builder">{strings.tabBuilder}</Tab>
          <Tab value="about">{strings.tabAbout}</Tab>
        </TabList>
        {/* Both panels stay mounted so that filters and findings survive a look at 关于. */}
        <div role="tabpanel" aria-label={strings.tabCheck} hidden={tab !== 'check'}>
          <CheckPanel session={session} state={state} strings={strings} locale={locale} capabilities={port.capabilities} />
        </div>
        <div role="tabpanel" aria-label={strings.tabBuilder} hidden={tab !== 'builder'}>
          {opened.has('builder') && (
            <Suspense fallback={<Spinner size="small" label={strings.loading} />}>
              <BuilderTab port={builderPort} locale={locale} checker={checker} storage={templateStorage} />
            </Suspense>
          )}
        </div>
        <div role="tabpanel" aria-label={strings.tabAbout} hidden={tab !== 'about'}>
          {opened.has('about') && (
            <Suspense fallback={<Spinner size="small" label={strings.loading} />}>
              <AboutPanel capabilities={port.capabilities} strings={strings} />
            </Suspense>
          )}
        </div>
      </main>
    </FluentProvider>
  );
}
