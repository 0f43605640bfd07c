import { type BackgroundOptions, type HostCapabilities, WorkbookError, workbookError } from '../port';
import { MAX_PAYLOAD_BYTES, OWN_CHANGE_WINDOW_MS } from './cells';
import { isPayloadError, toWorkbookError } from './errors';

export interface OfficeWorkbookDeps {
  readonly excelRun?: typeof Excel.run;
  readonly office?: typeof Office;
  /** Errors with no caller to reject (event registration, event handlers). Default: console.error. */
  readonly reportError?: (error: WorkbookError) => void;
}

/** What the rooms of the Office workbook remember between calls; one per workbook, never module-wide. */
export interface OfficeState {
  /** Sheet names as last seen: their marks are scanned in the first sync, any other sheet's in one more. */
  knownSheetNames: readonly string[];
  /** Sheet id → name for change events; cleared by every read of the sheet list (a sheet may have been renamed). */
  readonly sheetNames: Map<string, string>;
  /** Before ExcelApi 1.14 (no triggerSource): "sheet!A1" areas the add-in wrote → when, each dropping its one change event. */
  readonly ownChanges: Map<string, number[]>;
  undoCount: number;
}

/** The host, what it supports, and the shared state: passed to every room. */
export interface OfficeContext {
  readonly office: typeof Office;
  readonly excelRun: typeof Excel.run;
  readonly reportError: (error: WorkbookError) => void;
  readonly capabilities: HostCapabilities;
  readonly minor: number;
  /**
   * Runs the pane starts on its own (event handlers, re-checks, automatic marking): Excel holds them until the
   * user leaves cell-edit mode. Office.js honours the option only where isSetSupported("DelayForCellEdit").
   */
  readonly backgroundRun: Excel.RunOptions | undefined;
  readonly state: OfficeState;
}

export function createOfficeContext(deps: OfficeWorkbookDeps): OfficeContext {
  const office = deps.office ?? Office;
  const capabilities = detectCapabilities(office);
  return {
    office,
    excelRun: deps.excelRun ?? Excel.run,
    reportError: deps.reportError ?? ((error: WorkbookError) => console.error(error.message, error.detail)),
    capabilities,
    minor: Number(capabilities.apiVersion?.split('.')[1] ?? 0),
    backgroundRun: office.context.requirements.isSetSupported('DelayForCellEdit') ? { delayForCellEdit: true } : undefined,
    state: { knownSheetNames: [], sheetNames: new Map(), ownChanges: new Map(), undoCount: 0 },
  };
}

export const runOptionsFor = (ctx: OfficeContext, options: BackgroundOptions | undefined) => (options?.background ? ctx.backgroundRun : undefined);

export const nextUndoId = (ctx: OfficeContext) => `undo-${Date.now().toString(36)}-${++ctx.state.undoCount}`;

const changeKey = (sheet: string, address: string) => {
  const [first, last] = address.replace(/\$/g, '').toUpperCase().split(':');
  return `${sheet}!${last === undefined || last === first ? first : `${first}:${last}`}`;
};

export function expectOwnChange(ctx: OfficeContext, sheet: string, address: string): void {
  if (ctx.minor >= 14) return;
  const key = changeKey(sheet, address);
  ctx.state.ownChanges.set(key, [...(ctx.state.ownChanges.get(key) ?? []), Date.now()]);
}

/** Whether this change is one the add-in just made (and forgets it: the next change of those cells is the user's). */
export function isOwnChange(ctx: OfficeContext, sheet: string, address: string): boolean {
  const key = changeKey(sheet, address);
  const recent = (ctx.state.ownChanges.get(key) ?? []).filter((at) => Date.now() - at < OWN_CHANGE_WINDOW_MS);
  const own = recent.length > 0;
  if (recent.length > 1) ctx.state.ownChanges.set(key, recent.slice(1));
  else ctx.state.ownChanges.delete(key);
  return own;
}

export async function run<T>(ctx: OfficeContext, batch: (context: Excel.RequestContext) => Promise<T>, options?: Excel.RunOptions): Promise<T> {
  try {
    return options ? await ctx.excelRun(options, batch) : await ctx.excelRun(batch);
  } catch (error) {
    throw toWorkbookError(error);
  }
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw workbookError('cancelled', { key: 'read-cancelled' });
}

export function detectCapabilities(office: typeof Office): HostCapabilities {
  let minor = 0;
  // Requirement sets are cumulative: the highest supported one says it all.
  while (minor < 99 && office.context.requirements.isSetSupported('ExcelApi', `1.${minor + 1}`)) minor++;
  const diagnostics = office.context.diagnostics as Office.ContextInformation | undefined;
  return {
    host: String(diagnostics?.host ?? 'Excel'),
    platform: String(diagnostics?.platform ?? 'unknown'),
    apiVersion: minor > 0 ? `1.${minor}` : null,
    conditionalFormatMarks: minor >= 6,
    changeEvents: minor >= 7,
    selectionEvents: minor >= 2,
    persistentSettings: minor >= 4,
    undoGroups: minor >= 20,
  };
}

/** Queues `items` in as few syncs as the payload limit allows; `first` goes into the first one. */
export async function syncInBatches<T>(context: Excel.RequestContext, items: readonly T[], bytesPerItem: (item: T) => number, queue: (batch: T[], offset: number) => void, first: () => void): Promise<void> {
  let offset = 0;
  let isFirst = true;
  let limit = MAX_PAYLOAD_BYTES;
  while (isFirst || offset < items.length) {
    let end = offset;
    for (let bytes = 0; end < items.length && (end === offset || bytes + bytesPerItem(items[end] as T) <= limit); end++) bytes += bytesPerItem(items[end] as T);
    if (isFirst) first();
    queue(items.slice(offset, end), offset);
    try {
      await context.sync();
    } catch (error) {
      // A request over the limit is refused whole, so it can be sent again in halves.
      if (!isPayloadError(error) || end - offset <= 1) throw error;
      limit = Math.max(1, Math.floor(limit / 2));
      continue;
    }
    isFirst = false;
    offset = end;
  }
}
