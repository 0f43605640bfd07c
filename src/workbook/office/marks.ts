import { type CellLocation, type Finding, parseRange, rangeAddress as areaAddress, SEVERITIES, type Severity } from '../../core';
import { MARK_COLOURS, WorkbookError, workbookError, type WorkbookPort } from '../port';
import { BYTES_PER_MARK, MARK_FORMULA, rangeAddress } from './cells';
import { type OfficeContext, run, runOptionsFor, syncInBatches } from './context';
import { toWorkbookError } from './errors';


interface MarkRun {
  readonly sheet: string;
  readonly address: string;
  readonly severity: Severity;
}

/** One mark per cell, coloured by its worst severity; vertical runs of equal severity share one. */
function markRuns(findings: readonly Finding[]): MarkRun[] {
  const worst = new Map<string, { location: CellLocation; severity: Severity }>();
  for (const f of findings) {
    const key = `${f.location.sheet}\u0000${f.location.col}\u0000${f.location.row}`;
    const current = worst.get(key);
    if (!current || SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(current.severity)) worst.set(key, { location: f.location, severity: f.severity });
  }
  const cells = [...worst.values()].sort(
    (a, b) => a.location.sheet.localeCompare(b.location.sheet) || a.location.col - b.location.col || a.location.row - b.location.row,
  );
  const runs: MarkRun[] = [];
  let start = 0;
  for (let i = 1; i <= cells.length; i++) {
    const first = cells[start];
    const previous = cells[i - 1];
    const next = cells[i];
    const continues =
      next && first && previous && next.location.sheet === first.location.sheet && next.location.col === first.location.col && next.location.row === previous.location.row + 1 && next.severity === first.severity;
    if (continues || !first || !previous) continue;
    const rows = previous.location.row - first.location.row + 1;
    runs.push({ sheet: first.location.sheet, address: rangeAddress(first.location.row, first.location.col, rows, 1), severity: first.severity });
    start = i;
  }
  return runs;
}

/** Ours, whoever wrote it: the pane, the page or the CLI (whose xlsx rule has no leading "="). */
function isMark(cf: Excel.ConditionalFormat): boolean {
  if (cf.type !== 'Custom') return false;
  const formula = cf.customOrNullObject.rule.formula;
  return (formula.startsWith('=') ? formula : `=${formula}`) === MARK_FORMULA;
}

/** A sheet's conditional formats as scanned for marks; `marks` are the ids of ours. */
interface SheetMarks {
  readonly name: string;
  readonly worksheet: Excel.Worksheet;
  readonly formats: Excel.ConditionalFormatCollection;
  readonly marks: readonly string[];
}

/** Marks already right, by id, and what they show ("sheet, cells, fill" as markKey makes it). */
interface KeptMarks {
  readonly ids: Set<string>;
  readonly keys: Set<string>;
}

/** A mark's identity for comparing old and new: its sheet, its cells (however Excel writes the address) and its fill. */
function markKey(sheet: string, address: string, fill: string | null): string {
  const area = parseRange(address.replace(/\$/g, ''));
  return [sheet, area ? areaAddress(area) : address, (fill ?? '').toUpperCase()].join('\u0000');
}

type MarkChange = { readonly remove: string; readonly sheet: SheetMarks } | { readonly add: MarkRun; readonly sheet: SheetMarks };

/** What replacing a sheet's marks by `runs` takes: deletes (by loaded id) first, then adds. */
function markChanges(sheets: readonly SheetMarks[], runs: readonly MarkRun[]): MarkChange[] {
  const removes = sheets.flatMap((sheet) => sheet.marks.map((id) => ({ remove: id, sheet })));
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const adds = runs.flatMap((run) => {
    const sheet = byName.get(run.sheet);
    return sheet ? [{ add: run, sheet }] : [];
  });
  return [...removes, ...adds];
}

function queueMarkChange(change: MarkChange): void {
  if ('remove' in change) {
    // By id: index-addressed deletes shift within a batch, and fail where two rules share a cell (office-js #5222).
    change.sheet.formats.getItem(change.remove).delete();
    return;
  }
  const cf = change.sheet.worksheet.getRange(change.add.address).conditionalFormats.add('Custom');
  cf.custom.rule.formula = MARK_FORMULA;
  cf.custom.format.fill.color = MARK_COLOURS[change.add.severity].fill;
  cf.custom.format.font.color = MARK_COLOURS[change.add.severity].font;
}


function scanSheet(worksheet: Excel.Worksheet): Excel.ConditionalFormatCollection {
  return worksheet.getRange().conditionalFormats.load('items/id,items/type,items/customOrNullObject/rule/formula,items/customOrNullObject/format/fill/color');
}

/**
 * Every sheet's marks, found by their formula (sheet ids change when the workbook is reopened, and copies the
 * CLI or the page marked carry no list). One sync when the sheets are those last seen, one more otherwise.
 */
async function findMarks(ctx: OfficeContext, context: Excel.RequestContext): Promise<SheetMarks[]> {
  const worksheets = context.workbook.worksheets.load('items/name');
  const guessed = ctx.state.knownSheetNames.map((name) => {
    // Office.js answers isNullObject only for an object that was loaded (the double is laxer).
    const worksheet = context.workbook.worksheets.getItemOrNullObject(name).load('name');
    return { name, worksheet, formats: scanSheet(worksheet) };
  });
  await context.sync();
  // A renamed or deleted sheet's null object leaves its formats' items undefined: rescan by the real name.
  const found = guessed.filter((g) => !g.worksheet.isNullObject);
  const missed = worksheets.items.filter((s) => !found.some((g) => g.name === s.name)).map((worksheet) => ({ name: worksheet.name, worksheet, formats: scanSheet(worksheet) }));
  if (missed.length > 0) await context.sync();
  ctx.state.knownSheetNames = worksheets.items.map((s) => s.name);
  return [...found, ...missed].map((s) => ({ ...s, marks: s.formats.items.filter(isMark).map((cf) => cf.id) }));
}

/**
 * Replaces the marks of `sheets` by `runs`, all in as few syncs as the payload allows; when that fails, sheet
 * by sheet (rescanned, since part of the failed batch may have run), so one protected sheet does not stop the rest.
 */
async function replaceMarks(context: Excel.RequestContext, sheets: readonly SheetMarks[], runs: readonly MarkRun[], keep?: KeptMarks): Promise<void> {
  const changes = markChanges(sheets, runs).filter((c) => !keep || ('remove' in c ? !keep.ids.has(c.remove) : !keep.keys.has(markKey(c.add.sheet, c.add.address, MARK_COLOURS[c.add.severity].fill))));
  if (changes.length === 0) return;
  try {
    await syncInBatches(context, changes, () => BYTES_PER_MARK, (batch) => batch.forEach(queueMarkChange), () => undefined);
    return;
  } catch (error) {
    if (sheets.length <= 1) throw error;
  }
  const failed: { name: string; error: WorkbookError }[] = [];
  for (const sheet of sheets) {
    try {
      const formats = scanSheet(sheet.worksheet);
      await context.sync();
      const rescanned = { ...sheet, formats, marks: formats.items.filter(isMark).map((cf) => cf.id) };
      await syncInBatches(context, markChanges([rescanned], runs), () => BYTES_PER_MARK, (batch) => batch.forEach(queueMarkChange), () => undefined);
    } catch (error) {
      failed.push({ name: sheet.name, error: toWorkbookError(error) });
    }
  }
  const first = failed[0];
  if (!first) return;
  const cause = first.error.text ?? first.error.message;
  throw workbookError(first.error.code, { key: 'marks-partial', sheets: failed.map((f) => f.name), cause }, failed.map((f) => `${f.name}: ${f.error.detail ?? f.error.message}`).join('; '));
}

/**
 * The marks of `sheets` that already show one of `runs` (same cells, same colour): kept, so that an edit changes
 * only the marks that differ and Excel's undo stack holds no delete and re-add of the others. One more sync.
 */
async function keptMarks(context: Excel.RequestContext, sheets: readonly SheetMarks[], runs: readonly MarkRun[]): Promise<KeptMarks> {
  const marks = sheets.flatMap((sheet) => sheet.formats.items.filter(isMark).map((cf) => ({ sheet, cf, range: cf.getRange().load('address') })));
  const kept: KeptMarks = { ids: new Set(), keys: new Set() };
  if (marks.length === 0) return kept;
  await context.sync();
  const wanted = new Set(runs.map((r) => markKey(r.sheet, r.address, MARK_COLOURS[r.severity].fill)));
  for (const { sheet, cf, range } of marks) {
    const key = markKey(sheet.name, range.address.slice(range.address.lastIndexOf('!') + 1), cf.customOrNullObject.format.fill.color);
    // A second mark on the same cells (stacked by an older version) goes.
    if (!wanted.has(key) || kept.keys.has(key)) continue;
    kept.ids.add(cf.id);
    kept.keys.add(key);
  }
  return kept;
}

export function marksRoom(ctx: OfficeContext): Pick<WorkbookPort, 'markFindings' | 'clearMarks'> {
  return {
    async markFindings(findings, options = {}) {
      if (!ctx.capabilities.conditionalFormatMarks) return;
      const within = options.sheets ? new Set(options.sheets) : null;
      const runOptions = runOptionsFor(ctx, options);
      const runs = markRuns(within ? findings.filter((f) => within.has(f.location.sheet)) : findings);
      const marking = async (context: Excel.RequestContext) => {
        const found = await findMarks(ctx, context);
        const missing = runs.find((r) => !found.some((s) => s.name === r.sheet));
        if (missing) throw workbookError('not-found', { key: 'not-found' }, `no sheet ${missing.sheet}`);
        const sheets = within ? found.filter((s) => within.has(s.name)) : found;
        await replaceMarks(context, sheets, runs, within ? await keptMarks(context, sheets, runs) : undefined);
      };
      if (!ctx.capabilities.undoGroups) return run(ctx, marking, runOptions);
      // Every sync of the marking is one undo step where Excel can merge them (ExcelApi 1.20), not one per sync.
      try {
        await run(ctx, marking, { ...runOptions, mergeUndoGroup: true });
      } catch (error) {
        // "If an API within the group doesn't offer undo support, the UndoNotSupported error is thrown" (Undo
        // capabilities, Excel add-ins docs): then the marks are written as before, one undo step per sync.
        if (!(error instanceof WorkbookError) || !(error.detail ?? '').startsWith('UndoNotSupported')) throw error;
        await run(ctx, marking, runOptions);
      }
    },

    async clearMarks() {
      if (!ctx.capabilities.conditionalFormatMarks) return;
      await run(ctx, async (context) => replaceMarks(context, await findMarks(ctx, context), []));
    },
  };
}
