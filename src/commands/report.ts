import type { Command } from 'commander';
import { createTranslator, type Lang } from '../output/i18n.js';
import { messages } from '../output/messages/report.js';
import { note, print, printJson } from '../output/render.js';
import { buildWeeklyReport, defaultAsOf, expandOutputPath, parseAsOf, presentReport, renderTerminal, reportFormatOf, saveReport, writeReport, type WeeklyReport } from '../report/index.js';
import { acquireStoreLock } from '../store/lock.js';
import { startRun, finishRun } from '../store/runs.js';
import { ExitCode, UsageError } from '../errors.js';
import type { Context } from '../context.js';
import type { Db } from '../store/db.js';
import { withContext } from './action.js';

const t = createTranslator(messages);

export interface WeeklyFlags {
  asOf?: string;
  save?: boolean;
  failOnAlerts?: boolean;
  wait?: string;
}

export function register(program: Command, lang: Lang): void {
  const report = program.command('report').description(t(lang, 'report.desc'));
  report
    .command('weekly')
    .description(t(lang, 'report.weeklyDesc'))
    .option('--as-of <date>', t(lang, 'report.asOf'))
    .option('--no-save', t(lang, 'report.noSave'))
    .option('--fail-on-alerts', t(lang, 'run.failOnAlerts'))
    .option('--wait <seconds>', t(lang, 'lock.wait'))
    .action(withContext<WeeklyFlags>(lang, (ctx, flags) => reportWeekly(ctx, flags)));
}

export function waitSeconds(value: string | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--wait ${value}: give a number of seconds ≥ 0`);
  return n;
}

/** Checks --output before any work, so a typo fails at once rather than after the pipeline. */
export function checkReportOutput(ctx: Context): void {
  if (ctx.output && !reportFormatOf(ctx.output)) throw new UsageError(t(ctx.lang, 'report.unknownFormat', { path: ctx.output }), 'custops report weekly --output report.html');
  if (!ctx.output && ctx.format === 'csv') throw new UsageError(t(ctx.lang, 'report.unknownFormat', { path: '--format csv' }), 'custops report weekly --output report.xlsx');
}

async function reportWeekly(ctx: Context, flags: WeeklyFlags): Promise<number> {
  checkReportOutput(ctx);
  const asOf = flags.asOf ? parseAsOf(flags.asOf) : defaultAsOf();
  const save = flags.save !== false;
  const lock = save ? acquireStoreLock(ctx.dbPath, { waitSeconds: waitSeconds(flags.wait), command: 'report weekly' }) : undefined;
  try {
    const db = ctx.openDb(save ? { create: false } : { readonly: true });
    const report = makeReport(ctx, db, asOf, save);
    await deliverReport(ctx, report);
    return flags.failOnAlerts ? alertsExitCode(ctx, report) : ExitCode.ok;
  } finally {
    lock?.release();
  }
}

/** Builds the report and (unless --no-save) keeps it in the store as a logged run. */
export function makeReport(ctx: Context, db: Db, asOf: string, save: boolean, runId?: number): WeeklyReport {
  const build = (): WeeklyReport => buildWeeklyReport(db, { asOf, lang: ctx.lang, config: ctx.config() });
  if (!save) return build();
  const ownRun = runId === undefined ? startRun(db, 'report weekly', { asOf }) : undefined;
  try {
    const report = build();
    saveReport(db, report, runId ?? ownRun);
    if (ownRun !== undefined) finishRun(db, ownRun, 'ok', { week: report.week.label, notes: report.notes.length });
    return report;
  } catch (err) {
    if (ownRun !== undefined) finishRun(db, ownRun, 'failed', { error: (err as Error).message });
    throw err;
  }
}

/** --output FILE (format from its extension), --format json on stdout, or tables on the terminal. */
export async function deliverReport(ctx: Context, report: WeeklyReport): Promise<void> {
  if (ctx.output) {
    const path = expandOutputPath(ctx.output, report);
    await writeReport(report, path, reportFormatOf(path)!);
    note(ctx, t(ctx.lang, 'report.wrote', { path }));
    return;
  }
  if (ctx.format === 'json') return printJson(ctx, report);
  if (!ctx.quiet) print(ctx, renderTerminal(presentReport(report), { color: ctx.color }));
}

/** Exit 4 for cron when feedback alerts are overdue (--fail-on-alerts), with one line on stderr. */
export function alertsExitCode(ctx: Context, report: WeeklyReport): number {
  const overdue = report.alerts.overdue.current ?? 0;
  if (overdue === 0) return ExitCode.ok;
  ctx.stderr.write(`custops: ${t(ctx.lang, 'run.overdue', { alerts: overdue })}\n`);
  return ExitCode.alerts;
}
