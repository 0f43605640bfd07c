// The adapter run through Office.js's own request builder: `@microsoft/office-js`'s Excel host script
// (excel-web-16.00.debug.js) evaluated in a jsdom window builds every request exactly as Excel on the web
// receives it. The executor below records each request's size and answers the queries that reading and
// marking make from an in-memory sheet description; a query it does not know fails loudly.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { parseA1, toA1, type CellValue } from '../../src/core';

export interface RealSheet {
  readonly name: string;
  readonly id: string;
  /** From A1. */
  readonly values: readonly (readonly CellValue[])[];
}

export interface RealRequest {
  /** UTF-8 bytes of the request body Office.js sends. */
  readonly requestBytes: number;
  readonly responseBytes: number;
}

interface ObjectPath {
  readonly Id: number;
  readonly ObjectPathType: number;
  readonly Name: string;
  readonly ParentObjectPathId?: number;
  readonly ArgumentInfo?: { readonly Arguments?: readonly unknown[] };
}

interface Action {
  readonly Id: number;
  readonly ActionType: number;
  readonly Name: string;
  readonly ObjectPathId: number;
  readonly ArgumentInfo?: { readonly Arguments?: readonly unknown[] };
  readonly QueryInfo?: { readonly Select?: readonly string[] };
}

interface RequestBody {
  readonly Actions: readonly Action[];
  readonly ObjectPaths: { readonly [id: string]: ObjectPath };
}

interface RequestMessage {
  readonly Body: RequestBody;
}

/** What an object path points at, as far as reading and marking need. */
type Target =
  | { readonly kind: 'workbook' | 'worksheets' | 'settings' | 'none' }
  | { readonly kind: 'sheet'; readonly sheet: RealSheet | null }
  | { readonly kind: 'range'; readonly sheet: RealSheet | null; readonly address: string | null; readonly used: boolean }
  | { readonly kind: 'merged' | 'formats'; readonly sheet: RealSheet | null }
  | { readonly kind: 'setting'; readonly key: string };

const QUERY = 2;
const encoder = new TextEncoder();
const bytesOf = (value: unknown) => encoder.encode(JSON.stringify(value)).length;

let hostWindow: JSDOM['window'] | null = null;

/** The host script is 3 MB: evaluated once per test file. */
function excelNamespace(): typeof Excel {
  if (!hostWindow) {
    const source = readFileSync(require.resolve('@microsoft/office-js/dist/excel-web-16.00.debug.js'), 'utf8');
    hostWindow = new JSDOM('<!doctype html><html><body></body></html>', { runScripts: 'outside-only', url: 'https://localhost/' }).window;
    hostWindow.eval(source);
  }
  return Reflect.get(hostWindow, 'Excel') as typeof Excel;
}

function quoted(name: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function usedAddress(sheet: RealSheet): { address: string; rowCount: number; columnCount: number } | null {
  const rowCount = sheet.values.length;
  const columnCount = Math.max(0, ...sheet.values.map((row) => row.length));
  if (rowCount === 0 || columnCount === 0) return null;
  return { address: `${quoted(sheet.name)}!A1:${toA1(rowCount - 1, columnCount - 1)}`, rowCount, columnCount };
}

function valuesAt(sheet: RealSheet, address: string): CellValue[][] {
  const [first = '', last = first] = address.split(':');
  const start = parseA1(first);
  const end = parseA1(last);
  if (!start || !end) throw new Error(`real-office-js: cannot read values of "${address}"`);
  return Array.from({ length: end.row - start.row + 1 }, (_, r) =>
    Array.from({ length: end.col - start.col + 1 }, (_, c) => sheet.values[start.row + r]?.[start.col + c] ?? ''),
  );
}

/**
 * `excelRun` and `office` for createOfficeWorkbook, backed by Office.js's real RequestContext. Every request
 * made is in `requests`; settings the adapter adds are kept and read back.
 */
export function createRealOfficeJs(sheets: readonly RealSheet[], apiVersion = '1.20') {
  const ExcelNamespace = excelNamespace();
  const requests: RealRequest[] = [];
  const settings = new Map<string, unknown>();
  const minor = Number(apiVersion.split('.')[1]);
  const findSheet = (nameOrId: unknown) => sheets.find((s) => s.name === nameOrId || s.id === nameOrId) ?? null;

  function targetOf(paths: RequestBody['ObjectPaths'], id: number): Target {
    const path = paths[String(id)];
    if (!path) throw new Error(`real-office-js: no object path ${id}`);
    if (path.ParentObjectPathId === undefined) return { kind: 'workbook' };
    const parent = targetOf(paths, path.ParentObjectPathId);
    const arg = path.ArgumentInfo?.Arguments?.[0];
    const sheet = 'sheet' in parent ? parent.sheet : null;
    switch (`${parent.kind}.${path.Name}`) {
      case 'workbook.Worksheets':
        return { kind: 'worksheets' };
      case 'workbook.Settings':
        return { kind: 'settings' };
      case 'worksheets.':
      case 'worksheets.GetItem':
      case 'worksheets.GetItemOrNullObject':
        return { kind: 'sheet', sheet: findSheet(arg) };
      case 'worksheets.GetItemAt':
        return { kind: 'sheet', sheet: sheets[Number(arg)] ?? null };
      case 'settings.GetItemOrNullObject':
      case 'settings.Add':
        return { kind: 'setting', key: String(arg) };
      case 'sheet.GetRange':
        return { kind: 'range', sheet, address: typeof arg === 'string' ? arg : null, used: false };
      case 'sheet.GetUsedRange':
      case 'sheet.GetUsedRangeOrNullObject':
        return { kind: 'range', sheet, address: null, used: true };
      case 'range.GetMergedAreasOrNullObject':
        return { kind: 'merged', sheet };
      case 'range.ConditionalFormats':
        return { kind: 'formats', sheet };
      default:
        // Marks being added (ConditionalFormats.Add → Custom → Rule …) are written, never queried.
        return { kind: 'none' };
    }
  }

  /** A query's answer, as Excel sends it: PascalCase properties, collections under `_Items`, null for a null object. */
  function answer(target: Target, select: readonly string[]): unknown {
    const pick = (source: Record<string, unknown>) => Object.fromEntries(select.map((name) => [name.charAt(0).toUpperCase() + name.slice(1), source[name]]));
    switch (target.kind) {
      case 'worksheets':
        return { _Items: sheets.map((s) => pick({ name: s.name, id: s.id })) };
      case 'sheet':
        return target.sheet ? pick({ name: target.sheet.name, id: target.sheet.id }) : null;
      case 'setting':
        return settings.has(target.key) ? pick({ value: settings.get(target.key) }) : null;
      case 'merged':
        // The synthetic tables have no merged areas.
        return null;
      case 'formats':
        // No marks before the first marking: an empty collection (null on a missing sheet, as Excel does).
        return target.sheet ? { _Items: [] } : null;
      case 'range': {
        if (!target.sheet) return null;
        const used = usedAddress(target.sheet);
        if (target.used) return used ? pick(used) : null;
        if (target.address === null) throw new Error('real-office-js: the whole sheet was queried');
        const values = valuesAt(target.sheet, target.address);
        // The synthetic tables hold no formulas: Excel answers a constant's formula with its value.
        return pick({ values, formulas: values, address: `${quoted(target.sheet.name)}!${target.address}` });
      }
      default:
        throw new Error(`real-office-js: no answer for a query on ${target.kind} (${select.join(',')})`);
    }
  }

  /** settings.add(key, value) returns the setting: an object path named Add, instantiated by the request. */
  function addSetting(path: ObjectPath | undefined): void {
    const [key, value] = path?.Name === 'Add' ? (path.ArgumentInfo?.Arguments ?? []) : [];
    if (typeof key === 'string') settings.set(key, value);
  }

  function execute(body: RequestBody): { ActionId: number; Value: unknown }[] {
    const results: { ActionId: number; Value: unknown }[] = [];
    for (const action of body.Actions) {
      const target = targetOf(body.ObjectPaths, action.ObjectPathId);
      if (action.ActionType === QUERY) results.push({ ActionId: action.Id, Value: answer(target, action.QueryInfo?.Select ?? []) });
      else if (target.kind === 'setting') addSetting(body.ObjectPaths[String(action.ObjectPathId)]);
    }
    return results;
  }

  const executor = {
    executeAsync(_customData: unknown, _flags: unknown, message: RequestMessage) {
      const results = execute(message.Body);
      const body = { Results: results };
      requests.push({ requestBytes: bytesOf(message.Body), responseBytes: bytesOf(body) });
      return Promise.resolve({ ErrorCode: null, ErrorMessage: null, Headers: {}, Body: body });
    },
  };

  async function excelRun<T>(first: unknown, second?: unknown): Promise<T> {
    const batch = (typeof first === 'function' ? first : second) as (context: Excel.RequestContext) => Promise<T>;
    const context = new ExcelNamespace.RequestContext();
    Reflect.set(context, 'm_requestUrlAndHeaderInfo', { url: 'local', headers: {} });
    Reflect.set(context, '_requestExecutor', executor);
    return batch(context);
  }

  const office = {
    context: {
      requirements: { isSetSupported: (name: string, version?: string) => name === 'ExcelApi' && Number(String(version ?? '1.1').split('.')[1]) <= minor },
      diagnostics: { host: 'Excel', platform: 'OfficeOnline' },
    },
  };
  return { excelRun: excelRun as typeof Excel.run, office: office as unknown as typeof Office, requests, settings };
}
