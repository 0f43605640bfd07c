import { Badge, Body1, Card, CardHeader, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { HostCapabilities } from '../workbook/port';
import { DiagnosticsCard } from './DiagnosticsCard';
import type { FeatureName, UiStrings } from './i18n';

const FEATURES: readonly FeatureName[] = ['conditionalFormatMarks', 'changeEvents', 'selectionEvents', 'persistentSettings', 'undoGroups'];

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  features: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  feature: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** Host facts for support (shared with the first screen) and which features this host allows. */
export function AboutPanel({ capabilities, strings }: { capabilities: HostCapabilities; strings: UiStrings }) {
  const styles = useStyles();
  // The port reports only the highest ExcelApi version it found, so that is the one set shown.
  const excelApi = capabilities.apiVersion === null ? [] : [{ version: capabilities.apiVersion, supported: true }];
  return (
    <div className={styles.panel}>
      <DiagnosticsCard host={capabilities.host} platform={capabilities.platform} excelApi={excelApi} strings={strings.diagnostics} />
      <Card>
        <CardHeader header={<Subtitle2 as="h2">{strings.featuresHeading}</Subtitle2>} />
        <ul className={styles.features}>
          {FEATURES.map((feature) => (
            <li key={feature} className={styles.feature}>
              <Body1>{strings.feature[feature]}</Body1>
              <Badge appearance={capabilities[feature] ? 'filled' : 'outline'} color={capabilities[feature] ? 'success' : 'informative'}>
                {capabilities[feature] ? strings.on : strings.off}
              </Badge>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
