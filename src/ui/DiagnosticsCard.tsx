import { Badge, Body1, Caption1, Card, CardHeader, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { UiStrings } from './i18n';

export interface DiagnosticsCardProps {
  /** Office host name as reported by Office.onReady (null outside Office). */
  readonly host: string | null;
  readonly platform: string | null;
  /** ExcelApi requirement sets, oldest first. */
  readonly excelApi: ReadonlyArray<{ readonly version: string; readonly supported: boolean }>;
  readonly strings: UiStrings['diagnostics'];
}

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
  sets: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, listStyleType: 'none', padding: 0, margin: 0 },
});

// Sets are cumulative in practice, but we show each answer as reported rather than assume it.
function highestSupported(excelApi: DiagnosticsCardProps['excelApi']): string | null {
  const supported = excelApi.filter((s) => s.supported);
  return supported.length > 0 ? (supported[supported.length - 1]?.version ?? null) : null;
}

export function DiagnosticsCard({ host, platform, excelApi, strings }: DiagnosticsCardProps) {
  const styles = useStyles();
  const highest = highestSupported(excelApi);
  return (
    <Card aria-label={strings.title}>
      <CardHeader header={<Subtitle2 as="h2">{strings.title}</Subtitle2>} />
      <dl className={styles.facts}>
        <dt className={styles.term}><Body1>{strings.host}</Body1></dt>
        <dd className={styles.value}><Body1>{host ?? strings.notInOffice}</Body1></dd>
        <dt className={styles.term}><Body1>{strings.platform}</Body1></dt>
        <dd className={styles.value}><Body1>{platform ?? strings.unknown}</Body1></dd>
        <dt className={styles.term}><Body1>{strings.highest}</Body1></dt>
        <dd className={styles.value}><Body1>{highest ?? strings.none}</Body1></dd>
      </dl>
      <Caption1>{strings.sets}</Caption1>
      <ul className={styles.sets}>
        {excelApi.map((s) => (
          <li key={s.version}>
            <Badge
              appearance={s.supported ? 'filled' : 'outline'}
              color={s.supported ? 'success' : 'informative'}
              aria-label={`ExcelApi ${s.version}：${s.supported ? strings.supported : strings.unsupported}`}
            >
              {s.version} {s.supported ? strings.supported : strings.unsupported}
            </Badge>
          </li>
        ))}
      </ul>
    </Card>
  );
}
