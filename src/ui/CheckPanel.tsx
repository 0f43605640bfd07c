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
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { ArrowUndo20Regular, Dismiss20Regular, DocumentTable20Regular, Eraser20Regular, Wrench20Regular } from '@fluentui/react-icons';
import { memo, useMemo, useRef, useState } from 'react';
import { BUILTIN_PROFILES, CATALOGS, type Finding, type Fix, type Locale, type ProfileUse } from '../core';
import type { HostCapabilities, IgnoredFinding } from '../workbook/port';
import type { CheckSession, CheckState, Notice, RunningCheck } from './check-session';
import { FixDialog, IgnoreDialog } from './FindingDialogs';
import { FindingList, FindingRow, type FindingActions } from './FindingList';
import { activeFindings, bySeverity, cellKey, countBySeverity, fixesOf, FORMAT_FIX_RULES, groupFindings, ignoredByKey, type ProjectGroup, type SeverityCounts, type SheetGroup } from './finding-view';
import type { UiStrings } from './i18n';
import { SeverityFilter, showsSeverity, type SeverityView } from './SeverityFilter';
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
  more: { alignSelf: 'flex-start' },
});

export interface CheckPanelProps {
  readonly session: CheckSession;
  readonly state: CheckState;
  readonly strings: UiStrings;
  readonly locale: Locale;
  readonly capabilities: HostCapabilities;
}

type FixRequest = { readonly title: string; readonly fixes: readonly Fix[] };

/** The list shows this many findings at first, and this many more on each 显示更多: a big workbook's thousands never render at once. */
export const FINDINGS_PER_PAGE = 200;

/** The 校验 tab: run the check, read the findings, go to their cells, ignore or fix them. */
export function CheckPanel({ session, state, strings, locale, capabilities }: CheckPanelProps) {
  const styles = useStyles();
  const [view, setView] = useState<SeverityView>('all');
  const [showIgnored, setShowIgnored] = useState(false);
  const [ignoreTarget, setIgnoreTarget] = useState<Finding | null>(null);
  const [fixRequest, setFixRequest] = useState<FixRequest | null>(null);

  const findings = state.findings;
  const checkCount = useCheckCount(findings);
  const ignored = useMemo(() => ignoredByKey(state.ignored), [state.ignored]);
  const active = useMemo(() => (findings ? activeFindings(findings, state.ignored) : []), [findings, state.ignored]);
  const counts = useMemo(() => countBySeverity(active), [active]);
  // Memoised, with the list below: selecting a cell or going to a finding re-renders neither.
  const groups = useMemo(
    // A totals cause keeps the sums it breaks (notes) under it whatever the filter: 只看错误 shows the error with its consequences.
    () => groupFindings((findings ?? []).filter((f) => (showsSeverity(view, f.severity) || f.rule === 'totals.consequence') && (showIgnored || !ignored.has(f.key))), state.sheetOrder),
    [findings, view, showIgnored, ignored, state.sheetOrder],
  );
  const formatFixes = useMemo(() => fixesOf(active, (f) => FORMAT_FIX_RULES.has(f.rule)), [active]);
  const selectedKey = state.selected ? cellKey(state.selected) : null;
  const atSelection = bySeverity((findings ?? []).filter((f) => cellKey(f.location) === selectedKey && (showIgnored || !ignored.has(f.key))));
  const busy = state.running !== null || state.writing;

  const actions = useMemo<FindingActions>(
    () => ({
      onSelect: (f) => void session.selectFinding(f),
      onIgnore: setIgnoreTarget,
      onUnignore: (key) => void session.unignore(key),
      onFix: (f) => f.fix && setFixRequest({ title: strings.fixTitle, fixes: [f.fix] }),
    }),
    [session, strings],
  );

  return (
    <div className={styles.panel}>
      <CheckToolbar
        session={session}
        state={state}
        strings={strings}
        busy={busy}
        onFixAll={formatFixes.length > 0 ? () => setFixRequest({ title: strings.fixAllTitle(formatFixes.length), fixes: formatFixes }) : null}
      />
      {state.running?.slow && <CheckProgress running={state.running} strings={strings} onCancel={() => session.cancel()} />}
      <NoticeList notices={state.notices} strings={strings} onDismiss={(id) => session.dismissNotice(id)} />
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
      {/* A polite live region, there from the start: screen readers read the summary after each check and re-check. */}
      <div role="status" aria-live="polite" aria-atomic="true">
        {findings === null ? (
          <Body1>{strings.notCheckedYet}</Body1>
        ) : (
          <CheckSummary key={checkCount} counts={counts} ignoredCount={findings.length - active.length} profile={state.profile} strings={strings} locale={locale} />
        )}
      </div>
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
        <FindingsSection
          groups={groups}
          counts={counts}
          view={view}
          onView={setView}
          hasIgnored={findings.length > active.length}
          showIgnored={showIgnored}
          onShowIgnored={setShowIgnored}
          ignored={ignored}
          strings={strings}
          locale={locale}
          busy={busy}
          actions={actions}
        />
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

interface CheckToolbarProps {
  readonly session: CheckSession;
  readonly state: CheckState;
  readonly strings: UiStrings;
  readonly busy: boolean;
  /** null when there is no formatting to fix. */
  readonly onFixAll: (() => void) | null;
}

function CheckToolbar({ session, state, strings, busy, onFixAll }: CheckToolbarProps) {
  const styles = useStyles();
  const restoreFocus = useRestoreFocusTarget();
  return (
    <div className={styles.toolbar}>
      <Button appearance="primary" disabled={busy} onClick={() => void session.check()}>
        {strings.runCheck}
      </Button>
      {state.findings !== null && (
        <>
          {onFixAll && (
            <Button icon={<Wrench20Regular />} disabled={busy} onClick={onFixAll} {...restoreFocus}>
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
          <Switch label={strings.autoMark} checked={state.autoMark} onChange={(_, data) => session.setAutoMark(data.checked)} />
        </>
      )}
    </div>
  );
}

function CheckProgress({ running, strings, onCancel }: { readonly running: RunningCheck; readonly strings: UiStrings; onCancel(): void }) {
  const styles = useStyles();
  return (
    <div className={styles.progress} role="status">
      <Body1>
        {running.total > 0 ? strings.stageProgress(strings.stage[running.stage], running.done, running.total) : strings.stage[running.stage]}
      </Body1>
      <ProgressBar value={running.total > 0 ? running.done / running.total : undefined} />
      {running.stage !== 'mark' && (
        <div>
          <Button onClick={onCancel}>{strings.cancel}</Button>
        </div>
      )}
    </div>
  );
}

function NoticeList({ notices, strings, onDismiss }: { readonly notices: readonly Notice[]; readonly strings: UiStrings; onDismiss(id: number): void }) {
  const styles = useStyles();
  return (
    <>
      {notices.map((notice) => (
        <MessageBar key={notice.id} intent={notice.intent} className={styles.notice}>
          <MessageBarBody>{notice.text}</MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" aria-label={strings.dismiss} icon={<Dismiss20Regular />} onClick={() => onDismiss(notice.id)} />}
          />
        </MessageBar>
      ))}
    </>
  );
}

/** How many results the panel has shown: a new summary node for each, so that an unchanged summary is announced again. */
function useCheckCount(findings: readonly Finding[] | null): number {
  const seen = useRef<{ findings: readonly Finding[] | null; count: number }>({ findings: null, count: 0 });
  if (seen.current.findings !== findings) seen.current = { findings, count: seen.current.count + 1 };
  return seen.current.count;
}

interface CheckSummaryProps {
  readonly counts: SeverityCounts;
  readonly ignoredCount: number;
  readonly profile: ProfileUse | null;
  readonly strings: UiStrings;
  readonly locale: Locale;
}

function CheckSummary({ counts, ignoredCount, profile, strings, locale }: CheckSummaryProps) {
  return (
    <MessageBar intent={counts.error === 0 ? 'success' : 'error'}>
      <MessageBarBody>
        <MessageBarTitle>{counts.error === 0 ? strings.readyToSubmit : strings.fixBeforeSubmit}</MessageBarTitle>
        {strings.summaryCounts(counts.error, counts.warning, counts.info)}
        {ignoredCount > 0 && ` ${strings.ignoredCount(ignoredCount)}`}
        {profile && <div>{CATALOGS[locale].profileUsed(profile.profile.title, profile.reason)}</div>}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The first `limit` findings of `groups`, in their groups. */
function firstFindings(groups: readonly SheetGroup[], limit: number): { readonly shown: SheetGroup[]; readonly total: number } {
  let left = limit;
  let total = 0;
  const shown: SheetGroup[] = [];
  for (const sheet of groups) {
    const projects: ProjectGroup[] = [];
    for (const group of sheet.projects) {
      total += group.findings.length;
      if (left <= 0) continue;
      projects.push(group.findings.length <= left ? group : { ...group, findings: group.findings.slice(0, left) });
      left -= group.findings.length;
    }
    if (projects.length > 0) shown.push({ ...sheet, projects });
  }
  return { shown, total };
}

interface FindingsSectionProps {
  readonly groups: readonly SheetGroup[];
  readonly counts: SeverityCounts;
  readonly view: SeverityView;
  onView(view: SeverityView): void;
  readonly hasIgnored: boolean;
  readonly showIgnored: boolean;
  onShowIgnored(show: boolean): void;
  readonly ignored: ReadonlyMap<string, IgnoredFinding>;
  readonly strings: UiStrings;
  readonly locale: Locale;
  readonly busy: boolean;
  readonly actions: FindingActions;
}

/** 问题列表: the filter, then the findings it lets through, a page at a time. */
const FindingsSection = memo(function FindingsSection({ groups, counts, view, onView, hasIgnored, showIgnored, onShowIgnored, ignored, strings, locale, busy, actions }: FindingsSectionProps) {
  const styles = useStyles();
  const [limit, setLimit] = useState(FINDINGS_PER_PAGE);
  const { shown, total } = useMemo(() => firstFindings(groups, limit), [groups, limit]);
  return (
    <section className={styles.section} aria-label={strings.findingsHeading}>
      <Subtitle2 as="h2" className={styles.heading}>{strings.findingsHeading}</Subtitle2>
      <div className={styles.filters}>
        <SeverityFilter view={view} counts={counts} strings={strings} onChange={onView} />
        {hasIgnored && <Switch label={strings.showIgnored} checked={showIgnored} onChange={(_, data) => onShowIgnored(data.checked)} />}
      </div>
      {shown.length > 0 ? (
        <FindingList groups={shown} ignored={ignored} strings={strings} locale={locale} disabled={busy} {...actions} />
      ) : (
        <Body1>{strings.allFiltered}</Body1>
      )}
      {total > limit && (
        <Button className={styles.more} onClick={() => setLimit(limit + FINDINGS_PER_PAGE)}>
          {strings.showMore(Math.min(FINDINGS_PER_PAGE, total - limit), total - limit)}
        </Button>
      )}
    </section>
  );
});
