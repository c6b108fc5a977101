import { Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';
import { CustopsError, ExitCode } from './errors.js';
import { createTranslator, detectLang, parseLang, type Lang } from './output/i18n.js';
import { messages } from './output/messages/core.js';
import { takeExitCode } from './commands/action.js';
const t = createTranslator(messages);
const version = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

interface CommandModule {
  register(program: Command, lang: Lang): void;
}

/**
 * Commands in the order `custops --help` lists them. Each is imported only when needed: a run of one
 * command loads that command's stages and libraries, not every other command's.
 */
const commandLoaders: Record<string, () => Promise<CommandModule>> = {
  demo: () => import('./commands/demo.js'),
  init: () => import('./commands/init.js'),
  ingest: () => import('./commands/ingest.js'),
  clean: () => import('./commands/clean.js'),
  dedupe: () => import('./commands/dedupe.js'),
  segment: () => import('./commands/segment.js'),
  feedback: () => import('./commands/feedback.js'),
  rules: () => import('./commands/rules.js'),
  tasks: () => import('./commands/tasks.js'),
  service: () => import('./commands/service.js'),
  report: () => import('./commands/report.js'),
  run: () => import('./commands/run.js'),
  status: () => import('./commands/status.js'),
  query: () => import('./commands/query.js'),
  rejects: () => import('./commands/rejects.js'),
  export: () => import('./commands/export.js'),
};

/** Global options that take a value, so the command word after them is found. */
const VALUE_OPTIONS = new Set(['--db', '--config', '--format', '-o', '--output', '--lang']);

/** The command the arguments name (`custops --db x status`, `custops help status`), if any. */
function commandWord(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (VALUE_OPTIONS.has(a)) i++;
    else if (!a.startsWith('-')) return a === 'help' ? args.slice(i + 1).find((x) => !x.startsWith('-')) : a;
  }
  return undefined;
}

/** The command modules a run needs: the one named, or all of them for the overall help or a typo. */
export async function loadCommands(args: string[]): Promise<CommandModule[]> {
  const word = commandWord(args);
  const names = word !== undefined && Object.hasOwn(commandLoaders, word) ? [word] : Object.keys(commandLoaders);
  return Promise.all(names.map((name) => commandLoaders[name]()));
}

function langFromArgv(argv: string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lang') return parseLang(argv[i + 1]) ?? detectLang();
    if (a.startsWith('--lang=')) return parseLang(a.slice(7)) ?? detectLang();
  }
  return detectLang();
}

export function buildProgram(lang: Lang, commands: CommandModule[] = []): Command {
  const program = new Command('custops')
    .description(t(lang, 'program.desc'))
    .version(version, '-V, --version', t(lang, 'opt.version'))
    .helpOption('-h, --help', t(lang, 'opt.help'))
    .helpCommand('help [command]', t(lang, 'cmd.help'))
    .option('--db <path>', t(lang, 'opt.db'))
    .option('--config <path>', t(lang, 'opt.config'))
    .addOption(new Option('--format <format>', t(lang, 'opt.format')).choices(['table', 'json', 'csv', 'xlsx']))
    .option('-o, --output <file>', t(lang, 'opt.output'))
    .option('-q, --quiet', t(lang, 'opt.quiet'))
    .option('--no-color', t(lang, 'opt.noColor'))
    .option('--debug', t(lang, 'opt.debug'))
    .option('-y, --yes', t(lang, 'opt.yes'))
    .addOption(new Option('--lang <lang>', t(lang, 'opt.lang')).choices(['zh', 'en']))
    .showSuggestionAfterError()
    .exitOverride();
  program.configureHelp({ sortSubcommands: false, showGlobalOptions: true });
  for (const c of commands) c.register(program, lang);
  const configure = (parent: Command): void => {
    for (const sub of parent.commands) {
      sub.exitOverride();
      sub.helpOption('-h, --help', t(lang, 'opt.help'));
      configure(sub);
    }
  };
  configure(program);
  return program;
}

/** Runs custops on `argv`; `load` picks the command modules (the real ones, but for tests). */
export async function main(argv: string[], load: (args: string[]) => Promise<CommandModule[]> = loadCommands): Promise<number> {
  const lang = langFromArgv(argv);
  const debug = argv.includes('--debug');
  const onSigint = (): void => {
    (process.emit as (event: string) => boolean)('custops:abort');
    process.stderr.write(`\n${t(lang, 'interrupted')}\n`);
    process.exit(ExitCode.interrupted);
  };
  // the event loop ran dry with the command unfinished: without this, Node would exit 0 in silence
  const onStalled = (): void => {
    process.stderr.write(`custops: ${t(lang, 'error')}: ${t(lang, 'stalled')}\n`);
    process.exit(ExitCode.failure);
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  process.on('beforeExit', onStalled);
  // not removed below: a closed pipe can surface while the last output drains after the command returned
  process.stdout.on('error', quietOnClosedPipe);
  try {
    await buildProgram(lang, await load(argv.slice(2))).parseAsync(argv);
    return takeExitCode();
  } catch (err) {
    return reportError(err, lang, debug);
  } finally {
    process.removeListener('SIGINT', onSigint);
    process.removeListener('SIGTERM', onSigint);
    process.removeListener('beforeExit', onStalled);
  }
}

/** `custops … | head`: the reader has what it wanted; stop quietly, as other Unix tools do. */
function quietOnClosedPipe(err: NodeJS.ErrnoException): void {
  if (err.code !== 'EPIPE') throw err;
  process.exit(0);
}

function reportError(err: unknown, lang: Lang, debug: boolean): number {
  if (err instanceof CommanderError) {
    // commander already printed its message (help, version, unknown option …)
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
    return err.exitCode === 0 ? 0 : ExitCode.badInput;
  }
  if (err instanceof CustopsError) {
    const { message, hint: hintText } = err.localised(lang);
    const hint = hintText ? ` (${t(lang, 'hint')}: ${hintText})` : '';
    process.stderr.write(`custops: ${t(lang, 'error')}: ${message}${hint}\n`);
    if (debug && err.stack) process.stderr.write(`${err.stack}\n`);
    return err.exitCode;
  }
  const e = err as Error & { code?: string };
  if (e?.code === 'ENOSPC') {
    process.stderr.write(`custops: ${t(lang, 'error')}: disk full; nothing was written (the transaction was rolled back)\n`);
    return ExitCode.failure;
  }
  process.stderr.write(`custops: ${t(lang, 'error')}: ${e?.message ?? String(err)}${debug ? '' : ' (--debug shows details)'}\n`);
  if (debug && e?.stack) process.stderr.write(`${e.stack}\n`);
  return ExitCode.failure;
}
