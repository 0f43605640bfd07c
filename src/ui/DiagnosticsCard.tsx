import { Badge, Body1, Caption1, Card, CardHeader, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';

export interface DiagnosticsCardProps {
  /** Office host name as reported by Office.onReady (null outside Office). */
  readonly host: string | null;
  readonly platform: string | null;
  /** ExcelApi requirement sets, oldest first. */
  readonly excelApi: ReadonlyArray<{ readonly version: string; readonly supported: boolean }>;
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

export function DiagnosticsCard({ host, platform, excelApi }: DiagnosticsCardProps) {
  const styles = useStyles();
  const highest = highestSupported(excelApi);
  return (
    <Card aria-label="运行环境诊断">
      <CardHeader header={<Subtitle2 as="h2">运行环境诊断</Subtitle2>} />
      <dl className={styles.facts}>
        <dt className={styles.term}><Body1>宿主程序</Body1></dt>
        <dd className={styles.value}><Body1>{host ?? '未知（不在 Office 中运行）'}</Body1></dd>
        <dt className={styles.term}><Body1>平台</Body1></dt>
        <dd className={styles.value}><Body1>{platform ?? '未知'}</Body1></dd>
        <dt className={styles.term}><Body1>最高 ExcelApi 版本</Body1></dt>
        <dd className={styles.value}><Body1>{highest ?? '无'}</Body1></dd>
      </dl>
      <Caption1>ExcelApi 要求集支持情况</Caption1>
      <ul className={styles.sets}>
        {excelApi.map((s) => (
          <li key={s.version}>
            <Badge
              appearance={s.supported ? 'filled' : 'outline'}
              color={s.supported ? 'success' : 'informative'}
              aria-label={`ExcelApi ${s.version}：${s.supported ? '支持' : '不支持'}`}
            >
              {s.version} {s.supported ? '支持' : '不支持'}
            </Badge>
          </li>
        ))}
      </ul>
    </Card>
  );
}
