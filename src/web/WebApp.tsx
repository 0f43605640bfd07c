import {
  Button,
  FluentProvider,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  Text,
  Title2,
  tokens,
  useRestoreFocusTarget,
  webLightTheme,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentTableRegular, FolderOpenRegular, LocalLanguageRegular } from '@fluentui/react-icons';
import { memo, startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { builtInProfile, createChecker, toA1, type CellValue, type Locale, type WorkbookGrid } from '../core';
import { TaskPaneApp } from '../ui/App';
import { activeFindings, reportRows } from '../ui/finding-view';
import { ignoredRows } from '../ui/ignored-view';
import type { IgnoredSheetRead } from '../workbook/ignored-sheet';
import { createMemoryWorkbook, type MemoryWorkbook, type MemoryWorkbookOptions } from '../workbook/memory-workbook';
import { isReportGrid, type WorkbookPort } from '../workbook/port';
import type { ColumnWidths } from '../workbook/xlsx-grid';
import { downloadBytes, openSpreadsheet } from './files';
import { GridView, type GridSelection } from './GridView';
import { loadSavedDocument, saveDocument } from './saved-document';
import { SAMPLE_WORKBOOK } from './sample-table';
import { webStrings, type WebStrings } from './strings';
import { ActionDialog } from '../ui/ActionDialog';

export interface WebAppProps {
  readonly locale: Locale;
  /** Where the open workbook is kept between visits; null keeps nothing. */
  readonly storage: Storage | null;
}

interface OpenDocument {
  readonly id: number;
  readonly name: string;
  readonly workbook: MemoryWorkbook;
  readonly port: WorkbookPort;
  /** The opened .xlsx file's bytes: downloads start from them (null for CSV, the sample and restored work). */
  readonly source: Uint8Array | null;
  /** The .xlsx file's column widths, which the grid shows its sheets by (empty for CSV, the sample and restored work). */
  readonly columnWidths: ColumnWidths;
}

const useStyles = makeStyles({
  root: { minHeight: '100vh', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { display: 'flex', flexDirection: 'column', marginRight: 'auto', minWidth: 0 },
  title: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  body: {
    display: 'flex',
    flex: 1,
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    minHeight: 0,
    '@media (max-width: 900px)': { flexDirection: 'column' },
  },
  grid: { flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  pane: {
    width: '420px',
    flexShrink: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowY: 'auto',
    maxHeight: 'calc(100vh - 90px)',
    '@media (max-width: 900px)': { width: 'auto', maxHeight: 'none' },
  },
  hidden: { display: 'none' },
});

let nextId = 0;

// The pane re-renders from its own session's state: the page's cell and mark versions (the grid's) leave it alone.
const Pane = memo(TaskPaneApp);

/** What a change through the port touched: the cells (kept, downloaded, shown) or only the marks. */
interface PortChanges {
  cells(): void;
  marks(): void;
}

/** Wraps the in-memory workbook so that every change the pane makes re-renders what it changed, and nothing else. */
function observed(workbook: MemoryWorkbook, changed: PortChanges): WorkbookPort {
  const after =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>, then: () => void) =>
    async (...args: A): Promise<R> => {
      try {
        return await call(...args);
      } finally {
        then();
      }
    };
  // selectCell changes neither: the grid follows the selection through onSelectionChanged.
  return {
    ...workbook,
    markFindings: after(workbook.markFindings, changed.marks),
    clearMarks: after(workbook.clearMarks, changed.marks),
    writeCells: after(workbook.writeCells, changed.cells),
    rewriteBlock: after(workbook.rewriteBlock, changed.cells),
    addSheet: after(workbook.addSheet, changed.cells),
    undo: after(workbook.undo, changed.cells),
    writeReport: after(workbook.writeReport, changed.cells),
    saveIgnored: after(workbook.saveIgnored, changed.cells),
  };
}

/** The memory workbook's view of a stored ignore list: the setting text, or why the file's list cannot be read. */
function storedIgnored(ignored: string | IgnoredSheetRead | undefined): MemoryWorkbookOptions {
  if (ignored === undefined) return {};
  if (typeof ignored === 'string') return { ignoredSetting: ignored };
  return ignored.ok ? { ignoredSetting: ignored.setting } : { ignoredProblem: ignored };
}

/** Runs `task` when the browser is idle (within 2 s at the latest; at once where there is no requestIdleCallback); returns its cancel. */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(task, 0);
    return () => clearTimeout(timer);
  }
  const id = requestIdleCallback(task, { timeout: 2000 });
  return () => cancelIdleCallback(id);
}

// FileReader rather than Blob#arrayBuffer: older browsers (and jsdom) lack the latter.
function readBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsArrayBuffer(file);
  });
}

type PageNotice = { readonly intent: 'info' | 'error' | 'warning'; readonly text: string };

/**
 * The open workbook: what it is, its cell and mark versions (each re-renders only what depends on it), whether it
 * holds edits not yet downloaded, and its keeping in this browser between visits.
 */
function useOpenDocument(storage: Storage | null, strings: WebStrings) {
  const [cellsVersion, setCellsVersion] = useState(0);
  const [marksVersion, setMarksVersion] = useState(0);
  // Restored work was edited here and maybe never downloaded: it counts as unsaved.
  const [saved] = useState(() => loadSavedDocument(storage));
  const [unsaved, setUnsaved] = useState(saved.status === 'restored');
  // As transitions: the steps of one fix (cells written, then marked) show in one render of the grid, after the pane's.
  const changes = useMemo<PortChanges>(
    () => ({
      cells: () => {
        // Not in the transition: 打开示例表 clicked before it renders must still know there is work to lose.
        setUnsaved(true);
        startTransition(() => setCellsVersion((v) => v + 1));
      },
      marks: () => startTransition(() => setMarksVersion((v) => v + 1)),
    }),
    [],
  );
  const open = useCallback(
    (name: string, grid: WorkbookGrid, source: Uint8Array | null = null, ignored?: string | IgnoredSheetRead, columnWidths: ColumnWidths = new Map()): OpenDocument => {
      const workbook = createMemoryWorkbook(grid, storedIgnored(ignored));
      return { id: ++nextId, name, workbook, port: observed(workbook, changes), source, columnWidths };
    },
    [changes],
  );
  const [doc, setDoc] = useState<OpenDocument>(() =>
    saved.status === 'restored' ? open(saved.document.name, saved.document.grid, null, saved.document.ignored) : open(strings.sampleName, SAMPLE_WORKBOOK),
  );
  const [notice, setNotice] = useState<PageNotice | null>(
    saved.status === 'restored' ? { intent: 'info', text: strings.restored } : saved.status === 'reset' ? { intent: 'warning', text: strings.storedReset } : null,
  );
  useEffect(() => doc.workbook.onCellsChanged(() => changes.cells()), [doc, changes]);

  // Keep the user's edits in this browser (never sent anywhere) so a reload loses nothing.
  // Saved when the browser is idle after 800 ms without a change (serialising a big workbook stays off a fix's way to
  // its result), and at once when the page is left or hidden, so that a reload right after a change loses nothing.
  useEffect(() => {
    if (!storage || cellsVersion === 0) return;
    let saved = false;
    const save = () => {
      if (saved) return;
      saved = true;
      const result = saveDocument(storage, { name: doc.name, grid: doc.workbook.grid(), ignored: doc.workbook.ignoredSetting() });
      // Never swallowed: a change that is not kept is said so.
      if (!result.ok) setNotice({ intent: 'warning', text: { 'too-large': strings.notSaved, full: strings.notSavedFull, unavailable: strings.notSavedUnavailable }[result.reason] });
    };
    let cancelIdle = () => {};
    const timer = setTimeout(() => (cancelIdle = whenIdle(save)), 800);
    window.addEventListener('pagehide', save);
    return () => {
      clearTimeout(timer);
      cancelIdle();
      window.removeEventListener('pagehide', save);
    };
  }, [storage, doc, cellsVersion, strings]);

  const replace = useCallback(
    (name: string, grid: WorkbookGrid, source: Uint8Array | null = null, ignored?: IgnoredSheetRead, columnWidths?: ColumnWidths) => {
      setDoc(open(name, grid, source, ignored, columnWidths));
      setUnsaved(false);
      setCellsVersion((v) => v + 1);
    },
    [open],
  );
  return { doc, cellsVersion, marksVersion, unsaved, setUnsaved, notice, setNotice, replace };
}

/** What the user asked to open while the workbook holds edits not yet downloaded. */
type PendingOpen = { readonly kind: 'sample' } | { readonly kind: 'file'; readonly file: File };

function DiscardDialog({ pending, strings, onConfirm, onCancel }: { readonly pending: PendingOpen | null; readonly strings: WebStrings; onConfirm(): void; onCancel(): void }) {
  const target = pending?.kind === 'file' ? pending.file.name : strings.sampleName;
  return (
    <ActionDialog
      open={pending !== null}
      title={strings.discardTitle}
      action={{ label: strings.discardConfirm, onClick: onConfirm }}
      closeLabel={strings.cancel}
      onClose={onCancel}
    >
      {strings.discardBody(target)}
    </ActionDialog>
  );
}

interface PageHeaderProps {
  readonly strings: WebStrings;
  onFile(file: File): void;
  onSample(): void;
  onDownload(withMarks: boolean): void;
  onSwitchLanguage(): void;
}

function PageHeader({ strings, onFile, onSample, onDownload, onSwitchLanguage }: PageHeaderProps) {
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  // 放弃未下载的修改？ is opened from these buttons: focus returns to them when it closes.
  const restoreFocus = useRestoreFocusTarget();
  return (
    <header className={styles.header}>
      <div className={styles.heading}>
        <Title2 as="h1" className={styles.title}>{strings.pageTitle}</Title2>
        <Text size={200}>{strings.tagline}</Text>
      </div>
      <div className={styles.actions}>
        <input
          ref={fileInput}
          className={styles.hidden}
          type="file"
          accept=".xlsx,.csv"
          aria-label={strings.openFile}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) onFile(file);
            e.target.value = '';
          }}
        />
        <Button icon={<FolderOpenRegular />} onClick={() => fileInput.current?.click()} {...restoreFocus}>{strings.openFile}</Button>
        <Button icon={<DocumentTableRegular />} onClick={onSample} {...restoreFocus}>{strings.openSample}</Button>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button appearance="primary" icon={<ArrowDownloadRegular />}>{strings.download}</Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem onClick={() => onDownload(true)}>{strings.downloadMarked}</MenuItem>
              <MenuItem onClick={() => onDownload(false)}>{strings.downloadClean}</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
        <Button appearance="subtle" icon={<LocalLanguageRegular />} lang={strings.otherLanguageCode} onClick={onSwitchLanguage}>{strings.otherLanguage}</Button>
      </div>
    </header>
  );
}

/** The workbook as the user downloads it: from their own file's bytes when there is one, with marks and 校验结果 if asked. */
async function downloadWorkbook(doc: OpenDocument, withMarks: boolean, profileChoice: string, locale: Locale): Promise<void> {
  const { writeXlsxGrid } = await import(/* webpackChunkName: "xlsx" */ '../workbook/xlsx-writer');
  const current = doc.workbook.grid();
  // Start from the user's own file so that its formatting, formulas and layout stay.
  // Rows the builder inserted or removed move the file's own rows and merges too.
  // The ignore list goes into the file (a hidden sheet), so that it is there when the file is opened again.
  const ignored = doc.workbook.ignoredSetting();
  const original = { ...(doc.source ? { base: doc.source, rewrites: doc.workbook.rewrites() } : {}), ...(ignored === undefined ? {} : { ignored }) };
  let bytes: Uint8Array;
  if (withMarks) {
    const profile = builtInProfile(profileChoice);
    const all = createChecker(profile ? { profile } : {}).checkWorkbook(current).findings;
    const ignoredList = await doc.port.loadIgnored();
    const findings = activeFindings(all, ignoredList);
    const sheetOrder = current.sheets.map((s) => s.name);
    bytes = await writeXlsxGrid(current, {
      ...original,
      marks: doc.workbook.marks(),
      report: reportRows(findings, sheetOrder, locale),
      ignoredReport: ignoredRows(all, ignoredList, sheetOrder, locale),
      locale,
    });
  } else {
    bytes = await writeXlsxGrid(current, original);
  }
  const base = doc.name.replace(/\.(xlsx|csv)$/i, '');
  downloadBytes(bytes, `${base}${withMarks ? webStrings(locale).markedSuffix : ''}.xlsx`);
}

/**
 * 校验结果 as 导出报告 wrote it on this page (级别 … 规则代码, in Excel's characters): narrow enough that all its
 * columns fit beside the pane at 1366 px, the messages wrapping. A sheet from a file keeps the file's widths.
 */
const REPORT_COLUMN_WIDTHS: readonly number[] = [4, 11, 6, 14, 14, 30, 16, 20];

function columnWidthsOf(doc: OpenDocument, grid: WorkbookGrid, sheetName: string): readonly (number | null)[] | undefined {
  const fromFile = doc.columnWidths.get(sheetName);
  if (fromFile) return fromFile;
  const sheet = grid.sheets.find((s) => s.name === sheetName);
  return sheet && isReportGrid(sheet) ? REPORT_COLUMN_WIDTHS : undefined;
}

/** The grid's sheet and cell; the pane selects cells through the port and the grid follows, switching sheet first. */
function useGridSelection(doc: OpenDocument, grid: WorkbookGrid) {
  const [activeSheet, setActiveSheet] = useState<string>(grid.sheets[0]?.name ?? '');
  const [selection, setSelection] = useState<GridSelection | null>(null);
  useEffect(() => {
    return doc.workbook.onSelectionChanged((cell) => {
      if (!cell) return;
      setActiveSheet(cell.location.sheet);
      setSelection({ sheet: cell.location.sheet, row: cell.location.row, col: cell.location.col });
    });
  }, [doc]);
  return { activeSheet, setActiveSheet, selection, setSelection };
}

/** The chosen file as a workbook, or the Chinese (or English) reason it cannot be opened; never throws. */
async function readSpreadsheetFile(file: File, strings: WebStrings): Promise<Awaited<ReturnType<typeof openSpreadsheet>>> {
  try {
    return await openSpreadsheet(file.name, await readBytes(file), strings);
  } catch (error) {
    return { ok: false, message: strings.readFailed(file.name, error instanceof Error ? error.message : String(error)) };
  }
}

/** The standalone checker: a spreadsheet view of the workbook beside the same pane as in Excel. */
export function WebApp({ locale: initialLocale, storage }: WebAppProps) {
  const styles = useStyles();
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const strings = webStrings(locale);
  // The pane's choice of rules: the marked download's 校验结果 sheet is checked by the same.
  const profileChoice = useRef('auto');
  const rememberProfileChoice = useCallback((choice: string) => {
    profileChoice.current = choice;
  }, []);
  const { doc, cellsVersion, marksVersion, unsaved, setUnsaved, notice, setNotice, replace } = useOpenDocument(storage, strings);
  const [pending, setPending] = useState<PendingOpen | null>(null);

  const grid = useMemo(() => doc.workbook.grid(), [doc, cellsVersion]);
  const marks = useMemo(() => doc.workbook.marks(), [doc, marksVersion]);
  const { activeSheet, setActiveSheet, selection, setSelection } = useGridSelection(doc, grid);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = strings.documentTitle;
  }, [locale, strings]);

  function show(name: string, workbook: WorkbookGrid, source: Uint8Array | null = null, ignored?: IgnoredSheetRead, columnWidths?: ColumnWidths) {
    replace(name, workbook, source, ignored, columnWidths);
    setActiveSheet(workbook.sheets[0]?.name ?? '');
    setSelection(null);
  }

  async function openFile(file: File) {
    const result = await readSpreadsheetFile(file, strings);
    if (!result.ok) {
      setNotice({ intent: 'error', text: result.message });
      return;
    }
    setNotice(null);
    show(file.name, result.workbook, result.source, result.ignored, result.columnWidths);
  }

  // Nothing the user wrote is dropped without asking: edits not downloaded yet wait for a yes.
  function request(next: PendingOpen) {
    if (unsaved) setPending(next);
    else run(next);
  }
  function run(next: PendingOpen) {
    if (next.kind === 'file') void openFile(next.file);
    else show(strings.sampleName, SAMPLE_WORKBOOK);
  }

  async function download(withMarks: boolean) {
    try {
      await downloadWorkbook(doc, withMarks, profileChoice.current, locale);
      setUnsaved(false);
    } catch (error) {
      setNotice({ intent: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  }

  function onSelect(next: GridSelection) {
    setSelection(next);
    doc.workbook.select({ sheet: next.sheet, cell: toA1(next.row, next.col) });
  }

  function onEdit(at: GridSelection, value: CellValue) {
    // setCell fires onCellsChanged, as a user's edit in Excel would: the grid, the pane and the saved copy follow.
    doc.workbook.setCell({ sheet: at.sheet, cell: toA1(at.row, at.col) }, value);
  }

  return (
    // Layout on an inner element: Fluent copies the provider's className onto portal mount nodes.
    <FluentProvider theme={webLightTheme} lang={locale}>
      <div className={styles.root}>
        <PageHeader
          strings={strings}
          onFile={(file) => request({ kind: 'file', file })}
          onSample={() => request({ kind: 'sample' })}
          onDownload={(withMarks) => void download(withMarks)}
          onSwitchLanguage={() => setLocale(locale === 'zh-CN' ? 'en-US' : 'zh-CN')}
        />
        <div className={styles.body}>
          <section className={styles.grid} aria-label={doc.name}>
            <Text weight="semibold">{strings.loadedFile(doc.name)}</Text>
            {notice && (
              <MessageBar intent={notice.intent}>
                <MessageBarBody>{notice.text}</MessageBarBody>
              </MessageBar>
            )}
            <GridView
              workbook={grid}
              marks={marks}
              columnWidths={columnWidthsOf(doc, grid, activeSheet)}
              activeSheet={activeSheet}
              selection={selection}
              strings={strings}
              onActivateSheet={setActiveSheet}
              onSelect={onSelect}
              onEdit={onEdit}
            />
            {selection && <Text size={200}>{strings.selectedCell(`${selection.sheet}!${toA1(selection.row, selection.col)}`)}</Text>}
          </section>
          <aside className={styles.pane}>
            <Pane key={`${doc.id}-${locale}`} port={doc.port} locale={locale} templateStorage={storage} onProfileChoice={rememberProfileChoice} />
          </aside>
        </div>
      </div>
      <DiscardDialog
        pending={pending}
        strings={strings}
        onConfirm={() => {
          if (pending) run(pending);
          setPending(null);
        }}
        onCancel={() => setPending(null)}
      />
    </FluentProvider>
  );
}
