import type { Writable } from 'node:stream';
import { loadConfig, type Config } from './config.js';
import { openStore, type Db, type OpenOptions } from './store/db.js';
import { acquireStoreLock, type StoreLock } from './store/lock.js';
import { createTranslator, type Lang } from './output/i18n.js';
import { messages } from './output/messages/core.js';
import { UsageError } from './errors.js';

const t = createTranslator(messages);

/** xlsx only with --output: a spreadsheet cannot go to the terminal. */
export type OutputFormat = 'table' | 'json' | 'csv' | 'xlsx';

/** Everything a command needs from the global options, resolved once. */
export interface Context {
  lang: Lang;
  format: OutputFormat;
  formatGiven: boolean;
  output?: string;
  quiet: boolean;
  color: boolean;
  debug: boolean;
  /** May the command ask questions? False under --yes, without a TTY, or in CI. */
  interactive: boolean;
  /** Show progress bars? Only when stderr is a TTY and not --quiet. */
  progress: boolean;
  dbPath: string;
  /** Whether the user chose the store (--db or CUSTOPS_DB) rather than the default. */
  dbExplicit: boolean;
  configPath: string;
  stdout: Writable;
  stderr: Writable;
  config(): Config;
  /**
   * Opens the store; a writable one first takes the store's write lock, held until `release()`.
   * `lock: false` for commands that open it writable only so that migrations can run, and then read.
   */
  openDb(options?: OpenOptions & { lock?: boolean }): Db;
  /** Releases the write locks the command took (called when the command ends, however it ends). */
  release(): void;
}

export interface GlobalOptions {
  db?: string;
  config?: string;
  format?: string;
  output?: string;
  quiet?: boolean;
  color?: boolean;
  debug?: boolean;
  yes?: boolean;
  lang: Lang;
  /** The command's name, shown to another command that finds the store locked. */
  command?: string;
}

/** A second writer waits this long for the first (as SQLite's busy timeout), then fails naming it. */
const DEFAULT_LOCK_WAIT_SECONDS = 5;

function lockWaitSeconds(env: NodeJS.ProcessEnv): number {
  const seconds = Number(env.CUSTOPS_LOCK_WAIT);
  return env.CUSTOPS_LOCK_WAIT && Number.isFinite(seconds) && seconds >= 0 ? seconds : DEFAULT_LOCK_WAIT_SECONDS;
}

export function createContext(opts: GlobalOptions, env: NodeJS.ProcessEnv = process.env): Context {
  const format = (opts.format ?? 'table') as OutputFormat;
  if (!['table', 'json', 'csv', 'xlsx'].includes(format)) {
    throw UsageError.of('format.unknown', { format: String(opts.format) });
  }
  if (format === 'xlsx' && !opts.output) throw new UsageError(t(opts.lang, 'format.xlsxNeedsOutput'), t(opts.lang, 'format.xlsxHint'));
  const stdoutTty = Boolean(process.stdout.isTTY);
  const stderrTty = Boolean(process.stderr.isTTY);
  const noColorEnv = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const configPath = opts.config ?? env.CUSTOPS_CONFIG ?? 'custops.yaml';
  let config: Config | undefined;
  const locks: StoreLock[] = [];
  return {
    lang: opts.lang,
    format,
    formatGiven: opts.format !== undefined,
    output: opts.output,
    quiet: Boolean(opts.quiet),
    color: opts.color !== false && stdoutTty && !noColorEnv,
    debug: Boolean(opts.debug),
    interactive: !opts.yes && Boolean(process.stdin.isTTY) && stdoutTty && !env.CI,
    progress: stderrTty && !opts.quiet,
    dbPath: opts.db ?? (env.CUSTOPS_DB || 'custops.db'),
    dbExplicit: opts.db !== undefined || Boolean(env.CUSTOPS_DB),
    configPath,
    stdout: process.stdout,
    stderr: process.stderr,
    config() {
      config ??= loadConfig(configPath, { mustExist: opts.config !== undefined });
      return config;
    },
    openDb(options) {
      if (!options?.readonly && options?.lock !== false) locks.push(acquireStoreLock(this.dbPath, { command: opts.command, waitSeconds: lockWaitSeconds(env) }));
      return openStore(this.dbPath, options);
    },
    release() {
      for (const lock of locks.splice(0)) lock.release();
    },
  };
}
