import type { SheetGrid, WorkbookGrid } from '../core';
import { workbookError, type ReadOptions } from './port';
import type { CellStore } from './memory-cells';

function throwIfAborted(options: ReadOptions | undefined): void {
  if (options?.signal?.aborted) throw workbookError('cancelled', { key: 'read-cancelled' });
}

/** Reads every sheet of the memory workbook's store, reporting progress; a cancelled read rejects. */
export function readMemoryWorkbook(store: CellStore, options: ReadOptions | undefined): WorkbookGrid {
  throwIfAborted(options);
  const names = [...store.sheets.keys()];
  options?.onProgress?.({ stage: 'sheets', done: 0, total: names.length });
  const result: SheetGrid[] = [];
  for (const name of names) {
    throwIfAborted(options);
    result.push(store.sheetGrid(name, store.cellsOfSheet(name)));
    options?.onProgress?.({ stage: 'values', done: result.length, total: names.length });
  }
  return { sheets: result };
}

/** Reads one sheet of the memory workbook's store. */
export function readMemorySheet(store: CellStore, name: string, options: ReadOptions | undefined): SheetGrid {
  throwIfAborted(options);
  const grid = store.sheetGrid(name, store.cellsOfSheet(name));
  options?.onProgress?.({ stage: 'values', done: 1, total: 1 });
  return grid;
}
