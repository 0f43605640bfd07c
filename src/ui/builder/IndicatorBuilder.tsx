import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Textarea,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { Add20Regular, ArrowUndo20Regular, TextAlignJustify20Regular } from '@fluentui/react-icons';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { createChecker, type Checker, type Locale } from '../../core';
import { builderMessagesFor, builderValueText, emptyBuilderRow, EXCEL_CELL_LIMIT, newBuilderRowId, type BuilderRow } from '../../core/builder';
import type { WorkbookPort } from '../../workbook/port';
import { createBuilderSession, type BuilderSession } from './builder-session';
import { BuilderStatus, ConfirmReplaceDialog, NormaliseDialog } from './BuilderDialogs';
import { BuilderRowEditor, validationProps } from './BuilderRowEditor';
import { BUILDER_STRINGS, type BuilderStrings } from './strings';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, overflowWrap: 'anywhere' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  preview: { fontFamily: tokens.fontFamilyBase },
  over: { color: tokens.colorPaletteRedForeground1 },
});

/** Rows inserted from outside (the template library): a new `key` appends `rows`. */
export interface BuilderInsert {
  readonly key: number;
  readonly rows: readonly BuilderRow[];
}

export interface IndicatorBuilderProps {
  readonly port: WorkbookPort;
  readonly locale: Locale;
  readonly checker?: Checker;
  /** Rows to append, e.g. from the template library. */
  readonly insert?: BuilderInsert;
  /** Called with the rows after every change (for “save as my template”). */
  readonly onRowsChange?: (rows: readonly BuilderRow[]) => void;
  /** Called with the project being edited (for “recommend for this project”), null when none. */
  readonly onProjectChange?: (project: { readonly projectName: string; readonly goal: string } | null) => void;
}

/**
 * Edits the indicators of the selected project's 绩效指标 cell row by row, checks them live with
 * the checker's rules, and writes the canonical text back (guarded, with undo). State and writes live in
 * a BuilderSession; this is its view.
 */
export function IndicatorBuilder({ port, locale, checker: givenChecker, insert, onRowsChange, onProjectChange }: IndicatorBuilderProps) {
  const styles = useStyles();
  const strings = BUILDER_STRINGS[locale];
  const checker = useMemo(() => givenChecker ?? createChecker(), [givenChecker]);
  const taxonomy = checker.taxonomy;
  const session = useMemo(() => createBuilderSession(port, checker, locale), [port, checker, locale]);
  useEffect(() => {
    session.start();
    return () => session.dispose();
  }, [session]);
  const state = useSyncExternalStore(session.subscribe, session.getState);
  const { loaded, rows, busy, lastWrite, normalisation } = state;

  const lastInsert = useRef<number | null>(null);
  useEffect(() => {
    if (!insert || insert.key === lastInsert.current) return;
    lastInsert.current = insert.key;
    session.insertRows(insert.rows);
  }, [insert, session]);

  useEffect(() => onRowsChange?.(rows), [rows, onRowsChange]);
  const projectName = loaded?.target.projectName ?? null;
  const goal = loaded?.target.goal ?? '';
  useEffect(() => onProjectChange?.(projectName === null ? null : { projectName, goal }), [projectName, goal, onProjectChange]);

  const valueSlots = loaded?.slots;
  const check = session.check();
  // Stable handlers keyed by row id, so that editing one row re-renders only that row.
  const handlers = useMemo(() => rowHandlers(session), [session]);
  // Before a cell is chosen there is nothing to judge: the status asks for one instead of showing the empty text's errors.
  const overall = loaded === null ? [] : builderMessagesFor(check, null);
  const block = loaded?.target.kind === 'block' ? loaded.target : null;
  // A block with indicators the builder cannot hold would lose them when rewritten.
  const canWrite = loaded !== null && !busy && !check.tooLong && rows.length > 0 && (block === null || loaded.unparsed === null);
  const preview = block ? rows.map((r, i) => strings.blockPreviewLine(i + 1, [r.name, builderValueText(r.annual) || builderValueText(r.period)])).join('\n') : check.text;

  return (
    <div className={styles.panel}>
      <Subtitle2 as="h2" className={styles.heading}>
        {strings.builderHeading}
      </Subtitle2>

      <BuilderStatus strings={strings} state={state} onDismiss={session.dismissNotice} onFollow={(cell) => void session.follow(cell)} />

      <section className={styles.section} aria-label={strings.rowsHeading}>
        {loaded !== null && rows.length === 0 && loaded.unparsed === null && <Body1>{strings.emptyCell}</Body1>}
        {rows.length > 0 && (
          <ol className={styles.list}>
            {rows.map((row, index) => (
              <li key={row.id}>
                <BuilderRowEditor
                  row={row}
                  index={index}
                  count={rows.length}
                  taxonomy={taxonomy}
                  strings={strings}
                  messages={builderMessagesFor(check, row.id)}
                  slots={valueSlots}
                  onChange={handlers.update}
                  onMove={handlers.move}
                  onDuplicate={handlers.duplicate}
                  onDelete={handlers.remove}
                />
              </li>
            ))}
          </ol>
        )}
        <div>
          <Button icon={<Add20Regular />} onClick={() => session.changeRows((rs) => [...rs, emptyBuilderRow()])}>
            {strings.addRow}
          </Button>
        </div>
      </section>

      {overall.length > 0 && (
        <section className={styles.section} aria-label={strings.overallHeading}>
          {overall.map((m) => (
            <MessageBar key={`${m.rule}|${m.message}`} intent={m.severity === 'info' ? 'info' : m.severity}>
              <MessageBarBody>{m.message}</MessageBarBody>
            </MessageBar>
          ))}
        </section>
      )}

      <section className={styles.section} aria-label={strings.previewHeading}>
        <Field label={block ? strings.blockPreviewLabel : strings.previewLabel} {...validationProps(overall.filter((m) => m.rule === 'builder.too-long'))}>
          <Textarea className={styles.preview} readOnly resize="vertical" value={preview} />
        </Field>
        {!block && <Caption1 className={check.tooLong ? styles.over : undefined}>{strings.length(check.length, EXCEL_CELL_LIMIT)}</Caption1>}
      </section>

      <BuilderToolbar
        strings={strings}
        session={session}
        canWrite={canWrite}
        confirmFirst={loaded?.unparsed != null && !block}
        canUndo={lastWrite !== null && !busy}
        canNormalise={loaded !== null && block === null && !busy}
      />
      <NormaliseDialog strings={strings} normalisation={normalisation} onClose={session.closeNormalisation} onConfirm={() => void session.normalise()} />
    </div>
  );
}

interface BuilderToolbarProps {
  readonly strings: BuilderStrings;
  readonly session: BuilderSession;
  readonly canWrite: boolean;
  /** 替换 asks first: the cell holds text the builder could not read, which it would overwrite. */
  readonly confirmFirst: boolean;
  readonly canUndo: boolean;
  readonly canNormalise: boolean;
}

/** 替换 (asking first where it would overwrite unread text), 追加, 撤销 and 规范整列. */
function BuilderToolbar({ strings, session, canWrite, confirmFirst, canUndo, canNormalise }: BuilderToolbarProps) {
  const styles = useStyles();
  const [confirmReplace, setConfirmReplace] = useState(false);
  const restoreFocus = useRestoreFocusTarget();
  return (
    <>
      <div className={styles.toolbar}>
        <Button appearance="primary" disabled={!canWrite} onClick={() => (confirmFirst ? setConfirmReplace(true) : void session.write('replace'))} {...restoreFocus}>
          {strings.replace}
        </Button>
        <Button disabled={!canWrite} onClick={() => void session.write('append')}>
          {strings.append}
        </Button>
        <Button icon={<ArrowUndo20Regular />} disabled={!canUndo} onClick={() => void session.undo()}>
          {strings.undo}
        </Button>
        <Button icon={<TextAlignJustify20Regular />} disabled={!canNormalise} onClick={() => void session.previewNormalisation()} {...restoreFocus}>
          {strings.normaliseColumn}
        </Button>
      </div>
      <ConfirmReplaceDialog
        strings={strings}
        open={confirmReplace}
        onClose={() => setConfirmReplace(false)}
        onConfirm={() => {
          setConfirmReplace(false);
          void session.write('replace');
        }}
      />
    </>
  );
}

/** The row editor's callbacks, made once per session. */
function rowHandlers(session: BuilderSession) {
  return {
    update: (row: BuilderRow) => session.changeRows((rs) => rs.map((r) => (r.id === row.id ? row : r))),
    move: (id: string, delta: -1 | 1) => session.changeRows((rs) => {
      const index = rs.findIndex((r) => r.id === id);
      const a = rs[index];
      const b = rs[index + delta];
      if (!a || !b) return rs;
      return rs.map((r, i) => (i === index ? b : i === index + delta ? a : r));
    }),
    duplicate: (id: string) => session.changeRows((rs) => {
      const index = rs.findIndex((r) => r.id === id);
      const row = rs[index];
      return row ? [...rs.slice(0, index + 1), { ...row, id: newBuilderRowId() }, ...rs.slice(index + 1)] : rs;
    }),
    remove: (id: string) => session.changeRows((rs) => rs.filter((r) => r.id !== id)),
  };
}
