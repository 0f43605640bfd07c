import type { CliStrings } from '../cli-strings';

const HELP = (profileNames: string) => `jixiao — performance target table checker

Usage:
  jixiao check <file ...> [options]
  jixiao convert <file> --to one-cell|row-per-indicator --output <file.xlsx> [--force]
  jixiao help | --help
  jixiao --version

Checks 项目支出绩效目标表 (.xlsx or .csv). Files are only read, never changed.

Options:
  --format text|json   output format (default text)
  --profile <name|path> rules to apply: auto (default: as the tables call for), a built-in profile or a profile JSON file
                       built-in profiles: ${profileNames}
  --lang zh|en         output language (default zh)
  --output <file>      write the report (as --format says) to this file instead of stdout
  --marked <file>      write a copy of the one .xlsx input with marks and a 校验结果 sheet
  --force              allow --output / --marked to replace an existing file

convert:
  Writes every table of the file in the other layout into a new .xlsx (a sheet per table), losing
  nothing; a table that cannot go without loss is left out, with the cells that stop it.
  --to one-cell            a row per project, indicators in one cell
  --to row-per-indicator   a row per indicator

Inputs are never overwritten; outputs are written to a temporary file in the same folder, then renamed.

Exit codes:
  0  no errors
  1  errors found
  2  a file could not be read, or bad arguments
`;

const plural = (count: number, noun: string) => `${count} ${count === 1 ? noun : `${noun}s`}`;

const MESSAGE: CliStrings['message'] = {
  'cannot-read': (m) => `Cannot read ${m.file}: ${m.reason}`,
  'check-failed': (m) => `Checking ${m.file} failed: ${m.detail}`,
  'cannot-write': (m) => `Cannot write ${m.target}: ${m.detail}`,
  'output-is-marked': (m) => `--output and --marked must be different files: ${m.output}`,
  'output-is-input': (m) => `${m.option} ${m.target} is the input file ${m.input}, which is never overwritten: choose another file name.`,
  'output-is-folder': (m) => `${m.option} ${m.target} is a folder; name a file.`,
  'output-exists': (m) => `${m.target} already exists; add --force to overwrite it.`,
  'marked-unchecked': (m) => `${m.target} was not written: ${m.input} could not be checked.`,
  'marked-not-xlsx': (m) => `${m.target} was not written: --marked needs an .xlsx input, and ${m.input} is not one.`,
  'ignored-unreadable': (m) => `${m.file}: the file's ignore list cannot be read (${m.detail}); nothing is ignored in this check. Ignore the findings again on the page or in Excel, then save.`,
  'ignored-newer': (m) => `${m.file}: the file's ignore list was saved by a newer version of jixiao (${m.detail}); nothing is ignored in this check. Update jixiao to check with it.`,
  'profile-not-found': (m) => `Profile ${m.name} not found: it is neither a built-in profile (${m.builtIns}) nor a readable file.`,
  'profile-not-json': (m) => `Profile ${m.name} is not valid JSON: ${m.detail}`,
  'profile-invalid': (m) => `Profile ${m.name} is invalid:`,
  'not-converted': (m) => `Not converted: the table from row ${m.row} of ${m.sheet}`,
  'no-tables': (m) => `No 绩效目标表 found in ${m.file}`,
  'not-written': (m) => `${m.target} was not written`,
  'converted-written': (m) => `Wrote ${m.target}`,
};

export const cli: CliStrings = {
  help: (profiles) => HELP(Object.values(profiles).map((p) => p.name).join(', ') || 'none'),
  helpHint: 'Run jixiao --help --lang en for usage.',
  usage: {
    'unknown-option': (p) => `Unknown option ${p.arg}`,
    'needs-value': (p) => `${p.name} needs a value`,
    'missing-command': () => 'Missing command: use check or convert',
    'unknown-command': (p) => `Unknown command ${p.name}: use check or convert`,
    'no-files': () => 'Name at least one file to check',
    'bad-format': (p) => `--format must be text or json, not ${p.value}`,
    'bad-lang': (p) => `--lang must be zh or en, not ${p.value}`,
    'marked-one-file': () => '--marked takes exactly one input file: check the others without it',
    'convert-one-file': () => 'convert takes exactly one input file',
    'convert-to': () => '--to must be one-cell or row-per-indicator',
    'convert-output': () => 'convert needs --output <file.xlsx>',
  },
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
  message: MESSAGE,
  converted: (from, to, layout) => `${from} → ${to}: ${layout}`,
  layouts: { 'one-cell': 'a row per project (indicators in one cell)', 'row-per-indicator': 'a row per indicator' },
  conversionProblem: {
    separator: 'holds ；, 。 or a line break, which the one-cell string uses as separators',
    'two-halves': 'lists long-term and annual indicators apart, which one table cannot hold',
    department: 'the department-wide table is not a table of projects',
    'unplaced-text': 'holds text that is not part of any indicator (outside the numbered items, a field the format does not know, or a "." that may be a decimal point), which the converted table has no place for: correct the cell as `jixiao check` says, then convert',
  },
  located: (at, text) => `${at}: ${text}`,
};
