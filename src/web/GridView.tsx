import { Button, makeStyles, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { cellText, columnLetters, toA1, type CellValue, type Severity, type SheetGrid, type WorkbookGrid } from '../core';
import { MARK_COLOURS } from '../workbook/port';
import type { WebStrings } from './strings';

export interface GridSelection {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

export interface GridViewProps {
  readonly workbook: WorkbookGrid;
  /** "Sheet!A1" → worst severity, as the add-in marks cells. */
  readonly marks: ReadonlyMap<string, Severity>;
  /** The active sheet's column widths as its file sets them, in Excel's characters (null: not set); absent for none. */
  readonly columnWidths?: readonly (number | null)[] | undefined;
  readonly activeSheet: string;
  readonly selection: GridSelection | null;
  readonly strings: WebStrings;
  onActivateSheet(sheet: string): void;
  onSelect(selection: GridSelection): void;
  onEdit(selection: GridSelection, value: CellValue): void;
}

// Large sheets are shown a page at a time: the DOM stays small and the page stays responsive.
export const ROWS_PER_PAGE = 200;
const MIN_COLUMNS = 8;
const MIN_ROWS = 20;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0, gap: tokens.spacingVerticalS },
  scroller: {
    overflow: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    maxHeight: 'calc(100vh - 170px)',
    minHeight: '240px',
  },
  table: { borderCollapse: 'collapse', tableLayout: 'fixed', fontSize: tokens.fontSizeBase200 },
  corner: { position: 'sticky', top: 0, left: 0, zIndex: 3, backgroundColor: tokens.colorNeutralBackground3, width: '44px' },
  colHeader: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    fontWeight: tokens.fontWeightSemibold,
    padding: '2px 4px',
  },
  rowHeader: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'center',
    color: tokens.colorNeutralForeground2,
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '2px 4px',
    verticalAlign: 'top',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    cursor: 'cell',
    outlineOffset: '-2px',
  },
  // Amounts never wrap inside (1,234,567.89); a column too narrow cuts them off, as Excel shows ###.
  number: { textAlign: 'right', whiteSpace: 'nowrap', overflowWrap: 'normal', overflow: 'hidden', textOverflow: 'ellipsis', fontVariantNumeric: 'tabular-nums' },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}` },
  stale: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  staleMarker: { marginInlineEnd: '2px', color: tokens.colorPaletteDarkOrangeForeground1, fontStyle: 'normal' },
  editor: { width: '100%', minHeight: '4em', boxSizing: 'border-box', font: 'inherit', resize: 'vertical' },
  pager: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

function columnWidth(values: readonly (readonly CellValue[])[], col: number): number {
  let longest = 0;
  for (let r = 0; r < values.length && r < 200; r++) longest = Math.max(longest, cellText(values[r]?.[col] ?? null).length);
  // Chinese characters are about 13 px wide at this size; long texts wrap at 360 px.
  return Math.max(64, Math.min(360, longest * 13 + 12));
}

/** Excel's column width (characters of its default font's digit, about 7 px) in pixels, as Excel shows it at 100 %. */
export function excelWidthToPixels(width: number): number {
  return width === 0 ? 0 : Math.round(width * 7 + 5);
}

/** Each column's width in pixels: the file's own where it sets one, as Excel lays the sheet out; else one fitted to the text. */
function columnPixels(sheet: SheetGrid | undefined, lastCol: number, fromFile: readonly (number | null)[] | undefined): number[] {
  return Array.from({ length: lastCol }, (_, c) => {
    const set = fromFile?.[c];
    if (set !== undefined && set !== null) return excelWidthToPixels(set);
    return sheet && c >= sheet.originCol ? columnWidth(sheet.values, c - sheet.originCol) : 64;
  });
}

/** A merged area as shown on this page: where it starts (row clipped to the page) and what it spans. */
interface ShownMerge {
  readonly rowSpan: number;
  readonly colSpan: number;
}

/**
 * The sheet's merged areas on the rows shown: the cell each is drawn from ("row,col" → spans), and the cells it
 * covers (not drawn). An area that starts on an earlier page is drawn from its first row here.
 */
function mergesOnPage(sheet: SheetGrid, firstRow: number, endRow: number, lastCol: number) {
  const spans = new Map<string, ShownMerge>();
  const covered = new Set<string>();
  for (const merge of sheet.merges ?? []) {
    const top = Math.max(merge.row, firstRow);
    const bottom = Math.min(merge.row + merge.rowCount, endRow);
    const right = Math.min(merge.col + merge.colCount, lastCol);
    if (top >= bottom || merge.col >= right || (bottom - top === 1 && right - merge.col === 1)) continue;
    spans.set(`${top},${merge.col}`, { rowSpan: bottom - top, colSpan: right - merge.col });
    for (let r = top; r < bottom; r++) for (let c = merge.col; c < right; c++) if (r !== top || c !== merge.col) covered.add(`${r},${c}`);
  }
  return { spans, covered };
}

/** The workbook as a spreadsheet: sheet tabs, cells with wrapped text, the add-in's marks and the selected cell; cells can be edited. */
export function GridView({ workbook, marks, columnWidths, activeSheet, selection, strings, onActivateSheet, onSelect, onEdit }: GridViewProps) {
  const styles = useStyles();
  const sheet: SheetGrid | undefined = workbook.sheets.find((s) => s.name === activeSheet) ?? workbook.sheets[0];
  const [editing, setEditing] = useState<{ row: number; col: number; text: string } | null>(null);
  const [page, setPage] = useState(0);
  const editorRef = useRef<HTMLTextAreaElement>(null);

  const lastRow = sheet ? Math.max(sheet.originRow + sheet.values.length, MIN_ROWS) : MIN_ROWS;
  const lastCol = sheet ? Math.max(sheet.originCol + Math.max(0, ...sheet.values.map((r) => r.length)), MIN_COLUMNS) : MIN_COLUMNS;
  const pages = Math.max(1, Math.ceil(lastRow / ROWS_PER_PAGE));
  const widths = useMemo(() => columnPixels(sheet, lastCol, columnWidths), [sheet, lastCol, columnWidths]);

  // Follow the selection to its page (a click on a finding may point far down the sheet).
  useEffect(() => {
    if (selection && selection.sheet === sheet?.name) setPage(Math.floor(selection.row / ROWS_PER_PAGE));
  }, [selection, sheet?.name]);
  useEffect(() => setEditing(null), [activeSheet]);
  useEffect(() => editorRef.current?.focus(), [editing?.row, editing?.col]);
  useEffect(() => {
    if (!selection || selection.sheet !== sheet?.name) return;
    document.getElementById(cellId(selection.row, selection.col))?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [selection, sheet?.name, page]);

  // The handlers rows and cells get never change: a write re-renders only the rows whose values, marks or state changed.
  const { latest, handlers } = useStableHandlers();

  if (!sheet) return <Text>{strings.emptyWorkbook}</Text>;
  const valueAt = (row: number, col: number): CellValue => sheet.values[row - sheet.originRow]?.[col - sheet.originCol] ?? null;

  function startEdit(row: number, col: number, initial?: string) {
    setEditing({ row, col, text: initial ?? cellText(valueAt(row, col)) });
  }

  function commit() {
    if (!editing || !sheet) return;
    const before = valueAt(editing.row, editing.col);
    if (editing.text !== cellText(before)) onEdit({ sheet: sheet.name, row: editing.row, col: editing.col }, toCellValue(editing.text, before));
    setEditing(null);
  }

  function onCellKey(event: KeyboardEvent<HTMLTableCellElement>, row: number, col: number) {
    const move = (dr: number, dc: number) => {
      event.preventDefault();
      onSelect({ sheet: sheet!.name, row: Math.max(0, row + dr), col: Math.max(0, Math.min(lastCol - 1, col + dc)) });
    };
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      startEdit(row, col);
    } else if (event.key === 'ArrowDown') move(1, 0);
    else if (event.key === 'ArrowUp') move(-1, 0);
    else if (event.key === 'ArrowLeft') move(0, -1);
    else if (event.key === 'ArrowRight' || event.key === 'Tab') move(0, 1);
  }
  latest.current = {
    click: (row, col) => onSelect({ sheet: sheet.name, row, col }),
    doubleClick: (row, col) => startEdit(row, col),
    key: onCellKey,
    editText: (row, col, text) => setEditing({ row, col, text }),
    commit,
    cancelEdit: () => setEditing(null),
  };

  const firstRow = page * ROWS_PER_PAGE;
  const rows = Array.from({ length: Math.min(ROWS_PER_PAGE, lastRow - firstRow) }, (_, i) => firstRow + i);
  const columns = Array.from({ length: lastCol }, (_, col) => col);
  const merged = mergesOnPage(sheet, firstRow, firstRow + rows.length, lastCol);
  return (
    <div className={styles.root}>
      <TabList size="small" selectedValue={sheet.name} onTabSelect={(_, data) => onActivateSheet(String(data.value))} aria-label={strings.sheets}>
        {workbook.sheets.map((s) => (
          <Tab key={s.name} value={s.name}>{s.name}</Tab>
        ))}
      </TabList>
      {sheet.staleFormulas && <StaleNote count={sheet.staleFormulas.size} strings={strings} />}
      <div className={styles.scroller}>
        {/* As wide as its columns: a fixed-layout table narrower than that would squeeze them all alike. */}
        <table className={styles.table} role="grid" aria-label={sheet.name} style={{ width: 44 + widths.reduce((a, b) => a + b, 0) }}>
          <colgroup>
            <col style={{ width: 44 }} />
            {widths.map((w, c) => <col key={c} style={{ width: w }} />)}
          </colgroup>
          <thead>
            <tr>
              <th className={styles.corner} />
              {widths.map((_, c) => <th key={c} className={styles.colHeader} scope="col">{columnLetters(c)}</th>)}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <GridRow
                key={row}
                row={row}
                line={sheet.values[row - sheet.originRow]}
                originCol={sheet.originCol}
                severities={columns.map((col) => marks.get(`${sheet.name}!${toA1(row, col)}`))}
                stale={columns.map((col) => sheet.staleFormulas?.has(toA1(row, col)) ?? false)}
                layout={columns.map((col) => (merged.covered.has(`${row},${col}`) ? COVERED : merged.spans.get(`${row},${col}`)))}
                selectedCol={selection?.sheet === sheet.name && selection.row === row ? selection.col : -1}
                editing={editing?.row === row ? editing : null}
                editorRef={editorRef}
                strings={strings}
                handlers={handlers}
              />
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <div className={styles.pager}>
          <Button size="small" disabled={page === 0} onClick={() => setPage(page - 1)}>{strings.previousPage}</Button>
          <Text size={200}>{strings.pageOf(page + 1, pages, firstRow + 1, firstRow + rows.length)}</Text>
          <Button size="small" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>{strings.nextPage}</Button>
        </div>
      )}
    </div>
  );
}

/** What the rows' cells call, by position; GridView keeps one such object for its life. */
interface CellHandlers {
  click(row: number, col: number): void;
  doubleClick(row: number, col: number): void;
  key(event: KeyboardEvent<HTMLTableCellElement>, row: number, col: number): void;
  editText(row: number, col: number, text: string): void;
  commit(): void;
  cancelEdit(): void;
}

const noHandlers: CellHandlers = { click() {}, doubleClick() {}, key() {}, editText() {}, commit() {}, cancelEdit() {} };

/** One handlers object for the component's life, calling whatever `latest` holds at the time. */
function useStableHandlers() {
  const latest = useRef<CellHandlers>(noHandlers);
  const handlers = useMemo<CellHandlers>(
    () => ({
      click: (row, col) => latest.current.click(row, col),
      doubleClick: (row, col) => latest.current.doubleClick(row, col),
      key: (event, row, col) => latest.current.key(event, row, col),
      editText: (row, col, text) => latest.current.editText(row, col, text),
      commit: () => latest.current.commit(),
      cancelEdit: () => latest.current.cancelEdit(),
    }),
    [],
  );
  return { latest, handlers };
}

/** A cell a merged area covers (drawn by the area's first cell). */
const COVERED = 'covered';

interface GridRowProps {
  readonly row: number;
  /** The sheet's values on this row (undefined past its end): the memory workbook keeps an unchanged row's array. */
  readonly line: readonly CellValue[] | undefined;
  readonly originCol: number;
  /** Per column from A: the mark, whether the value may be old, and the merged area drawn from or covering the cell. */
  readonly severities: readonly (Severity | undefined)[];
  readonly stale: readonly boolean[];
  readonly layout: readonly (ShownMerge | typeof COVERED | undefined)[];
  /** The selected cell's column on this row, or -1. */
  readonly selectedCol: number;
  readonly editing: { readonly col: number; readonly text: string } | null;
  readonly editorRef: RefObject<HTMLTextAreaElement>;
  readonly strings: WebStrings;
  readonly handlers: CellHandlers;
}

const sameItems = <T,>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = Object.is) => a.length === b.length && a.every((x, i) => same(x, b[i] as T));
const sameLayout = (a: ShownMerge | typeof COVERED | undefined, b: ShownMerge | typeof COVERED | undefined) =>
  a === b || (typeof a === 'object' && typeof b === 'object' && a.rowSpan === b.rowSpan && a.colSpan === b.colSpan);

/** Re-renders only when something shown on the row changed (the per-column arrays are new on every render). */
function sameRow(a: GridRowProps, b: GridRowProps): boolean {
  return (
    a.row === b.row &&
    a.line === b.line &&
    a.originCol === b.originCol &&
    a.selectedCol === b.selectedCol &&
    a.editing?.col === b.editing?.col &&
    a.editing?.text === b.editing?.text &&
    a.editorRef === b.editorRef &&
    a.strings === b.strings &&
    a.handlers === b.handlers &&
    sameItems(a.severities, b.severities) &&
    sameItems(a.stale, b.stale) &&
    sameItems(a.layout, b.layout, sameLayout)
  );
}

const GridRow = memo(function GridRow({ row, line, originCol, severities, stale, layout, selectedCol, editing, editorRef, strings, handlers }: GridRowProps) {
  const styles = useStyles();
  return (
    <tr>
      <th className={styles.rowHeader} scope="row">{row + 1}</th>
      {layout.map((shown, col) => {
        if (shown === COVERED) return null;
        return (
          <GridCell
            key={col}
            row={row}
            col={col}
            value={line?.[col - originCol] ?? null}
            severity={severities[col]}
            stale={stale[col] ?? false}
            span={shown}
            selected={selectedCol === col}
            editing={editing?.col === col ? editing.text : null}
            editorRef={editorRef}
            strings={strings}
            handlers={handlers}
          />
        );
      })}
    </tr>
  );
}, sameRow);

/** Says which cells' values may be old, and that Excel recalculates them on open. */
function StaleNote({ count, strings }: { readonly count: number; readonly strings: WebStrings }) {
  if (count === 0) return null;
  return <Text role="note" size={200}>{strings.staleNote(count)}</Text>;
}

interface GridCellProps {
  readonly row: number;
  readonly col: number;
  readonly value: CellValue;
  readonly severity: Severity | undefined;
  /** A formula the page could not recalculate after a change: its value may be old. */
  readonly stale: boolean;
  /** The merged area drawn from this cell; undefined for a cell of its own. */
  readonly span: ShownMerge | undefined;
  readonly selected: boolean;
  /** The text being typed into this cell, or null when it is not being edited. */
  readonly editing: string | null;
  readonly editorRef: RefObject<HTMLTextAreaElement>;
  readonly strings: WebStrings;
  readonly handlers: CellHandlers;
}

const GridCell = memo(function GridCell({ row, col, value, severity, stale, span, selected, editing, editorRef, strings, handlers }: GridCellProps) {
  const styles = useStyles();
  const address = toA1(row, col);
  const colours = severity ? MARK_COLOURS[severity] : null;
  return (
    <td
      id={cellId(row, col)}
      role="gridcell"
      aria-selected={selected}
      aria-label={`${address}${severity ? ` ${strings.severity[severity]}` : ''}${stale ? ` ${strings.staleFormula}` : ''}`}
      title={stale ? strings.staleFormula : undefined}
      data-cell={address}
      data-mark={severity}
      data-stale={stale || undefined}
      rowSpan={span?.rowSpan}
      colSpan={span?.colSpan}
      tabIndex={selected ? 0 : -1}
      className={`${styles.cell}${typeof value === 'number' ? ` ${styles.number}` : ''}${selected ? ` ${styles.selected}` : ''}${stale ? ` ${styles.stale}` : ''}`}
      style={colours ? { backgroundColor: colours.fill, color: colours.font } : undefined}
      onClick={() => handlers.click(row, col)}
      onDoubleClick={() => handlers.doubleClick(row, col)}
      onKeyDown={(e) => handlers.key(e, row, col)}
    >
      {editing !== null ? (
        <textarea
          ref={editorRef}
          className={styles.editor}
          aria-label={`${strings.editCell} ${address}`}
          value={editing}
          onChange={(e) => handlers.editText(row, col, e.target.value)}
          onBlur={handlers.commit}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Escape') handlers.cancelEdit();
            // Enter commits as in Excel; Alt+Enter keeps a line break.
            else if (e.key === 'Enter' && !e.altKey && !e.shiftKey) {
              e.preventDefault();
              handlers.commit();
            }
          }}
        />
      ) : stale ? (
        <>
          <span className={styles.staleMarker} aria-hidden="true">↻</span>
          {cellText(value)}
        </>
      ) : (
        cellText(value)
      )}
    </td>
  );
});

function cellId(row: number, col: number): string {
  return `grid-${row}-${col}`;
}

/** Typed text becomes a number when it reads as one and the cell held a number or nothing, as in Excel. */
function toCellValue(text: string, before: CellValue): CellValue {
  if (text === '') return null;
  const trimmed = text.trim();
  if ((typeof before === 'number' || before === null) && /^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return text;
}
