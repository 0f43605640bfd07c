import type { RowKind } from '../table-model';

/** What linking needs of a row: its kind (set here), name, indentation, and its place in the sums. */
export interface LinkableRow {
  kind: RowKind;
  readonly name: string;
  readonly indent: number;
  parent: number | null;
  children: number[];
}

// Most rows are projects without children: they share one empty list instead of allocating their own.
export const NO_CHILDREN: number[] = [];

/**
 * Classifies the data rows (unit or project) and links each to the row it adds up into.
 * A row without texts (goal, indicators) above a project, or above a deeper row, is a unit.
 * Returns the index of the grand total row, or null.
 */
export function linkRows(rows: LinkableRow[], hasTexts: readonly boolean[], grandTotals: readonly boolean[]): number | null {
  const body: number[] = [];
  for (let i = 0; i < rows.length; i++) if (!grandTotals[i]) body.push(i);
  // A nameless row (the lower half of a project merged over two rows) keeps the level of the row above.
  const indents: number[] = new Array<number>(rows.length).fill(0);
  let previousIndent = 0;
  for (const i of body) {
    const row = rows[i] as LinkableRow;
    if (row.name !== '') previousIndent = row.indent;
    indents[i] = previousIndent;
  }
  const indentOf = (i: number): number => indents[i] ?? 0;
  const firstIndent = body.length > 0 ? indentOf(body[0] as number) : 0;
  const indentUsed = body.some((i) => indentOf(i) !== firstIndent);
  const depth = (i: number): number => (indentUsed ? indentOf(i) : 0);

  // Backwards, so each row can see whether the row after it is a unit (filled first: written from the end, a bare array turns sparse).
  const isUnit: boolean[] = new Array<boolean>(rows.length).fill(false);
  for (let k = body.length - 1; k >= 0; k--) {
    const i = body[k] as number;
    const next = body[k + 1];
    let unit = false;
    if (!hasTexts[i] && next !== undefined) {
      unit =
        depth(next) > depth(i) ||
        (depth(next) === depth(i) && (isUnit[next] === true || (!indentUsed && hasTexts[next] === true)));
    }
    isUnit[i] = unit;
  }

  interface Open {
    readonly index: number;
    readonly depth: number;
    readonly department: boolean;
  }
  const open: Open[] = [];
  const top = (): Open | undefined => open[open.length - 1];
  let previous: number | undefined;
  for (let k = 0; k < body.length; k++) {
    const i = body[k] as number;
    const row = rows[i] as LinkableRow;
    const d = depth(i);
    if (isUnit[i]) {
      row.kind = 'unit';
      const next = body[k + 1];
      const startsRun = previous === undefined || !isUnit[previous] || depth(previous) !== d;
      // First of consecutive same-level units: a department over the units that follow it.
      const department = startsRun && next !== undefined && isUnit[next] === true && depth(next) === d;
      for (let t = top(); t && (t.depth > d || (t.depth === d && (department || !t.department))); t = top()) open.pop();
      attach(rows, i, top()?.index ?? null);
      open.push({ index: i, depth: d, department });
    } else {
      row.kind = 'project';
      if (indentUsed) for (let t = top(); t && t.depth >= d; t = top()) open.pop();
      attach(rows, i, top()?.index ?? null);
    }
    previous = i;
  }

  let grandTotal: number | null = null;
  for (let i = 0; i < rows.length; i++) {
    if (grandTotals[i]) {
      grandTotal = i;
      break;
    }
  }
  if (grandTotal !== null) {
    for (const i of body) if ((rows[i] as LinkableRow).parent === null) attach(rows, i, grandTotal);
  }
  return grandTotal;
}

function attach(rows: LinkableRow[], child: number, parent: number | null): void {
  const row = rows[child];
  if (!row || parent === null) return;
  row.parent = parent;
  const parentRow = rows[parent];
  if (!parentRow) return;
  if (parentRow.children === NO_CHILDREN) parentRow.children = [];
  parentRow.children.push(child);
}
