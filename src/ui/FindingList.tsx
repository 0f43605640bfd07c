import { Body1, Body1Strong, Button, Caption1, makeStyles, mergeClasses, Subtitle2, tokens, useId, useRestoreFocusTarget } from '@fluentui/react-components';
import { ErrorCircle20Filled, Info20Filled, Warning20Filled } from '@fluentui/react-icons';
import { memo } from 'react';
import type { Finding, Locale, Severity } from '../core';
import type { IgnoredFinding } from '../workbook/port';
import { findingMessage, type SheetGroup } from './finding-view';
import type { UiStrings } from './i18n';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { margin: 0, overflowWrap: 'anywhere' },
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
    // Rows scrolled out of view are not laid out or painted (still read by screen readers and found by 查找):
    // a re-check that changes a few findings lays out the rows on screen, not all of them.
    contentVisibility: 'auto',
    containIntrinsicSize: 'auto 76px',
  },
  ignored: { color: tokens.colorNeutralForegroundDisabled },
  // A Button that reads like a list row: full width, left aligned, long text wraps.
  goTo: {
    justifyContent: 'flex-start',
    alignItems: 'flex-start',
    textAlign: 'start',
    width: '100%',
    minWidth: 0,
    maxWidth: 'none',
    height: 'auto',
    fontWeight: tokens.fontWeightRegular,
    whiteSpace: 'normal',
    overflowWrap: 'anywhere',
  },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, paddingInlineStart: tokens.spacingHorizontalXXL },
  reason: { paddingInlineStart: tokens.spacingHorizontalXXL, overflowWrap: 'anywhere' },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
});

export function SeverityIcon({ severity, label }: { severity: Severity; label: string }) {
  const styles = useStyles();
  const Icon = severity === 'error' ? ErrorCircle20Filled : severity === 'warning' ? Warning20Filled : Info20Filled;
  return <Icon className={styles[severity]} aria-label={label} />;
}

export interface FindingActions {
  readonly onSelect: (finding: Finding) => void;
  readonly onIgnore: (finding: Finding) => void;
  readonly onUnignore: (key: string) => void;
  readonly onFix: (finding: Finding) => void;
}

interface FindingRowProps extends FindingActions {
  readonly finding: Finding;
  /** The sums this finding's cell breaks (totals.consequence), listed under it without fixes of their own. */
  readonly consequences?: readonly Finding[];
  readonly ignored: IgnoredFinding | undefined;
  readonly strings: UiStrings;
  readonly locale: Locale;
  readonly disabled: boolean;
}

/** Memoised: a re-check re-renders only the rows whose finding (or state) changed; the actions are stable. */
export const FindingRow = memo(function FindingRow({ finding, consequences = NO_CONSEQUENCES, ignored, strings, locale, disabled, onSelect, onIgnore, onUnignore, onFix }: FindingRowProps) {
  const styles = useStyles();
  const messageId = useId('finding');
  // The dialogs these buttons open are controlled (no DialogTrigger): this marks where focus returns when they close.
  const restoreFocus = useRestoreFocusTarget();
  const message = findingMessage(finding, locale);
  return (
    <li className={mergeClasses(styles.row, ignored && styles.ignored)}>
      <Button
        appearance="subtle"
        className={mergeClasses(styles.goTo, ignored && styles.ignored)}
        icon={<SeverityIcon severity={finding.severity} label={strings.severity[finding.severity]} />}
        onClick={() => onSelect(finding)}
      >
        <span className={styles.text}>
          <Body1 id={messageId}>{message}</Body1>
          <Caption1>{finding.location.cell}</Caption1>
        </span>
      </Button>
      {ignored && <Caption1 className={styles.reason}>{strings.ignoredBecause(ignored.reason)}</Caption1>}
      {consequences.length > 0 && (
        <div className={styles.reason}>
          <Caption1>{strings.consequences}</Caption1>
          <ul className={styles.list} aria-label={strings.consequences}>
            {consequences.map((c) => (
              <li key={c.key}>
                <Button appearance="subtle" size="small" className={styles.goTo} onClick={() => onSelect(c)}>
                  {`${c.location.cell} ${findingMessage(c, locale)}`}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className={styles.actions}>
        {finding.fix && !ignored && (
          <Button size="small" aria-describedby={messageId} disabled={disabled} onClick={() => onFix(finding)} {...restoreFocus}>
            {strings.fix}
          </Button>
        )}
        {ignored ? (
          <Button size="small" aria-describedby={messageId} disabled={disabled} onClick={() => onUnignore(finding.key)}>
            {strings.unignore}
          </Button>
        ) : (
          <Button size="small" aria-describedby={messageId} disabled={disabled} onClick={() => onIgnore(finding)} {...restoreFocus}>
            {strings.ignore}
          </Button>
        )}
      </div>
    </li>
  );
});

const NO_CONSEQUENCES: readonly Finding[] = [];

interface FindingListProps extends FindingActions {
  readonly groups: readonly SheetGroup[];
  readonly ignored: ReadonlyMap<string, IgnoredFinding>;
  readonly strings: UiStrings;
  readonly locale: Locale;
  readonly disabled: boolean;
}

/** Findings under a heading per sheet, then per project. */
export function FindingList({ groups, ignored, strings, locale, disabled, ...actions }: FindingListProps) {
  const styles = useStyles();
  return (
    <div className={styles.group}>
      {groups.map((sheet) => (
        <section key={sheet.sheet} className={styles.group} aria-label={sheet.sheet}>
          <Subtitle2 as="h3" className={styles.heading}>{sheet.sheet}</Subtitle2>
          {sheet.projects.map((group) => (
            <div key={group.project ?? ''} className={styles.group}>
              <Body1Strong as="h4" className={styles.heading}>{group.project ?? strings.tableLevel}</Body1Strong>
              <ul className={styles.list}>
                {group.findings.map((f) => (
                  <FindingRow key={f.key} finding={f} consequences={group.consequences.get(f.key)} ignored={ignored.get(f.key)} strings={strings} locale={locale} disabled={disabled} {...actions} />
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
