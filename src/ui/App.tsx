import { FluentProvider, makeStyles, Tab, TabList, Title3, tokens, webLightTheme } from '@fluentui/react-components';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { createChecker, type Locale } from '../core';
import type { WorkbookPort } from '../workbook/port';
import { AboutPanel } from './AboutPanel';
import { CheckPanel } from './CheckPanel';
import { createCheckSession, type CheckSession, type CheckState } from './check-session';
import { uiStrings } from './i18n';

export interface TaskPaneAppProps {
  readonly port: WorkbookPort;
  readonly locale: Locale;
}

type TabName = 'check' | 'about';

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
export function useCheckSession(port: WorkbookPort, locale: Locale): { session: CheckSession; state: CheckState } {
  const session = useMemo(() => createCheckSession(port, createChecker({ locale }), locale), [port, locale]);
  useEffect(() => {
    session.start();
    return () => session.dispose();
  }, [session]);
  const state = useSyncExternalStore(session.subscribe, session.getState);
  return { session, state };
}

export function TaskPaneApp({ port, locale }: TaskPaneAppProps) {
  const styles = useStyles();
  const strings = uiStrings(locale);
  const [tab, setTab] = useState<TabName>('check');
  const { session, state } = useCheckSession(port, locale);
  return (
    <FluentProvider theme={webLightTheme} className={styles.root} lang={locale}>
      <main className={styles.page}>
        <Title3 as="h1" className={styles.title}>{strings.appTitle}</Title3>
        <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as TabName)}>
          <Tab value="check">{strings.tabCheck}</Tab>
          <Tab value="about">{strings.tabAbout}</Tab>
        </TabList>
        {/* Both panels stay mounted so that filters and findings survive a look at 关于. */}
        <div role="tabpanel" aria-label={strings.tabCheck} hidden={tab !== 'check'}>
          <CheckPanel session={session} state={state} strings={strings} locale={locale} capabilities={port.capabilities} />
        </div>
        <div role="tabpanel" aria-label={strings.tabAbout} hidden={tab !== 'about'}>
          <AboutPanel capabilities={port.capabilities} strings={strings} />
        </div>
      </main>
    </FluentProvider>
  );
}
