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
  webLightTheme,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentTableRegular, FolderOpenRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { builtInProfile, CATALOGS, createChecker, toA1, type CellValue, type Locale, type WorkbookGrid } from '../core';
import { TaskPaneApp } from '../ui/App';
import { activeFindings, reportRows } from '../ui/finding-view';
import { ignoredRows } from '../ui/ignored-view';
import type { IgnoredSheetRead } from '../workbook/ignored-sheet';
import { createMemoryWorkbook, type MemoryWorkbook, type MemoryWorkbookOptions } from '../workbook/memory-workbook';
import type { WorkbookPort } from '../workbook/port';
import { downloadBytes, openSpreadsheet } from './files';
import { GridView, type GridSelection } from './GridView';
import { loadSavedDocument, saveDocument } from './saved-document';
import { SAMPLE_WORKBOOK } from './sample-table';
import { webStrings } from './strings';

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

/** Wraps the in-memory workbook so that every change the pane makes re-renders the grid. */
function observed(workbook: MemoryWorkbook, changed: () => void): WorkbookPort {
  const after =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await call(...args);
      } finally {
        changed();
      }
    };
  return {
    ...workbook,
    markFindings: after(workbook.markFindings),
    clearMarks: after(workbook.clearMarks),
    selectCell: after(workbook.selectCell),
    writeCells: after(workbook.writeCells),
    rewriteBlock: after(workbook.rewriteBlock),
    addSheet: after(workbook.addSheet),
    undo: after(workbook.undo),
    writeReport: after(workbook.writeReport),
    saveIgnored: after(workbook.saveIgnored),
  };
}

/** The memory workbook's view of a stored ignore list: the setting text, or why the file's list cannot be read. */
function storedIgnored(ignored: string | IgnoredSheetRead | undefined): MemoryWorkbookOptions {
  if (ignored === undefined) return {};
  if (typeof ignored === 'string') return { ignoredSetting: ignored };
  return ignored.ok ? { ignoredSetting: ignored.setting } : { ignoredProblem: ignored.detail };
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

/** The standalone checker: a spreadsheet view of the workbook beside the same pane as in Excel. */
export function WebApp({ locale, storage }: WebAppProps) {
  const styles = useStyles();
  const strings = webStrings(locale);
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  const fileInput = useRef<HTMLInputElement>(null);
  // The pane's choice of rules: the marked download's 校验结果 sheet is checked by the same.
  const profileChoice = useRef('auto');
  const rememberProfileChoice = useCallback((choice: string) => {
    profileChoice.current = choice;
  }, []);

  const open = useCallback(
    (name: string, grid: WorkbookGrid, source: Uint8Array | null = null, ignored?: string | IgnoredSheetRead): OpenDocument => {
      const workbook = createMemoryWorkbook(grid, storedIgnored(ignored));
      return { id: ++nextId, name, workbook, port: observed(workbook, bump), source };
    },
    [bump],
  );
  const [saved] = useState(() => loadSavedDocument(storage));
  const [doc, setDoc] = useState<OpenDocument>(() =>
    saved.status === 'restored' ? open(saved.document.name, saved.document.grid, null, saved.document.ignored) : open(strings.sampleName, SAMPLE_WORKBOOK),
  );
  const [notice, setNotice] = useState<{ intent: 'info' | 'error' | 'warning'; text: string } | null>(
    saved.status === 'restored' ? { intent: 'info', text: strings.restored } : saved.status === 'reset' ? { intent: 'warning', text: strings.storedReset } : null,
  );

  const grid = useMemo(() => doc.workbook.grid(), [doc, version]);
  const marks = useMemo(() => doc.workbook.marks(), [doc, version]);
  const [activeSheet, setActiveSheet] = useState<string>(grid.sheets[0]?.name ?? '');
  const [selection, setSelection] = useState<GridSelection | null>(null);

  // The pane selects cells through the port; the grid follows, switching sheet first.
  useEffect(() => {
    return doc.workbook.onSelectionChanged((cell) => {
      if (!cell) return;
      setActiveSheet(cell.location.sheet);
      setSelection({ sheet: cell.location.sheet, row: cell.location.row, col: cell.location.col });
    });
  }, [doc]);
  useEffect(() => {
    const unsubscribe = doc.workbook.onCellsChanged(() => bump());
    return unsubscribe;
  }, [doc, bump]);

  // Keep the user's edits in this browser (never sent anywhere) so a reload loses nothing.
  useEffect(() => {
    if (!storage || version === 0) return;
    const timer = setTimeout(() => {
      const result = saveDocument(storage, { name: doc.name, grid: doc.workbook.grid(), ignored: doc.workbook.ignoredSetting() });
      // Never swallowed: a change that is not kept is said so.
      if (!result.ok) setNotice({ intent: 'warning', text: { 'too-large': strings.notSaved, full: strings.notSavedFull, unavailable: strings.notSavedUnavailable }[result.reason] });
    }, 800);
    return () => clearTimeout(timer);
  }, [storage, doc, version, strings]);

  function replaceDocument(name: string, workbook: WorkbookGrid, source: Uint8Array | null = null, ignored?: IgnoredSheetRead) {
    const next = open(name, workbook, source, ignored);
    setDoc(next);
    setActiveSheet(workbook.sheets[0]?.name ?? '');
    setSelection(null);
    setVersion((v) => v + 1);
  }

  async function onFile(file: File) {
    let result: Awaited<ReturnType<typeof openSpreadsheet>>;
    try {
      result = await openSpreadsheet(file.name, await readBytes(file), strings);
    } catch (error) {
      result = { ok: false, message: strings.readFailed(file.name, error instanceof Error ? error.message : String(error)) };
    }
    if (!result.ok) {
      setNotice({ intent: 'error', text: result.message });
      return;
    }
    setNotice(null);
    replaceDocument(file.name, result.workbook, result.source, result.ignored);
  }

  async function download(withMarks: boolean) {
    try {
      const { writeXlsxGrid } = await import(/* webpackChunkName: "xlsx" */ '../workbook/xlsx-writer');
      const current = doc.workbook.grid();
      // Start from the user's own file so that its formatting, formulas and layout stay.
      // Rows the builder inserted or removed move the file's own rows and merges too.
      // The ignore list goes into the file (a hidden sheet), so that it is there when the file is opened again.
      const ignored = doc.workbook.ignoredSetting();
      const original = { ...(doc.source ? { base: doc.source, rewrites: doc.workbook.rewrites() } : {}), ...(ignored === undefined ? {} : { ignored }) };
      let bytes: Uint8Array;
      if (withMarks) {
        const profile = builtInProfile(profileChoice.current);
        const all = createChecker(profile ? { profile } : {}).checkWorkbook(current).findings;
        const ignoredList = await doc.port.loadIgnored();
        const findings = activeFindings(all, ignoredList);
        const sheetOrder = current.sheets.map((s) => s.name);
        bytes = await writeXlsxGrid(current, {
          ...original,
          marks: doc.workbook.marks(),
          report: reportRows(findings, sheetOrder, locale),
          ignoredReport: ignoredRows(all, ignoredList, sheetOrder, locale),
          severityLabels: CATALOGS[locale].severity,
        });
      } else {
        bytes = await writeXlsxGrid(current, original);
      }
      const base = doc.name.replace(/\.(xlsx|csv)$/i, '');
      downloadBytes(bytes, `${base}${withMarks ? '-校验结果' : ''}.xlsx`);
    } catch (error) {
      setNotice({ intent: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  }

  function onSelect(next: GridSelection) {
    setSelection(next);
    doc.workbook.select({ sheet: next.sheet, cell: toA1(next.row, next.col) });
  }

  function onEdit(at: GridSelection, value: CellValue) {
    doc.workbook.setCell({ sheet: at.sheet, cell: toA1(at.row, at.col) }, value);
    bump();
  }

  return (
    // Layout on an inner element: Fluent copies the provider's className onto portal mount nodes.
    <FluentProvider theme={webLightTheme} lang={locale}>
      <div className={styles.root}>
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
              if (file) void onFile(file);
              e.target.value = '';
            }}
          />
          <Button icon={<FolderOpenRegular />} onClick={() => fileInput.current?.click()}>{strings.openFile}</Button>
          <Button icon={<DocumentTableRegular />} onClick={() => replaceDocument(strings.sampleName, SAMPLE_WORKBOOK)}>{strings.openSample}</Button>
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <Button appearance="primary" icon={<ArrowDownloadRegular />}>{strings.download}</Button>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                <MenuItem onClick={() => void download(true)}>{strings.downloadMarked}</MenuItem>
                <MenuItem onClick={() => void download(false)}>{strings.downloadClean}</MenuItem>
              </MenuList>
            </MenuPopover>
          </Menu>
        </div>
      </header>
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
          <TaskPaneApp key={doc.id} port={doc.port} locale={locale} templateStorage={storage} onProfileChoice={rememberProfileChoice} />
        </aside>
      </div>
      </div>
    </FluentProvider>
  );
}
