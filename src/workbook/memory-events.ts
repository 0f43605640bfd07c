import type { CellLocation, CellValue } from '../core';
import type { HostCapabilities, SelectedCell, Unsubscribe } from './port';
import type { CellRef, CellStore } from './memory-cells';

/** The memory workbook's selection and its change events, and what a user does to fire them. */
export function createMemoryEvents(store: CellStore, capabilities: HostCapabilities) {
  const { sheets, cellsOfSheet, resolve, valueAt, put, recalculate } = store;
  let selection: CellLocation | null = null;
  const selectionHandlers = new Set<(cell: SelectedCell | null) => void>();
  const changeHandlers = new Set<(sheet: string, address: string) => void>();

  function selectedCell(): SelectedCell | null {
    if (!selection || !sheets.has(selection.sheet)) return null;
    return { location: selection, value: valueAt(selection) };
  }

  /** Selects the cell (its sheet must exist) and fires onSelectionChanged. */
  function select(ref: CellRef): void {
    cellsOfSheet(ref.sheet);
    selection = resolve(ref);
    if (!capabilities.selectionEvents) return;
    const cell = selectedCell();
    for (const handler of [...selectionHandlers]) handler(cell);
  }

  return {
    selectedCell,
    select,

    onSelectionChanged(handler: (cell: SelectedCell | null) => void): Unsubscribe {
      selectionHandlers.add(handler);
      return () => selectionHandlers.delete(handler);
    },

    onCellsChanged(handler: (sheet: string, address: string) => void): Unsubscribe {
      changeHandlers.add(handler);
      return () => changeHandlers.delete(handler);
    },

    setCell(ref: CellRef, value: CellValue): void {
      const location = resolve(ref);
      put(location, value);
      recalculate([location]);
      if (!capabilities.changeEvents) return;
      for (const handler of [...changeHandlers]) handler(location.sheet, location.cell);
    },
  };
}
