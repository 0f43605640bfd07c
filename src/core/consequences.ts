import type { Finding } from './findings';

const cellKey = (sheet: string, cell: string): string => `${sheet}!${cell}`;

/**
 * Each totals.consequence under the first totals.cause of its cells (params.cause), on the same sheet,
 * by the cause's key: the pane, the page and the CLI list these sums under the cell that breaks them.
 */
export function consequencesByCause(findings: readonly Finding[]): Map<string, Finding[]> {
  const causeAt = new Map<string, string>();
  for (const f of findings) {
    const at = cellKey(f.location.sheet, f.location.cell);
    if (f.rule === 'totals.cause' && !causeAt.has(at)) causeAt.set(at, f.key);
  }
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.rule !== 'totals.consequence') continue;
    const cells = f.params.cause.split(/[,+]/);
    const cause = cells.map((cell) => causeAt.get(cellKey(f.location.sheet, cell))).find((key) => key !== undefined);
    if (cause === undefined) continue;
    const list = out.get(cause);
    if (list) list.push(f);
    else out.set(cause, [f]);
  }
  return out;
}
