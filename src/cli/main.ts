import { readFileSync } from 'fs';
import { readFile } from 'fs/promises';
import path from 'path';
import { BUILTIN_PROFILES, checkWorkbook, parseProfile } from '../core/index';
import type { CheckReport, Profile } from '../core/index';
import { reasonText, readInputFile } from './read-input';
import type { UnreadableReason } from './read-input';
import { fileText, jsonReport, totalText } from './report';
import type { CheckedFile, Language, UnreadableFile } from './report';

export interface OutputStream {
  write(text: string): unknown;
}

export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
}

export const EXIT_OK = 0;
export const EXIT_ERRORS_FOUND = 1;
/** Bad usage, a bad profile, or an input that could not be read. */
export const EXIT_UNREADABLE = 2;

type Format = 'text' | 'json';

interface CheckCommand {
  readonly kind: 'check';
  readonly files: readonly string[];
  readonly format: Format;
  readonly profile: string | null;
  readonly language: Language;
}

type Command = CheckCommand | { readonly kind: 'help' } | { readonly kind: 'version' } | { readonly kind: 'usage-error'; readonly message: string };

const HELP = `jixiao — 绩效目标表助手 / performance target table checker

用法 / Usage:
  jixiao check <文件 file ...> [选项 options]
  jixiao help | --help
  jixiao --version

检查项目支出绩效目标表（.xlsx 或 .csv），只读取文件，不做任何修改。
Checks 项目支出绩效目标表 (.xlsx or .csv). Files are only read, never changed.

选项 / Options:
  --format text|json   输出格式（默认 text）/ output format (default text)
  --profile <名称|路径> 内置规则配置名称或 JSON 文件路径（默认 default）
                       built-in profile name or path to a profile JSON file (default "default")
  --lang zh|en         输出语言（默认 zh）/ output language (default zh)

退出码 / Exit codes:
  0  没有错误 / no errors
  1  发现错误 / errors found
  2  有文件无法读取或参数有误 / a file could not be read, or bad arguments
`;

export async function main(argv: readonly string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const command = parseArguments(argv);
  switch (command.kind) {
    case 'help':
      io.stdout.write(HELP);
      return EXIT_OK;
    case 'version':
      io.stdout.write(`${packageVersion()}\n`);
      return EXIT_OK;
    case 'usage-error':
      io.stderr.write(`${command.message}\n\n${HELP}`);
      return EXIT_UNREADABLE;
    case 'check':
      return runCheck(command, io);
  }
}

function parseArguments(argv: readonly string[]): Command {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '-v' || arg === '--version') return { kind: 'version' };
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals >= 0 ? arg.slice(0, equals) : arg;
    if (name !== '--format' && name !== '--profile' && name !== '--lang') {
      return usageError(`未知选项 ${arg} / Unknown option ${arg}`);
    }
    const value = equals >= 0 ? arg.slice(equals + 1) : argv[++i];
    if (value === undefined || value === '') return usageError(`${name} 缺少取值 / ${name} needs a value`);
    options.set(name, value);
  }

  const [commandName, ...files] = positional;
  if (commandName === 'help') return { kind: 'help' };
  if (commandName === undefined) return usageError('缺少命令 / Missing command');
  if (commandName !== 'check') return usageError(`未知命令 ${commandName} / Unknown command ${commandName}`);
  if (files.length === 0) return usageError('请指定要检查的文件 / Name at least one file to check');

  const format = options.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json') {
    return usageError(`--format 只能是 text 或 json / --format must be text or json, not ${format}`);
  }
  const lang = options.get('--lang') ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') return usageError(`--lang 只能是 zh 或 en / --lang must be zh or en, not ${lang}`);
  return { kind: 'check', files, format, profile: options.get('--profile') ?? null, language: lang };
}

function usageError(message: string): Command {
  return { kind: 'usage-error', message };
}

function packageVersion(): string {
  // Same relative path from src/cli (tests) and dist/cli (the built bin).
  const manifest: unknown = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  return typeof manifest === 'object' && manifest !== null && 'version' in manifest ? String(manifest.version) : 'unknown';
}

async function runCheck(command: CheckCommand, io: CliIo): Promise<number> {
  const profile = await loadProfile(command.profile);
  if (!profile.ok) {
    io.stderr.write(`${profile.message}\n`);
    return EXIT_UNREADABLE;
  }
  const locale = command.language === 'zh' ? 'zh-CN' : 'en-US';
  const checked: CheckedFile[] = [];
  const unreadable: UnreadableFile[] = [];
  for (const file of command.files) {
    const input = await readInputFile(file);
    if (!input.ok) {
      unreadable.push(unreadableFile(file, input.reason, command.language, io));
      continue;
    }
    let report: CheckReport;
    try {
      report = checkWorkbook(input.workbook, { profile: profile.profile, locale });
    } catch (error) {
      // A bug in a rule must not hide the other files' results or show a stack trace.
      const detail = error instanceof Error ? error.message : String(error);
      io.stderr.write(`检查 ${file} 时出错：${detail} / Checking ${file} failed: ${detail}\n`);
      unreadable.push({ file, reason: detail });
      continue;
    }
    checked.push({ file, report });
    if (command.format === 'text') io.stdout.write(fileText(file, report, command.language));
  }

  if (command.format === 'text') io.stdout.write(totalText(checked, unreadable, command.language));
  else io.stdout.write(`${JSON.stringify(jsonReport(checked, unreadable), null, 2)}\n`);

  if (unreadable.length > 0) return EXIT_UNREADABLE;
  return checked.some((c) => c.report.summary.errors > 0) ? EXIT_ERRORS_FOUND : EXIT_OK;
}

function unreadableFile(file: string, reason: UnreadableReason, language: Language, io: CliIo): UnreadableFile {
  const text = reasonText(reason);
  io.stderr.write(`无法读取 ${file}：${text.zh} / Cannot read ${file}: ${text.en}\n`);
  return { file, reason: language === 'zh' ? text.zh : text.en };
}

type ProfileChoice = { readonly ok: true; readonly profile: Profile } | { readonly ok: false; readonly message: string };

/** A built-in name first; anything else is a path to a profile JSON file. */
async function loadProfile(nameOrPath: string | null): Promise<ProfileChoice> {
  const builtIn = BUILTIN_PROFILES[nameOrPath ?? 'default'];
  if (builtIn) return { ok: true, profile: builtIn };
  if (nameOrPath === null) return { ok: false, message: '缺少内置规则配置 default / Built-in profile "default" is missing' };

  const names = Object.keys(BUILTIN_PROFILES).join(', ');
  let text: string;
  try {
    text = await readFile(nameOrPath, 'utf8');
  } catch {
    return {
      ok: false,
      message: `找不到规则配置 ${nameOrPath}：既不是内置配置（${names}），也不是可读取的文件。 / Profile ${nameOrPath} not found: it is neither a built-in profile (${names}) nor a readable file.`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `规则配置 ${nameOrPath} 不是有效的 JSON：${detail} / Profile ${nameOrPath} is not valid JSON: ${detail}` };
  }
  const loaded = parseProfile(json);
  if (loaded.ok) return { ok: true, profile: loaded.profile };
  return {
    ok: false,
    message: [`规则配置 ${nameOrPath} 有误： / Profile ${nameOrPath} is invalid:`, ...loaded.errors.map((e) => `  - ${e}`)].join('\n'),
  };
}
