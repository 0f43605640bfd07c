import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Subtitle2,
  Switch,
  ToggleButton,
  tokens,
} from '@fluentui/react-components';
import { ArrowUndo20Regular, Dismiss20Regular, DocumentTable20Regular, Eraser20Regular, Wrench20Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { BUILTIN_PROFILES, CATALOGS, SEVERITIES, type Finding, type Fix, type Locale, type Severity } from '../core';
import type { HostCapabilities } from '../workbook/port';
import type { CheckSession, CheckState } from './check-session';
import { FixDialog, IgnoreDialog } from './FindingDialogs';
import { FindingList, FindingRow, type FindingActions } from './FindingList';
import { activeFindings, cellKey, countBySeverity, fixesOf, FORMAT_FIX_RULES, groupFindings, ignoredByKey } from './finding-view';
import type { UiStrings } from './i18n';
import { TablesRead } from './TablesRead';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, overflowWrap: 'anywhere' },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  profile: { maxWidth: '320px' },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  notice: { whiteSpace: 'pre-line' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { margin: 0 },
  currentCell: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
});

export interface CheckPanelProps {
  readonly session: CheckSession;
  readonly state: CheckState;
  readonly strings: UiStrings;
  readonly locale: Locale;
  readonly capabilities: HostCapabilities;
}

type FixRequest = { readonly title: string; readonly fixes: readonly Fix[] };

/** The 校验 tab: run the check, read the findings, go to their cells, ignore or fix them. */
export function CheckPanel({ session, state, strings, locale, capabilities }: CheckPanelProps) {
  const styles = useStyles();
  const [shown, setShown] = useState<ReadonlySet<Severity>>(() => new Set(SEVERITIES));
  const [showIgnored, setShowIgnored] = useState(false);
  const [ignoreTarget, setIgnoreTarget] = useState<Finding | null>(null);
  const [fixRequest, setFixRequest] = useState<FixRequest | null>(null);

  const findings = state.findings;
  const ignored = useMemo(() => ignoredByKey(state.ignored), [state.ignored]);
  const active = useMemo(() => (findings ? activeFindings(findings, state.ignored) : []), [findings, state.ignored]);
  const counts = countBySeverity(active);
  const listed = (findings ?? []).filter((f) => shown.has(f.severity) && (showIgnored || !ignored.has(f.key)));
  const groups = groupFindings(listed, state.sheetOrder);
  const formatFixes = fixesOf(active, (f) => FORMAT_FIX_RULES.has(f.rule));
  const selectedKey = state.selected ? cellKey(state.selected) : null;
  const atSelection = (findings ?? []).filter((f) => cellKey(f.location) === selectedKey && (showIgnored || !ignored.has(f.key)));
  const busy = state.running !== null || state.writing;
  const ignoredShown = (findings ?? []).length - active.length;

  const actions: FindingActions = {
    onSelect: (f) => void session.selectFinding(f),
    onIgnore: setIgnoreTarget,
    onUnignore: (key) => void session.unignore(key),
    onFix: (f) => f.fix && setFixRequest({ title: strings.fixTitle, fixes: [f.fix] }),
  };

  const toggleSeverity = (severity: Severity) =>
    setShown((current) => {
      const next = new Set(current);
      if (next.has(severity)) next.delete(severity);
      else next.add(severity);
      return next;
    });

  const running = state.running;
  return (
    <div className={styles.panel}>
      <div className={styles.toolbar}>
        <Button appearance="primary" disabled={busy} onClick={() => void session.check()}>
          {strings.runCheck}
        </Button>
        {findings !== null && (
          <>
            {formatFixes.length > 0 && (
              <Button icon={<Wrench20Regular />} disabled={busy} onClick={() => setFixRequest({ title: strings.fixAllTitle(formatFixes.length), fixes: formatFixes })}>
                {strings.fixAll}
              </Button>
            )}
            {state.lastUndo && (
              <Button icon={<ArrowUndo20Regular />} disabled={busy} onClick={() => void session.undo()}>
                {strings.undo}
              </Button>
            )}
            <Button icon={<Eraser20Regular />} disabled={busy} onClick={() => void session.clearMarks()}>
              {strings.clearMarks}
            </Button>
            <Button icon={<DocumentTable20Regular />} disabled={busy} onClick={() => void session.exportReport()}>
              {strings.exportReport}
            </Button>
          </>
        )}
      </div>

      {running?.slow && (
        <div className={styles.progress} role="status">
          <Body1>
            {running.total > 0
              ? strings.stageProgress(strings.stage[running.stage], running.done, running.total)
              : strings.stage[running.stage]}
          </Body1>
          <ProgressBar value={running.total > 0 ? running.done / running.total : undefined} />
          {running.stage !== 'mark' && (
            <div>
              <Button onClick={() => session.cancel()}>{strings.cancel}</Button>
            </div>
          )}
        </div>
      )}

      {state.notices.map((notice) => (
        <MessageBar key={notice.id} intent={notice.intent} className={styles.notice}>
          <MessageBarBody>{notice.text}</MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" aria-label={strings.dismiss} icon={<Dismiss20Regular />} onClick={() => session.dismissNotice(notice.id)} />}
          />
        </MessageBar>
      ))}

      <Field label={strings.profileLabel} orientation="horizontal" className={styles.profile}>
        <Select value={state.profileChoice} disabled={busy} onChange={(_, data) => void session.chooseProfile(data.value)}>
          <option value="auto">{strings.profileAuto}</option>
          {Object.values(BUILTIN_PROFILES).map((p) => (
            <option key={p.name} value={p.name}>
              {p.title}
            </option>
          ))}
        </Select>
      </Field>

      {findings === null ? (
        <Body1>{strings.notCheckedYet}</Body1>
      ) : (
        <MessageBar intent={counts.error === 0 ? 'success' : 'error'}>
          <MessageBarBody>
            <MessageBarTitle>{counts.error === 0 ? strings.readyToSubmit : strings.fixBeforeSubmit}</MessageBarTitle>
            {strings.summaryCounts(counts.error, counts.warning, counts.info)}
            {ignoredShown > 0 && ` ${strings.ignoredCount(ignoredShown)}`}
            {state.profile && <div>{CATALOGS[locale].profileUsed(state.profile.profile.title, state.profile.reason)}</div>}
          </MessageBarBody>
        </MessageBar>
      )}

      {findings !== null && state.tables.length > 0 && (
        <TablesRead tables={state.tables} strings={strings} locale={locale} busy={busy} onConvert={(t, to) => void session.convertTable(t, to)} />
      )}

      {!capabilities.changeEvents && findings !== null && <Caption1>{strings.noAutoRecheck}</Caption1>}

      {state.selected && atSelection.length > 0 && (
        <section className={styles.currentCell} aria-label={strings.currentCell(state.selected.cell)}>
          <Subtitle2 as="h2" className={styles.heading}>{strings.currentCell(state.selected.cell)}</Subtitle2>
          <ul className={styles.list}>
            {atSelection.map((f) => (
              <FindingRow key={f.key} finding={f} ignored={ignored.get(f.key)} strings={strings} locale={locale} disabled={busy} {...actions} />
            ))}
          </ul>
        </section>
      )}

      {findings !== null && findings.length > 0 && (
        <section className={styles.section} aria-label={strings.findingsHeading}>
          <Subtitle2 as="h2" className={styles.heading}>{strings.findingsHeading}</Subtitle2>
          <div className={styles.filters} role="group" aria-label={strings.severityFilter}>
            {SEVERITIES.map((severity) => (
              <ToggleButton key={severity} size="small" checked={shown.has(severity)} onClick={() => toggleSeverity(severity)}>
                {`${strings.severity[severity]} ${counts[severity]}`}
              </ToggleButton>
            ))}
            {findings.length > active.length && (
              <Switch label={strings.showIgnored} checked={showIgnored} onChange={(_, data) => setShowIgnored(data.checked)} />
            )}
          </div>
          {groups.length > 0 ? (
            <FindingList groups={groups} ignored={ignored} strings={strings} locale={locale} disabled={busy} {...actions} />
          ) : (
            <Body1>{strings.allFiltered}</Body1>
          )}
        </section>
      )}
      {findings !== null && findings.length === 0 && <Body1>{strings.noFindings}</Body1>}

      <IgnoreDialog finding={ignoreTarget} strings={strings} locale={locale} onConfirm={session.ignore} onClose={() => setIgnoreTarget(null)} />
      <FixDialog
        title={fixRequest?.title ?? ''}
        fixes={fixRequest?.fixes ?? null}
        strings={strings}
        formulas={state.formulas}
        onConfirm={(fixes, replacing) => {
          setFixRequest(null);
          void session.applyFixes(fixes, replacing);
        }}
        onClose={() => setFixRequest(null)}
      />
    </div>
  );
}
