import type { CliStrings } from '../cli-strings';

const plural = (count: number, noun: string) => `${count} ${count === 1 ? noun : `${noun}s`}`;

export const cli: CliStrings = {
  sheet: (name) => `Sheet ${name}`,
  row: { project: 'Project', unit: 'Unit', 'grand-total': 'Total' },
  table: (where, layout, projects) => `Table ${where}: ${layout}, ${plural(projects, 'project')}`,
  noProblems: 'No problems found.',
  unreadableCount: (n) => `; ${plural(n, 'file')} could not be read`,
  ignoredHeading: (n) => `Ignored: ${n} (the file's own ignore list; not counted)`,
  ignoredReason: (reason, by) => `Reason: ${reason}${by === '' ? '' : ` (${by})`}`,
  fixLabel: (cell) => `→ Fix${cell === null ? '' : ` (${cell})`}: `,
  clearCell: '(clear the cell)',
  wroteReport: (target) => `Wrote the report: ${target}`,
  wroteMarked: (target) => `Wrote the marked copy: ${target}`,
  textToNumber: (text, value) => `text “${text}” → number ${value}`,
  consequences: 'Sums off only because of this cell (they hold once it is corrected; nothing else to change):',
  counts: (t, overall) => {
    const projects = plural(t.projects, 'project');
    const scope = overall ? `Total: ${plural(t.files, 'file')}, ${projects}` : projects;
    return `${scope}: ${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}, ${plural(t.infos, 'info')}`;
  },
  unreadable: {
    missing: () => 'the file does not exist.',
    directory: () => 'it is a folder, not a file.',
    io: (r) => `the file cannot be opened (${r.code}).`,
    empty: () => 'the file is empty (0 bytes); check that it is the right file, or save or export it again.',
    corrupt: () => 'the file is damaged or incomplete and cannot be opened as an Excel workbook.',
    password: () => 'the file is password-protected; remove the password and try again.',
    'legacy-xls': () => 'this is an old Excel 97-2003 (.xls) file; save it as .xlsx in Excel and try again.',
    'not-spreadsheet': () => 'it is not an Excel workbook (.xlsx) or a CSV file.',
  },
};
