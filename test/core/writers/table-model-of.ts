import { cellText, parseIndicators, type PerformanceTable, type TableRow } from '../../../src/core';

function indicatorsOf(row: TableRow) {
  const items = row.records ?? (row.indicators ? parseIndicators(row.indicators.text).indicators : []);
  return items.map((i) => ({
    level1: i.level1 ? `${i.level1.code ?? ''}${i.level1.name}` : '',
    level2: i.level2 ? `${i.level2.code ?? ''}${i.level2.name}` : '',
    name: i.name,
    period: i.period?.text ?? null,
    annual: i.annual?.text ?? null,
    details: i.details ?? {},
  }));
}

/** What a table says, whatever its layout. */
export function modelOf(table: PerformanceTable) {
  return {
    title: table.title,
    department: table.department,
    unit: table.unit,
    rows: table.rows.map((row) => ({
      kind: row.kind,
      name: row.name,
      parent: row.parent === null ? null : table.rows[row.parent]?.name,
      owner: row.owner?.text ?? '',
      amounts: Object.fromEntries(row.amounts.filter((a) => !(row.extras ?? []).some((e) => e.location === a.location)).map((a) => [a.column, cellText(a.raw)])),
      goal: row.goal?.text ?? '',
      periodGoal: row.periodGoal?.text ?? '',
      extras: Object.fromEntries((row.extras ?? []).map((e) => [e.label, cellText(e.raw)])),
      indicators: indicatorsOf(row).filter((i) => i.name !== '' || i.annual !== null || i.period !== null),
      templates: [...(row.templateRows ?? []).map((t) => `${t.level1}/${t.level2}`), ...indicatorsOf(row).filter((i) => i.name === '' && i.annual === null && i.period === null).map((i) => `${i.level1}/${i.level2}`)],
    })),
  };
}

