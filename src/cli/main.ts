import { readFileSync } from 'fs';
import { readFile } from 'fs/promises';
import path from 'path';
import { BUILTIN_PROFILES, builtInProfile, checkWorkbook, parseProfile, profileProblemText } from '../core/index';
import type { CheckReport, Locale, Profile, WorkbookGrid } from '../core/index';
import type { CliMessage, CliMessageLanguage, CliStrings, UsageProblem } from '../core/locales/cli-strings';
import { CLI_TEXTS, cliMessage } from '../core/locales/cli-texts';
import { ERROR_TEXTS } from '../core/locales/error-texts';
import { isSameFile, outputProblem, writeFileAtomically } from './output-file';
import { splitIgnored, type IgnoredHit } from './ignored';
import { reasonText, readInputFile } from './read-input';
import type { UnreadableReason } from './read-input';
import { runConvert, TARGETS, type ConvertCommand } from './convert';
import { fileText, jsonReport, totalText } from './report';
import type { CheckedFile, UnreadableFile } from './report';

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

/** --lang as users type it, and the locale each names. */
const LANG_LOCALES: { readonly [L in 'zh' | 'en']: Locale } = { zh: 'zh-CN', en: 'en-US' };

interface CheckCommand {
  readonly kind: 'check';
  readonly files: readonly string[];
  readonly format: Format;
  readonly profile: string | null;
  /** --lang zh|en as typed, as the locale it names. */
  readonly locale: Locale;
  /** The language of messages about files and the profile: --lang's, or both without it. */
  readonly language: CliMessageLanguage;
  /** Where the report goes instead of stdout. */
  readonly output: string | null;
  /** Where a marked copy of the one .xlsx input goes. */
  readonly marked: string | null;
  /** Replace an existing --output / --marked file. */
  readonly force: boolean;
}

type Command =
  | CheckCommand
  | ConvertCommand
  | { readonly kind: 'help'; readonly locale: Locale }
  | { readonly kind: 'version' }
  | { readonly kind: 'no-command' }
  | { readonly kind: 'usage-error'; readonly problem: UsageProblem; readonly locale: Locale };

export async function main(argv: readonly string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const command = parseArguments(argv);
  switch (command.kind) {
    case 'help':
      io.stdout.write(CLI_TEXTS[command.locale].help(BUILTIN_PROFILES));
      return EXIT_OK;
    case 'version':
      io.stdout.write(`${packageVersion()}\n`);
      return EXIT_OK;
    case 'no-command':
      io.stderr.write(CLI_TEXTS['zh-CN'].help(BUILTIN_PROFILES));
      return EXIT_UNREADABLE;
    case 'usage-error':
      io.stderr.write(`${usageText(command.problem, CLI_TEXTS[command.locale])}\n${CLI_TEXTS[command.locale].helpHint}\n`);
      return EXIT_UNREADABLE;
    case 'check':
      return runCheck(command, io);
    case 'convert':
      return runConvertCommand(command, io);
  }
}

/** The language --lang asks for anywhere on the line, for help and usage errors: English only for --lang en. */
function requestedLocale(argv: readonly string[]): Locale {
  const at = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const value = at < 0 ? undefined : argv[at] === '--lang' ? argv[at + 1] : argv[at]?.slice('--lang='.length);
  return value === 'en' ? 'en-US' : 'zh-CN';
}

/** --lang as given: the report's locale (Chinese without it) and the messages' language (both without it); null for another value. */
function langOption(options: ReadonlyMap<string, string>): { readonly locale: Locale; readonly language: CliMessageLanguage } | null {
  const lang = options.get('--lang');
  if (lang === undefined) return { locale: LANG_LOCALES.zh, language: 'both' };
  return lang === 'zh' || lang === 'en' ? { locale: LANG_LOCALES[lang], language: LANG_LOCALES[lang] } : null;
}

function parseArguments(argv: readonly string[]): Command {
  if (argv.length === 0) return { kind: 'no-command' };
  const usageError = (problem: UsageProblem): Command => ({ kind: 'usage-error', problem, locale: requestedLocale(argv) });
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') return { kind: 'help', locale: requestedLocale(argv) };
    if (arg === '-v' || arg === '--version') return { kind: 'version' };
    if (arg === '--force') {
      options.set(arg, '');
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals >= 0 ? arg.slice(0, equals) : arg;
    if (name !== '--format' && name !== '--profile' && name !== '--lang' && name !== '--output' && name !== '--marked' && name !== '--to') {
      return usageError({ kind: 'unknown-option', arg });
    }
    const value = equals >= 0 ? arg.slice(equals + 1) : argv[++i];
    if (value === undefined || value === '') return usageError({ kind: 'needs-value', name });
    options.set(name, value);
  }

  const [commandName, ...files] = positional;
  if (commandName === 'help') return { kind: 'help', locale: requestedLocale(argv) };
  if (commandName === undefined) return usageError({ kind: 'missing-command' });
  if (commandName === 'convert') return convertArguments(files, options, usageError);
  if (commandName !== 'check') return usageError({ kind: 'unknown-command', name: commandName });
  if (files.length === 0) return usageError({ kind: 'no-files' });

  const format = options.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json') {
    return usageError({ kind: 'bad-format', value: format });
  }
  const lang = langOption(options);
  if (lang === null) return usageError({ kind: 'bad-lang', value: options.get('--lang') ?? '' });
  const marked = options.get('--marked') ?? null;
  if (marked !== null && files.length !== 1) return usageError({ kind: 'marked-one-file' });
  return {
    kind: 'check',
    files,
    format,
    profile: options.get('--profile') ?? null,
    locale: lang.locale,
    language: lang.language,
    output: options.get('--output') ?? null,
    marked,
    force: options.has('--force'),
  };
}

function convertArguments(files: readonly string[], options: ReadonlyMap<string, string>, usageError: (problem: UsageProblem) => Command): Command {
  const [file, ...rest] = files;
  if (file === undefined || rest.length > 0) return usageError({ kind: 'convert-one-file' });
  const to = TARGETS[options.get('--to') ?? ''];
  if (!to) return usageError({ kind: 'convert-to' });
  const output = options.get('--output');
  if (output === undefined) return usageError({ kind: 'convert-output' });
  const lang = langOption(options);
  if (lang === null) return usageError({ kind: 'bad-lang', value: options.get('--lang') ?? '' });
  return { kind: 'convert', file, to, output, force: options.has('--force'), language: lang.language };
}

async function runConvertCommand(command: ConvertCommand, io: CliIo): Promise<number> {
  const problem = await outputProblem('--output', command.output, [command.file], command.force);
  if (problem !== null) {
    io.stderr.write(`${cliMessage(problem, command.language)}\n`);
    return EXIT_UNREADABLE;
  }
  return runConvert(command, io);
}

function usageText(problem: UsageProblem, texts: CliStrings): string {
  // A mapped type indexed by a union: TypeScript cannot see that usage[K] takes the problem of kind K.
  const render = texts.usage[problem.kind] as (p: UsageProblem) => string;
  return render(problem);
}

function packageVersion(): string {
  // Same relative path from src/cli (tests) and dist/cli (the built bin).
  const manifest: unknown = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  return typeof manifest === 'object' && manifest !== null && 'version' in manifest ? String(manifest.version) : 'unknown';
}

async function runCheck(command: CheckCommand, io: CliIo): Promise<number> {
  const say = (message: CliMessage) => io.stderr.write(`${cliMessage(message, command.language)}\n`);
  const refused = await refusedOutput(command);
  if (refused !== null) {
    say(refused);
    return EXIT_UNREADABLE;
  }
  const profile = await loadProfile(command.profile, command.locale, command.language);
  if (!profile.ok) {
    io.stderr.write(`${profile.message}\n`);
    return EXIT_UNREADABLE;
  }
  const { locale } = command;
  const reportText: string[] = [];
  const emit = (text: string) => (command.output === null ? io.stdout.write(text) : reportText.push(text));
  const checked: CheckedFile[] = [];
  const unreadable: UnreadableFile[] = [];
  let toMark: ToMark | null = null;
  for (const file of command.files) {
    const input = await readInputFile(file);
    if (!input.ok) {
      say({ kind: 'cannot-read', file, reason: input.reason });
      unreadable.push({ file, reason: unreadableReason(input.reason, locale) });
      continue;
    }
    let report: CheckReport;
    try {
      report = checkWorkbook(input.workbook, profile.profile ? { profile: profile.profile } : {});
    } catch (error) {
      // A bug in a rule must not hide the other files' results or show a stack trace.
      const detail = error instanceof Error ? error.message : String(error);
      say({ kind: 'check-failed', file, detail });
      unreadable.push({ file, reason: detail });
      continue;
    }
    const split = splitIgnored(report, input.ignored);
    if (split.problem !== null) say({ kind: split.problem.newer ? 'ignored-newer' : 'ignored-unreadable', file, detail: split.problem.detail });
    report = split.report;
    checked.push({ file, report, ignored: split.ignored });
    if (command.marked !== null) toMark = { grid: input.workbook, report, ignored: split.ignored };
    if (command.format === 'text') emit(fileText(file, report, locale, split.ignored));
  }

  if (command.format === 'text') emit(totalText(checked, unreadable, locale));
  else emit(`${JSON.stringify(jsonReport(checked, unreadable, locale), null, 2)}\n`);

  let written = true;
  if (command.marked !== null) written = await writeMarked(command, command.marked, toMark, io);
  if (command.output !== null) {
    const text = reportText.join('');
    const target = command.output;
    const reportWritten = await writeOutput(target, say, () => writeFileAtomically(target, (handle) => handle.writeFile(text, 'utf8'), command.force));
    if (reportWritten) io.stderr.write(`${CLI_TEXTS[locale].wroteReport(target)}\n`);
    written = reportWritten && written;
  }

  if (unreadable.length > 0 || !written) return EXIT_UNREADABLE;
  return checked.some((c) => c.report.summary.errors > 0) ? EXIT_ERRORS_FOUND : EXIT_OK;
}

/** --output and --marked name files the user chose: never an input, never each other, no overwriting without --force. */
async function refusedOutput(command: CheckCommand): Promise<CliMessage | null> {
  const inputs = [...command.files, ...(command.profile !== null && command.profile !== 'auto' && !builtInProfile(command.profile) ? [command.profile] : [])];
  if (command.output !== null && command.marked !== null && (await isSameFile(command.output, command.marked))) {
    return { kind: 'output-is-marked', output: command.output };
  }
  for (const [option, target] of [['--output', command.output], ['--marked', command.marked]] as const) {
    if (target === null) continue;
    const problem = await outputProblem(option, target, inputs, command.force);
    if (problem !== null) return problem;
  }
  return null;
}

/** What the marked copy is made of: the checked values, the findings to mark, the ignored ones for the report's section. */
interface ToMark {
  readonly grid: WorkbookGrid;
  readonly report: CheckReport;
  readonly ignored: readonly IgnoredHit[];
}

async function writeMarked(command: CheckCommand, target: string, toMark: ToMark | null, io: CliIo): Promise<boolean> {
  const { locale } = command;
  const input = command.files[0] as string;
  const say = (message: CliMessage) => io.stderr.write(`${cliMessage(message, command.language)}\n`);
  if (toMark === null) {
    say({ kind: 'marked-unchecked', target, input });
    return false;
  }
  return writeOutput(target, say, async () => {
    // Loaded only when asked for: it brings ExcelJS's writer.
    const { writeMarkedCopy } = await import('./marked-copy');
    const result = await writeMarkedCopy(input, toMark.grid, toMark.report, locale, target, command.force, toMark.ignored);
    if (!result.ok) {
      say({ kind: 'marked-not-xlsx', target, input });
      return false;
    }
    io.stderr.write(`${CLI_TEXTS[locale].wroteMarked(target)}\n`);
    return true;
  });
}

/** Runs a write; a failure is one line on stderr, and no file (not even part of one) is left behind. */
async function writeOutput(target: string, say: (message: CliMessage) => unknown, write: () => Promise<unknown>): Promise<boolean> {
  try {
    return (await write()) !== false;
  } catch (error) {
    const detail = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
    say({ kind: 'cannot-write', target, detail });
    return false;
  }
}

/** The reason as the report (text or JSON) gives it: in --lang's language, Chinese by default. */
function unreadableReason(reason: UnreadableReason, locale: Locale): UnreadableFile['reason'] {
  const text = reasonText(reason);
  return locale === 'zh-CN' ? text.zh : text.en;
}

/** A profile to apply, or null: the one each workbook's tables call for. */
type ProfileChoice = { readonly ok: true; readonly profile: Profile | null } | { readonly ok: false; readonly message: string };

/** "auto" (or nothing), a built-in name, or else a path to a profile JSON file. */
async function loadProfile(nameOrPath: string | null, locale: Locale, language: CliMessageLanguage): Promise<ProfileChoice> {
  if (nameOrPath === null || nameOrPath === 'auto') return { ok: true, profile: null };
  const builtIn = builtInProfile(nameOrPath);
  if (builtIn) return { ok: true, profile: builtIn };

  const names = Object.keys(BUILTIN_PROFILES).join(', ');
  let text: string;
  try {
    text = await readFile(nameOrPath, 'utf8');
  } catch {
    return { ok: false, message: cliMessage({ kind: 'profile-not-found', name: nameOrPath, builtIns: names }, language) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: cliMessage({ kind: 'profile-not-json', name: nameOrPath, detail }, language) };
  }
  const loaded = parseProfile(json);
  if (loaded.ok) return { ok: true, profile: loaded.profile };
  return {
    ok: false,
    message: [cliMessage({ kind: 'profile-invalid', name: nameOrPath }, language), ...loaded.problems.map((p) => `  - ${profileProblemText(p, ERROR_TEXTS[locale])}`)].join('\n'),
  };
}
