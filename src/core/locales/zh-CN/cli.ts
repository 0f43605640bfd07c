import type { CliStrings, UsageProblem } from '../cli-strings';

const USAGE: { readonly [K in UsageProblem['kind']]: (p: Extract<UsageProblem, { kind: K }>) => string } = {
  'unknown-option': (p) => `未知选项 ${p.arg} / Unknown option ${p.arg}`,
  'needs-value': (p) => `${p.name} 缺少取值 / ${p.name} needs a value`,
  'missing-command': () => '缺少命令 / Missing command',
  'unknown-command': (p) => `未知命令 ${p.name} / Unknown command ${p.name}`,
  'no-files': () => '请指定要检查的文件 / Name at least one file to check',
  'bad-format': (p) => `--format 只能是 text 或 json / --format must be text or json, not ${p.value}`,
  'bad-lang': (p) => `--lang 只能是 zh 或 en / --lang must be zh or en, not ${p.value}`,
  'marked-one-file': () => '--marked 只能用于一个输入文件 / --marked takes exactly one input file',
  'convert-one-file': () => 'convert 需要一个输入文件 / convert takes exactly one input file',
  'convert-to': () => '--to 只能是 one-cell 或 row-per-indicator / --to must be one-cell or row-per-indicator',
  'convert-output': () => 'convert 需要 --output <文件.xlsx> / convert needs --output <file.xlsx>',
};

const MESSAGE: CliStrings['message'] = {
  'cannot-read': (m) => `无法读取 ${m.file}：${m.reason}`,
  'check-failed': (m) => `检查 ${m.file} 时出错：${m.detail}`,
  'cannot-write': (m) => `无法写入 ${m.target}：${m.detail}`,
  'output-is-marked': (m) => `--output 和 --marked 不能是同一个文件：${m.output}`,
  'output-is-input': (m) => `${m.option} ${m.target} 就是输入文件 ${m.input}，输入文件不会被覆盖：请另选一个文件名。`,
  'output-is-folder': (m) => `${m.option} ${m.target} 是一个文件夹，请给出文件名。`,
  'output-exists': (m) => `${m.target} 已存在；如要覆盖，请加上 --force。`,
  'marked-unchecked': (m) => `未写出 ${m.target}：${m.input} 无法检查。`,
  'marked-not-xlsx': (m) => `未写出 ${m.target}：--marked 只能用于 .xlsx 文件，${m.input} 不是。`,
  'ignored-unreadable': (m) => `${m.file}：文件中保存的忽略列表无法读取（${m.detail}），本次检查不忽略任何问题；请在页面或 Excel 中重新忽略后保存。`,
  'ignored-newer': (m) => `${m.file}：文件中的忽略列表由更新版本的绩效目标表助手保存（${m.detail}），本次检查不忽略任何问题；请更新绩效目标表助手后再检查。`,
  'profile-not-found': (m) => `找不到规则配置 ${m.name}：既不是内置配置（${m.builtIns}），也不是可读取的文件。`,
  'profile-not-json': (m) => `规则配置 ${m.name} 不是有效的 JSON：${m.detail}`,
  'profile-invalid': (m) => `规则配置 ${m.name} 有误：`,
  'not-converted': (m) => `未转换 ${m.sheet}（第 ${m.row} 行起的表格）`,
  'no-tables': (m) => `${m.file} 中没有找到绩效目标表`,
  'not-written': (m) => `没有写出 ${m.target}`,
  'converted-written': (m) => `已写出 ${m.target}`,
};

export const cli: CliStrings = {
  // The Chinese help carries the English too: it is what a user sees before knowing --lang en.
  help: (profiles) => {
    const profileList = Object.values(profiles).map((p) => `                       ${p.name.padEnd(12)}${p.title}：${p.description}`).join('\n');
    return `jixiao — 绩效目标表助手 / performance target table checker

用法 / Usage:
  jixiao check <文件 file ...> [选项 options]
  jixiao convert <文件 file> --to one-cell|row-per-indicator --output <文件.xlsx> [--force]
  jixiao help | --help
  jixiao --version

检查项目支出绩效目标表（.xlsx 或 .csv），只读取文件，不做任何修改。
Checks 项目支出绩效目标表 (.xlsx or .csv). Files are only read, never changed.

选项 / Options:
  --format text|json   输出格式（默认 text）/ output format (default text)
  --profile <名称|路径> 规则配置：auto（默认，按表格自动选择）、内置配置名称或 JSON 文件路径
                       rules to apply: auto (default: as the tables call for), a built-in profile or a profile JSON file
${profileList}
  --lang zh|en         输出语言（默认 zh）/ output language (default zh)
  --output <文件>      把报告（格式同 --format）写到这个文件，不输出到屏幕
                       write the report (as --format says) to this file instead of stdout
  --marked <文件>      另存一份带标记和“校验结果”表的 .xlsx 副本（只能检查一个 .xlsx 文件）
                       write a copy of the one .xlsx input with marks and a 校验结果 sheet
  --force              允许覆盖已存在的 --output / --marked 文件
                       allow --output / --marked to replace an existing file

转换 / convert:
  把文件中每张绩效目标表写成另一种格式，存为新的 .xlsx（每张表一个工作表），不丢失任何内容；
  无法无损转换的表格不写出，并列出原因和单元格。
  Writes every table of the file in the other layout into a new .xlsx (a sheet per table), losing
  nothing; a table that cannot go without loss is left out, with the cells that stop it.
  --to one-cell            每个项目一行，绩效指标写在一个单元格（如广州）/ a row per project, indicators in one cell
  --to row-per-indicator   每个指标一行，一级/二级/三级指标、指标值各占一列 / a row per indicator

输入文件永远不会被覆盖；输出文件先写到同一文件夹的临时文件，写完后才改名。
Inputs are never overwritten; outputs are written to a temporary file in the same folder, then renamed.

退出码 / Exit codes:
  0  没有错误 / no errors
  1  发现错误 / errors found
  2  有文件无法读取或参数有误 / a file could not be read, or bad arguments
`;
  },
  helpHint: '运行 jixiao --help 查看用法。 / Run jixiao --help for usage.',
  usage: USAGE,
  sheet: (name) => `工作表 ${name}`,
  row: { project: '项目', unit: '单位', 'grand-total': '合计' },
  table: (where, layout, projects) => `表格 ${where}：${layout}，${projects} 个项目`,
  noProblems: '未发现问题。',
  unreadableCount: (n) => `；${n} 个文件无法读取`,
  ignoredHeading: (n) => `已忽略 ${n} 条（文件中保存的忽略列表，不计入错误）`,
  ignoredReason: (reason, by) => `忽略原因：${reason}${by === '' ? '' : `（${by}）`}`,
  fixLabel: (cell) => `→ 修正${cell === null ? '' : `（${cell}）`}：`,
  clearCell: '（清空单元格）',
  wroteReport: (target) => `已写入报告：${target}`,
  wroteMarked: (target) => `已写入带标记的副本：${target}`,
  textToNumber: (text, value) => `文本“${text}” → 数值 ${value}`,
  consequences: '由这一格造成的合计不符（改正这一格后即相符，无需另改）：',
  counts: (t, overall) => `${overall ? `共 ${t.files} 个文件、${t.projects} 个项目` : `${t.projects} 个项目`}：错误 ${t.errors}，警告 ${t.warnings}，提示 ${t.infos}`,
  unreadable: {
    missing: () => '文件不存在。',
    directory: () => '这是一个文件夹，不是文件。',
    io: (r) => `无法打开文件（${r.code}）。`,
    empty: () => '文件是空的（0 字节），请确认选对了文件，或重新保存、导出后再检查。',
    corrupt: () => '文件已损坏或不完整，无法作为 Excel 工作簿打开。',
    password: () => '文件受密码保护，请先取消密码后再检查。',
    'legacy-xls': () => '这是旧版 Excel 97-2003（.xls）文件，请在 Excel 中另存为 .xlsx 后再检查。',
    'not-spreadsheet': () => '这不是 Excel 工作簿（.xlsx）或 CSV 文件。',
  },
  message: MESSAGE,
  converted: (from, to, layout) => `${from} → ${to}：${layout}`,
  layouts: { 'one-cell': '每个项目一行（绩效指标写在一个单元格）', 'row-per-indicator': '每个指标一行' },
  conversionProblem: {
    separator: '含有“；”“。”或换行，一个单元格的写法用它们分隔各部分，无法原样写入',
    'two-halves': '指标分“长期”“年度”两栏，各有自己的指标，无法合成一张表',
    department: '部门整体支出绩效目标表不是项目表，没有可转换的格式',
    'unplaced-text': '含有不属于任何指标的文字（编号之外的文字、格式不认识的字段，或可能是小数点的“.”），转换后的表没有地方放它：请先按 jixiao check 所列问题改正该单元格，再转换',
  },
  located: (at, text) => `${at}：${text}`,
};
