import { readTables, type SheetGrid } from '../core/index';
import { convertTable, type ConversionProblem, type TargetLayout } from '../core/writers/convert';
import { writeFileAtomically } from './output-file';
import { reasonText, readInputFile } from './read-input';

export interface ConvertCommand {
  readonly kind: 'convert';
  readonly file: string;
  readonly to: TargetLayout;
  readonly output: string;
  readonly force: boolean;
}

export interface ConvertIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

export const TARGETS: Readonly<Record<string, TargetLayout>> = { 'one-cell': 'one-cell', 'row-per-indicator': 'row-per-indicator' };

const LAYOUT_NAMES: { readonly [L in TargetLayout]: { readonly zh: string; readonly en: string } } = {
  'one-cell': { zh: '每个项目一行（绩效指标写在一个单元格）', en: 'a row per project (indicators in one cell)' },
  'row-per-indicator': { zh: '每个指标一行', en: 'a row per indicator' },
};

function problemText(problem: ConversionProblem): string {
  const at = `${problem.location.sheet}!${problem.location.cell}`;
  switch (problem.kind) {
    case 'separator':
      return `${at}：含有“；”“。”或换行，一个单元格的写法用它们分隔各部分，无法原样写入 / holds ；, 。 or a line break, which the one-cell string uses as separators`;
    case 'two-halves':
      return `${at}：指标分“长期”“年度”两栏，各有自己的指标，无法合成一张表 / lists long-term and annual indicators apart, which one table cannot hold`;
    case 'department':
      return `${at}：部门整体支出绩效目标表不是项目表，没有可转换的格式 / the department-wide table is not a table of projects`;
  }
}

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
  const input = await readInputFile(command.file);
  if (!input.ok) {
    const text = reasonText(input.reason);
    io.stderr.write(`无法读取 ${command.file}：${text.zh} / Cannot read ${command.file}: ${text.en}\n`);
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
      io.stdout.write(`${table.sheet} → ${converted.sheet.name}：${LAYOUT_NAMES[command.to].zh} / ${LAYOUT_NAMES[command.to].en}\n`);
      continue;
    }
    refused++;
    io.stderr.write(`未转换 ${table.sheet}（第 ${table.headerRow + 1} 行起的表格） / Not converted: the table from row ${table.headerRow + 1} of ${table.sheet}\n`);
    for (const problem of converted.problems) io.stderr.write(`  ${problemText(problem)}\n`);
  }
  if (sheets.length === 0) {
    io.stderr.write(tables.length === 0 ? `${command.file} 中没有找到绩效目标表 / No 绩效目标表 found in ${command.file}\n` : `没有写出 ${command.output} / ${command.output} was not written\n`);
    return 2;
  }
  // Loaded only here: it brings ExcelJS's writer.
  const { writeXlsxGrid } = await import('../workbook/xlsx-writer');
  const bytes = await writeXlsxGrid({ sheets });
  try {
    await writeFileAtomically(command.output, (handle) => handle.writeFile(bytes), command.force);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(`无法写入 ${command.output}：${detail} / Cannot write ${command.output}: ${detail}\n`);
    return 2;
  }
  io.stdout.write(`已写出 ${command.output} / Wrote ${command.output}\n`);
  return refused > 0 ? 1 : 0;
}
