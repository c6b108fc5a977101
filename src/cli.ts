import { Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';
import { CustopsError, ExitCode } from './errors.js';
import { createTranslator, detectLang, parseLang, type Lang } from './output/i18n.js';
import { messages } from './output/messages/core.js';
import { takeExitCode } from './commands/action.js';
import * as init from './commands/init.js';
import * as status from './commands/status.js';
import * as query from './commands/query.js';
import * as rejects from './commands/rejects.js';
import * as ingest from './commands/ingest.js';
import * as exportCmd from './commands/export.js';
import * as demo from './commands/demo.js';
import * as clean from './commands/clean.js';
import * as dedupe from './commands/dedupe.js';
import * as segment from './commands/segment.js';
import * as feedback from './commands/feedback.js';
import * as rules from './commands/rules.js';
import * as tasks from './commands/tasks.js';
import * as service from './commands/service.js';
import * as report from './commands/report.js';
import * as run from './commands/run.js';

const t = createTranslator(messages);
const version = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** Commands in the order `custops --help` lists them. */
const commands: { register(program: Command, lang: Lang): void }[] = [
  demo, init, ingest, clean, dedupe, segment, feedback, rules, tasks, service, report, run, status, query, rejects, exportCmd,
];

function langFromArgv(argv: string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lang') return parseLang(argv[i + 1]) ?? detectLang();
    if (a.startsWith('--lang=')) return parseLang(a.slice(7)) ?? detectLang();
  }
  return detectLang();
}

export function buildProgram(lang: Lang): Command {
  const program = new Command('custops')
    .description(t(lang, 'program.desc'))
    .version(version, '-V, --version', t(lang, 'opt.version'))
    .helpOption('-h, --help', t(lang, 'opt.help'))
    .helpCommand('help [command]', t(lang, 'cmd.help'))
    .option('--db <path>', t(lang, 'opt.db'))
    .option('--config <path>', t(lang, 'opt.config'))
    .addOption(new Option('--format <format>', t(lang, 'opt.format')).choices(['table', 'json', 'csv']))
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
  for (const sub of program.commands) {
    sub.exitOverride();
    sub.helpOption('-h, --help', t(lang, 'opt.help'));
  }
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const lang = langFromArgv(argv);
  const debug = argv.includes('--debug');
  const onSigint = (): void => {
    (process.emit as (event: string) => boolean)('custops:abort');
    process.stderr.write(`\n${t(lang, 'interrupted')}\n`);
    process.exit(ExitCode.interrupted);
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  try {
    await buildProgram(lang).parseAsync(argv);
    return takeExitCode();
  } catch (err) {
    return reportError(err, lang, debug);
  } finally {
    process.removeListener('SIGINT', onSigint);
    process.removeListener('SIGTERM', onSigint);
  }
}

function reportError(err: unknown, lang: Lang, debug: boolean): number {
  if (err instanceof CommanderError) {
    // commander already printed its message (help, version, unknown option …)
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
    return err.exitCode === 0 ? 0 : ExitCode.badInput;
  }
  if (err instanceof CustopsError) {
    const hint = err.hint ? ` (${t(lang, 'hint')}: ${err.hint})` : '';
    process.stderr.write(`custops: ${t(lang, 'error')}: ${err.message}${hint}\n`);
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
