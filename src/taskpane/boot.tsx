import { FluentProvider, makeStyles, Title2, tokens, webLightTheme } from '@fluentui/react-components';
import { createRoot, type Root } from 'react-dom/client';
import { DiagnosticsCard } from '../ui/DiagnosticsCard';
import { excelApiSupport, officeSetSupportQuery, type SetSupportQuery } from './requirements';

export interface OfficeInfo {
  readonly host: string | null;
  readonly platform: string | null;
}

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
});

function FirstScreen({ info, query }: { info: OfficeInfo; query: SetSupportQuery }) {
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <Title2 as="h1">绩效目标表助手</Title2>
      <DiagnosticsCard host={info.host} platform={info.platform} excelApi={excelApiSupport(query)} />
    </main>
  );
}

export function renderTaskpane(root: HTMLElement, info: OfficeInfo, query: SetSupportQuery = officeSetSupportQuery()): Root {
  const reactRoot = createRoot(root);
  reactRoot.render(
    <FluentProvider theme={webLightTheme}>
      <FirstScreen info={info} query={query} />
    </FluentProvider>,
  );
  return reactRoot;
}
