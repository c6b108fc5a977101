import type { Command } from 'commander';
import { createTranslator, type Lang } from '../output/i18n.js';
import { messages } from '../output/messages/report.js';
import { note, print, printJson, tableText } from '../output/render.js';
import { runWeeklyPipeline, type PipelineResult } from '../report/pipeline.js';
import { defaultAsOf, parseAsOf } from '../report/weeks.js';
import { acquireStoreLock } from '../store/lock.js';
import { startRun, finishRun } from '../store/runs.js';
import { localNow } from '../feedback/time.js';
import { ExitCode } from '../errors.js';
import type { Context } from '../context.js';
import { withContext } from './action.js';
import { alertsExitCode, checkReportOutput, deliverReport, makeReport, waitSeconds } from './report.js';

const t = createTranslator(messages);

interface RunFlags {
  inbox?: string;
  asOf?: string;
  failOnAlerts?: boolean;
  wait?: string;
}

export function register(program: Command, lang: Lang): void {
  const run = program.command('run').description(t(lang, 'run.desc'));
  run
    .command('weekly')
    .description(t(lang, 'run.weeklyDesc'))
    .option('--inbox <dir>', t(lang, 'run.inbox'))
    .option('--as-of <date>', t(lang, 'run.asOf'))
    .option('--fail-on-alerts', t(lang, 'run.failOnAlerts'))
    .option('--wait <seconds>', t(lang, 'lock.wait'))
    .action(withContext<RunFlags>(lang, (ctx, flags) => runWeekly(ctx, flags)));
}

/**
 * The cron entry point: holds the store lock for the whole pipeline, logs one run, writes the report
 * (or prints it), and exits 0 when all went well, 2 when an inbox file could not be read, 1 when a
 * step failed, 4 with --fail-on-alerts when follow-ups are overdue.
 */
async function runWeekly(ctx: Context, flags: RunFlags): Promise<number> {
  checkReportOutput(ctx);
  const asOf = flags.asOf ? parseAsOf(flags.asOf) : defaultAsOf();
  // With --as-of the run acts as if made at the end of that day, so alert and task deadlines line up with the report.
  const now = flags.asOf ? `${asOf}T23:59:59` : localNow();
  const lock = acquireStoreLock(ctx.dbPath, { waitSeconds: waitSeconds(flags.wait), command: 'run weekly' });
  try {
    const db = ctx.openDb();
    const runId = startRun(db, 'run weekly', { asOf, inbox: flags.inbox ?? null });
    let result: PipelineResult;
    try {
      result = await runWeeklyPipeline(db, { asOf, now, inbox: flags.inbox, config: ctx.config(), runId, onStep: (step) => note(ctx, t(ctx.lang, 'run.step', { step })) });
      const report = makeReport(ctx, db, asOf, true, runId);
      const failed = result.steps.filter((s) => s.status === 'failed');
      finishRun(db, runId, failed.length > 0 ? 'failed' : 'ok', { ...result, week: report.week.label });
      if (ctx.format === 'json' && !ctx.output) printJson(ctx, { ...result, report });
      else {
        showSteps(ctx, result);
        await deliverReport(ctx, report);
      }
      if (failed.length > 0) {
        for (const s of failed) ctx.stderr.write(`custops: ${t(ctx.lang, 'run.stepFailed', { step: s.step, detail: s.detail })}\n`);
        return failed.some((s) => s.exitCode === ExitCode.failure) ? ExitCode.failure : ExitCode.badInput;
      }
      return flags.failOnAlerts ? alertsExitCode(ctx, report) : ExitCode.ok;
    } catch (err) {
      finishRun(db, runId, 'failed', { error: (err as Error).message });
      throw err;
    }
  } finally {
    lock.release();
  }
}

function showSteps(ctx: Context, result: PipelineResult): void {
  if (ctx.quiet) return;
  const rows = result.steps.map((s) => ({ step: s.step, status: t(ctx.lang, `run.status.${s.status}`), detail: s.detail, seconds: s.seconds }));
  const table = tableText(ctx, rows, [
    { key: 'step', header: t(ctx.lang, 'run.col.step') },
    { key: 'status', header: t(ctx.lang, 'run.col.status') },
    { key: 'detail', header: t(ctx.lang, 'run.col.detail') },
    { key: 'seconds', header: t(ctx.lang, 'run.col.seconds'), type: 'number' },
  ], t(ctx.lang, 'run.title'));
  // Printed to stderr when the report itself goes to stdout, so stdout stays one clean document.
  if (ctx.output) print(ctx, table);
  else ctx.stderr.write(`${table}\n`);
}
