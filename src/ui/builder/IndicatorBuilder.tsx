import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { Add20Regular, ArrowUndo20Regular, Dismiss20Regular, TextAlignJustify20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { cellText, createChecker, type CellLocation, type Checker, type Locale, type ValueSlots } from '../../core';
import {
  appendBuilderRows,
  builderMessagesFor,
  builderRowsFromRecords,
  builderRowsFromText,
  builderValueText,
  checkBuilderRows,
  emptyBuilderRow,
  EXCEL_CELL_LIMIT,
  newBuilderRowId,
  type BuilderRow,
} from '../../core/builder';
import type { SelectedCell, UndoRecord, WorkbookPort, WriteResult } from '../../workbook/port';
import { planIndicatorBlock } from '../../core/writers/indicator-block';
import { blockRows, findIndicatorTarget, normaliseColumn, targetAnchor, type BlockTarget, type ColumnNormalisation, type IndicatorTarget } from './builder-target';
import { BuilderRowEditor, validationProps } from './BuilderRowEditor';
import { BUILDER_STRINGS } from './strings';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, overflowWrap: 'anywhere' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  preview: { fontFamily: tokens.fontFamilyBase },
  over: { color: tokens.colorPaletteRedForeground1 },
  change: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, padding: `${tokens.spacingVerticalS} 0`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  changes: { maxHeight: '50vh', overflowY: 'auto', listStyleType: 'none', margin: 0, padding: 0 },
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

type Notice = { readonly intent: 'success' | 'error' | 'warning' | 'info'; readonly text: string };

interface Loaded {
  readonly target: IndicatorTarget;
  readonly unparsed: string | null;
  readonly problems: readonly string[];
  /** The values the target asks of each indicator (a cell of the year alone: its 年度 value only). */
  readonly slots: ValueSlots;
}

/**
 * Edits the indicators of the selected project's 绩效指标 cell row by row, checks them live with
 * the checker's rules, and writes the canonical text back (guarded, with undo).
 */
export function IndicatorBuilder({ port, locale, checker: givenChecker, insert, onRowsChange, onProjectChange }: IndicatorBuilderProps) {
  const styles = useStyles();
  const strings = BUILDER_STRINGS[locale];
  const checker = useMemo(() => givenChecker ?? createChecker(), [givenChecker]);
  const taxonomy = checker.taxonomy;

  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [rows, setRows] = useState<readonly BuilderRow[]>([]);
  const [dirty, setDirty] = useState(false);
  const [reading, setReading] = useState(false);
  const [pending, setPending] = useState<SelectedCell | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const [lastWrite, setLastWrite] = useState<UndoRecord | null>(null);
  const [confirmReplace, setConfirmReplace] = useState(false);
  const [normalisation, setNormalisation] = useState<ColumnNormalisation | null>(null);

  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const request = useRef(0);

  const showError = useCallback((error: unknown) => {
    setNotice({ intent: 'error', text: strings.failed(error instanceof Error ? error.message : String(error)) });
  }, [strings]);

  /** The target's indicators as builder rows: the cell's text read, or the block's records. */
  const rowsOf = useCallback((target: IndicatorTarget) =>
    target.kind === 'cell' ? builderRowsFromText(target.text, taxonomy, locale) : builderRowsFromRecords(target.row.records ?? [], taxonomy, locale), [taxonomy, locale]);

  /** Puts the builder on a target with this cell text (or these rows). */
  const loadTarget = useCallback((target: IndicatorTarget | null) => {
    if (target === null) {
      setLoaded(null);
      setRows([]);
    } else {
      const result = rowsOf(target);
      setLoaded({ target, unparsed: result.unparsed, problems: result.problems, slots: slotsOf(target, result.slots) });
      setRows(result.rows);
    }
    setDirty(false);
    setPending(null);
  }, [rowsOf]);

  /** The target changed under the builder (undo, 规范整列): reload it, or with unsaved edits only renew the guard. */
  const refreshTarget = (target: IndicatorTarget) => {
    if (!dirty) {
      loadTarget(target);
      return;
    }
    const result = rowsOf(target);
    setLoaded({ target, unparsed: result.unparsed, problems: result.problems, slots: slotsOf(target, result.slots) });
  };

  /** Reads the target's sheet again (a block rewrite moves rows) and finds the project at its anchor. */
  const reread = async (target: IndicatorTarget): Promise<IndicatorTarget | null> => {
    const anchor = targetAnchor(target);
    return findIndicatorTarget(await port.readSheet(anchor.sheet), anchor, taxonomy);
  };

  /** Reads the selected cell's sheet and, when the cell is a project's 绩效指标 cell, loads it. */
  const follow = useCallback(async (cell: SelectedCell | null) => {
    const id = ++request.current;
    if (cell === null) {
      setReading(false);
      loadTarget(null);
      return;
    }
    setReading(true);
    try {
      const sheet = await port.readSheet(cell.location.sheet);
      if (id !== request.current) return;
      loadTarget(findIndicatorTarget(sheet, cell.location, taxonomy));
    } catch (error) {
      if (id === request.current) showError(error);
    } finally {
      if (id === request.current) setReading(false);
    }
  }, [port, loadTarget, showError, taxonomy]);

  useEffect(() => {
    let live = true;
    let changed = false;
    const onSelection = (cell: SelectedCell | null) => {
      if (!live) return;
      if (dirtyRef.current) setPending(cell);
      else void follow(cell);
    };
    const unsubscribe = port.onSelectionChanged((cell) => {
      changed = true;
      onSelection(cell);
    });
    // The selection when the pane opened, unless the user has already moved on.
    port.getSelectedCell().then((cell) => !changed && onSelection(cell), (error: unknown) => live && showError(error));
    return () => {
      live = false;
      unsubscribe();
    };
  }, [port, follow, showError]);

  const lastInsert = useRef<number | null>(null);
  useEffect(() => {
    if (!insert || insert.key === lastInsert.current) return;
    lastInsert.current = insert.key;
    setRows((current) => [...current, ...insert.rows.map((r) => ({ ...r, id: newBuilderRowId() }))]);
    setDirty(true);
  }, [insert]);

  useEffect(() => onRowsChange?.(rows), [rows, onRowsChange]);
  const projectName = loaded?.target.projectName ?? null;
  const goal = loaded?.target.goal ?? '';
  useEffect(() => onProjectChange?.(projectName === null ? null : { projectName, goal }), [projectName, goal, onProjectChange]);

  const layout = loaded?.target.table.layout;
  const valueSlots = loaded?.slots;
  const check = useMemo(
    () => checkBuilderRows(rows, { projectName: projectName ?? '', goal, locale, ...(layout ? { layout } : {}), ...(valueSlots ? { valueSlots } : {}) }, checker),
    [rows, projectName, goal, locale, checker, layout, valueSlots],
  );

  const edit = (next: readonly BuilderRow[]) => {
    setRows(next);
    setDirty(true);
  };
  // Stable handlers keyed by row id, so that editing one row re-renders only that row.
  const changeRows = useCallback((change: (rows: readonly BuilderRow[]) => readonly BuilderRow[]) => {
    setRows(change);
    setDirty(true);
  }, []);
  const updateRow = useCallback((row: BuilderRow) => changeRows((rs) => rs.map((r) => (r.id === row.id ? row : r))), [changeRows]);
  const moveRow = useCallback((id: string, delta: -1 | 1) => changeRows((rs) => {
    const index = rs.findIndex((r) => r.id === id);
    const a = rs[index];
    const b = rs[index + delta];
    if (!a || !b) return rs;
    return rs.map((r, i) => (i === index ? b : i === index + delta ? a : r));
  }), [changeRows]);
  const duplicateRow = useCallback((id: string) => changeRows((rs) => {
    const index = rs.findIndex((r) => r.id === id);
    const row = rs[index];
    return row ? [...rs.slice(0, index + 1), { ...row, id: newBuilderRowId() }, ...rs.slice(index + 1)] : rs;
  }), [changeRows]);
  const deleteRow = useCallback((id: string) => changeRows((rs) => rs.filter((r) => r.id !== id)), [changeRows]);

  /** Writes the cells, then reloads the edited cell from what is now in it. */
  const applyWrite = (result: WriteResult, location: CellLocation, valueAfter: (loc: CellLocation) => string | null) => {
    const target = loaded?.target.kind === 'cell' ? loaded.target : undefined;
    if (target && result.written.some((w) => sameCell(w, target.location))) {
      const text = valueAfter(target.location);
      if (text !== null) loadTarget({ ...target, raw: text === '' ? null : text, text });
    }
    if (result.undo) setLastWrite(result.undo);
    if (result.conflicts.length > 0) {
      setNotice({ intent: 'error', text: strings.conflict(result.conflicts.map((c) => c.location.cell).join('、')) });
    } else {
      setNotice({ intent: 'success', text: strings.written(location.cell) });
    }
  };

  /** Rewrites a block's rows (a row per indicator, a form): rows inserted or removed, merges grown; then reads it back. */
  const writeBlock = async (target: BlockTarget, mode: 'replace' | 'append') => {
    const existing = mode === 'append' ? builderRowsFromRecords(target.row.records ?? [], taxonomy, locale).rows : [];
    const plan = planIndicatorBlock(target.sheet, target.table, target.row, [...existing, ...rows], taxonomy);
    if (!plan.ok) {
      setNotice({ intent: 'error', text: strings.blockUnsupported });
      return;
    }
    setBusy(true);
    try {
      const result = await port.rewriteBlock(plan.rewrite);
      if (result.undo) setLastWrite(result.undo);
      if (result.conflicts.length > 0) {
        setNotice({ intent: 'error', text: strings.conflict(result.conflicts.map((c) => c.location.cell).join('、')) });
        return;
      }
      loadTarget(await reread(target));
      setNotice({ intent: 'success', text: strings.rowsWritten(plan.rewrite.newRowCount, plan.rewrite.firstRow + 1) });
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const write = async (mode: 'replace' | 'append') => {
    if (!loaded) return;
    const { target } = loaded;
    if (target.kind === 'block') {
      await writeBlock(target, mode);
      return;
    }
    const value = mode === 'replace' ? check.text : appendBuilderRows(target.text, rows, taxonomy, loaded.slots);
    if (value.length > EXCEL_CELL_LIMIT) {
      setNotice({ intent: 'error', text: strings.tooLong });
      return;
    }
    setBusy(true);
    try {
      const result = await port.writeCells([{ location: target.location, expected: target.raw, value }]);
      applyWrite(result, target.location, () => value);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const undo = async () => {
    if (!lastWrite) return;
    setBusy(true);
    try {
      const result = await port.undo(lastWrite);
      setLastWrite(null);
      const target = loaded?.target;
      if (result.conflicts.length > 0) {
        setNotice({ intent: 'error', text: strings.undoConflict(result.conflicts.map((c) => c.location.cell).join('、')) });
      } else {
        const cells = lastWrite.restores.map((r) => r.location.cell);
        const rowsBack = (lastWrite.blocks ?? []).map((b) => strings.rowsFrom(b.firstRow + 1));
        setNotice({ intent: 'success', text: strings.undone([...cells, ...rowsBack].join('、')) });
      }
      if (target?.kind === 'block') {
        const fresh = await reread(target);
        if (fresh) refreshTarget(fresh);
      } else {
        const restored = target ? lastWrite.restores.find((r) => sameCell(r.location, target.location)) : undefined;
        if (target && restored && result.written.some((w) => sameCell(w, target.location))) {
          refreshTarget({ ...target, raw: restored.value, text: cellText(restored.value) });
        }
      }
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const previewNormalisation = async () => {
    if (!loaded) return;
    setBusy(true);
    try {
      const sheet = await port.readSheet(loaded.target.location.sheet);
      const fresh = findIndicatorTarget(sheet, loaded.target.location, taxonomy);
      const table = fresh?.table ?? loaded.target.table;
      setNormalisation(normaliseColumn(table, taxonomy));
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const normalise = async () => {
    const plan = normalisation;
    setNormalisation(null);
    if (!plan || plan.changes.length === 0) return;
    setBusy(true);
    try {
      const result = await port.writeCells(plan.changes.map((c) => ({ location: c.location, expected: c.raw, value: c.after })));
      const target = loaded?.target.kind === 'cell' ? loaded.target : undefined;
      const mine = target ? plan.changes.find((c) => sameCell(c.location, target.location)) : undefined;
      if (target && mine && result.written.some((w) => sameCell(w, target.location))) {
        refreshTarget({ ...target, raw: mine.after, text: mine.after });
      }
      if (result.undo) setLastWrite(result.undo);
      const texts = [strings.normalised(result.written.length)];
      if (result.conflicts.length > 0) texts.push(strings.normaliseConflicts(result.conflicts.map((c) => c.location.cell).join('、')));
      setNotice({ intent: result.conflicts.length > 0 ? 'warning' : 'success', text: texts.join(' ') });
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const overall = builderMessagesFor(check, null);
  const block = loaded?.target.kind === 'block' ? loaded.target : null;
  // A block with indicators the builder cannot hold would lose them when rewritten.
  const canWrite = loaded !== null && !busy && !check.tooLong && rows.length > 0 && (block === null || loaded.unparsed === null);
  const preview = block ? rows.map((r, i) => strings.blockPreviewLine(i + 1, [r.name, builderValueText(r.annual) || builderValueText(r.period)])).join('\n') : check.text;

  return (
    <div className={styles.panel}>
      <Subtitle2 as="h2" className={styles.heading}>
        {strings.builderHeading}
      </Subtitle2>

      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>{notice.text}</MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" aria-label={strings.dismiss} icon={<Dismiss20Regular />} onClick={() => setNotice(null)} />}
          />
        </MessageBar>
      )}

      {pending && (
        <MessageBar intent="warning">
          <MessageBarBody>{strings.selectionMoved(pending.location.cell)}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void follow(pending)}>
              {strings.switchToSelection}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {reading ? (
        <Body1>{strings.reading}</Body1>
      ) : loaded === null ? (
        <Body1>{strings.selectIndicatorCell}</Body1>
      ) : (
        <Body1>
          {loaded.target.kind === 'block'
            ? strings.editingBlock(loaded.target.projectName, blockRows(loaded.target).first, blockRows(loaded.target).last)
            : strings.editing(loaded.target.projectName, loaded.target.location.cell)}
        </Body1>
      )}

      {loaded?.unparsed != null && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.unparsedTitle}</MessageBarTitle>
            {loaded.problems.map((p) => (
              <div key={p}>{p}</div>
            ))}
            <div>{strings.unparsedHint}</div>
          </MessageBarBody>
        </MessageBar>
      )}
      {loaded?.unparsed != null && (
        <Field label={strings.unparsedTextLabel}>
          <Textarea readOnly resize="vertical" value={loaded.unparsed} />
        </Field>
      )}

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
                  onChange={updateRow}
                  onMove={moveRow}
                  onDuplicate={duplicateRow}
                  onDelete={deleteRow}
                />
              </li>
            ))}
          </ol>
        )}
        <div>
          <Button icon={<Add20Regular />} onClick={() => edit([...rows, emptyBuilderRow()])}>
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

      <div className={styles.toolbar}>
        <Button
          appearance="primary"
          disabled={!canWrite}
          onClick={() => (loaded?.unparsed != null && !block ? setConfirmReplace(true) : void write('replace'))}
        >
          {strings.replace}
        </Button>
        <Button disabled={!canWrite} onClick={() => void write('append')}>
          {strings.append}
        </Button>
        <Button icon={<ArrowUndo20Regular />} disabled={lastWrite === null || busy} onClick={() => void undo()}>
          {strings.undo}
        </Button>
        <Button icon={<TextAlignJustify20Regular />} disabled={loaded === null || block !== null || busy} onClick={() => void previewNormalisation()}>
          {strings.normaliseColumn}
        </Button>
      </div>

      <Dialog open={confirmReplace} onOpenChange={(_, data) => !data.open && setConfirmReplace(false)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{strings.confirmReplaceTitle}</DialogTitle>
            <DialogContent>{strings.confirmReplaceBody}</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirmReplace(false);
                  void write('replace');
                }}
              >
                {strings.confirmReplace}
              </Button>
              <Button onClick={() => setConfirmReplace(false)}>{strings.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

      <Dialog open={normalisation !== null} onOpenChange={(_, data) => !data.open && setNormalisation(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>
              {normalisation && normalisation.changes.length > 0 ? strings.normaliseTitle(normalisation.changes.length) : strings.normaliseColumn}
            </DialogTitle>
            <DialogContent>
              {normalisation && normalisation.changes.length === 0 && <Body1>{strings.normaliseNothing}</Body1>}
              {normalisation && normalisation.skipped > 0 && <Body1>{strings.normaliseSkipped(normalisation.skipped)}</Body1>}
              {normalisation && normalisation.changes.length > 0 && (
                <ul className={styles.changes}>
                  {normalisation.changes.map((c) => (
                    <li key={c.location.cell} className={styles.change} aria-label={`${c.location.cell} ${c.project}`}>
                      <Caption1>{`${c.location.cell} ${c.project}`}</Caption1>
                      <Field label={strings.normaliseBefore}>
                        <Textarea readOnly value={c.before} />
                      </Field>
                      <Field label={strings.normaliseAfter}>
                        <Textarea readOnly value={c.after} />
                      </Field>
                    </li>
                  ))}
                </ul>
              )}
            </DialogContent>
            <DialogActions>
              {normalisation && normalisation.changes.length > 0 && (
                <Button appearance="primary" onClick={() => void normalise()}>
                  {strings.normaliseConfirm}
                </Button>
              )}
              <Button onClick={() => setNormalisation(null)}>{strings.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

/** A cell target's values are those its text gives; a block's, those its table has columns for. */
function slotsOf(target: IndicatorTarget, fromText: ValueSlots): ValueSlots {
  return target.kind === 'cell' ? fromText : target.table.valueSlots;
}

function sameCell(a: CellLocation, b: CellLocation): boolean {
  return a.sheet === b.sheet && a.row === b.row && a.col === b.col;
}
