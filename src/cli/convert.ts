import { readTables, type SheetGrid } from '../core/index';
import type { CliMessage, CliMessageLanguage } from '../core/locales/cli-strings';
import { cliMessage, conversionProblemText, convertedText } from '../core/locales/cli-texts';
import { convertTable, type TargetLayout } from '../core/writers/convert';
import { writeFileAtomically } from './output-file';
import { readInputFile } from './read-input';

export interface ConvertCommand {
  readonly kind: 'convert';
  readonly file: string;
  readonly to: TargetLayout;
  readonly output: string;
  readonly force: boolean;
  /** --lang's, or both languages without it. */
  readonly language: CliMessageLanguage;
}

export interface ConvertIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

export const TARGETS: Readonly<Record<string, TargetLayout>> = { 'one-cell': 'one-cell', 'row-per-indicator': 'row-per-indicator' };

/** A sheet name of at most 31 characters that no other sheet of the output has. */
function sheetName(base: string, taken: Set<string>): string {
  let name = base.slice(0, 31);
  for (let n = 2; taken.has(name); n++) name = `${base.slice(0, 28)}-${n}`;
  taken.add(name);
  return name;
}

/**
 * `jixiao convert`: every table of the input written in the other layout into a new .xlsx, one sheet per
 * table; a table that would lose something is left out, and its cells named. The input is only read.
 * Exit 0 when every table was converted, 1 when some were left out, 2 when nothing could be written.
 */
export async function runConvert(command: ConvertCommand, io: ConvertIo): Promise<number> {
  const say = (message: CliMessage) => `${cliMessage(message, command.language)}\n`;
  const input = await readInputFile(command.file);
  if (!input.ok) {
    io.stderr.write(say({ kind: 'cannot-read', file: command.file, reason: input.reason }));
    return 2;
  }
  const { tables } = readTables(input.workbook);
  const sheets: SheetGrid[] = [];
  const taken = new Set<string>();
  let refused = 0;
  for (const table of tables) {
    const converted = convertTable(table, command.to, sheetName(table.sheet, taken));
    if (converted.ok) {
      sheets.push(converted.sheet);
      io.stdout.write(`${convertedText(table.sheet, converted.sheet.name, command.to, command.language)}\n`);
      continue;
    }
    refused++;
    io.stderr.write(say({ kind: 'not-converted', sheet: table.sheet, row: table.headerRow + 1 }));
    for (const problem of converted.problems) io.stderr.write(`  ${conversionProblemText(problem, command.language)}\n`);
  }
  if (sheets.length === 0) {
    io.stderr.write(say(tables.length === 0 ? { kind: 'no-tables', file: command.file } : { kind: 'not-written', target: command.output }));
    return 2;
  }
  // Loaded only here: it brings ExcelJS's writer.
  const { writeXlsxGrid } = await import('../workbook/xlsx-writer');
  const bytes = await writeXlsxGrid({ sheets });
  try {
    await writeFileAtomically(command.output, (handle) => handle.writeFile(bytes), command.force);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(say({ kind: 'cannot-write', target: command.output, detail }));
    return 2;
  }
  io.stdout.write(say({ kind: 'converted-written', target: command.output }));
  return refused > 0 ? 1 : 0;
}
