import type { Command } from 'commander';
import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createTranslator, type Lang } from '../output/i18n.js';
import { messages } from '../output/messages/demo.js';
import { note, print, tableText } from '../output/render.js';
import { writeDemoDataset } from '../demo/dataset.js';
import { runWeeklyPipeline } from '../report/pipeline.js';
import { addDays, mondayOf } from '../report/weeks.js';
import { presentReport, renderTerminal, writeReport } from '../report/index.js';
import { localNow } from '../feedback/time.js';
import { UsageError } from '../errors.js';
import type { Context } from '../context.js';
import { withContext } from './action.js';
import { runIngest } from './ingest.js';
import { makeReport } from './report.js';

const t = createTranslator(messages);

interface DemoFlags {
  dir: string;
  people: string;
  asOf?: string;
}

/** Report sections shown at the end of the demo; the full report goes to report.html. */
const SHOWN_SECTIONS = new Set(['customers', 'tiers', 'rfm', 'feedback']);

export function register(program: Command, lang: Lang): void {
  program
    .command('demo')
    .description(t(lang, 'demo.desc'))
    .option('--dir <dir>', t(lang, 'demo.dir'), 'custops-demo')
    .option('--people <n>', t(lang, 'demo.people'), '240')
    .option('--as-of <date>', t(lang, 'demo.asOf'))
    .action(withContext<DemoFlags>(lang, (ctx, flags) => runDemo(ctx, flags)));
}

async function runDemo(ctx: Context, flags: DemoFlags): Promise<number> {
  const people = Number(flags.people);
  if (!Number.isInteger(people) || people < 10) throw new UsageError(t(ctx.lang, 'demo.badPeople', { value: flags.people }));
  if (flags.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(flags.asOf)) throw new UsageError(t(ctx.lang, 'demo.badAsOf', { value: flags.asOf }));
  const now = flags.asOf ? `${flags.asOf}T23:59:59` : localNow();
  const asOf = now.slice(0, 10);
  const { files } = await writeDemoDataset({ dir: flags.dir, people, asOf });
  note(ctx, t(ctx.lang, 'demo.generated', { files: files.map((f) => relative('.', f)).join(', ') }));
  if (!ctx.dbExplicit) ctx.dbPath = join(flags.dir, 'custops.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(ctx.dbPath + suffix, { force: true });

  const step = (command: string): void => note(ctx, t(ctx.lang, 'demo.step', { step: `custops ${command}` }));
  step(`ingest ${files.map((f) => relative('.', f)).join(' ')}`);
  await runIngest(ctx, {}, files);

  step('clean → dedupe → segment → feedback → rules');
  const db = ctx.openDb();
  const result = await runWeeklyPipeline(db, { asOf, now, config: ctx.config() });
  if (!ctx.quiet) {
    const rows = result.steps.map((s) => ({ step: s.step, status: t(ctx.lang, `demo.status.${s.status}`), detail: s.detail, seconds: s.seconds }));
    print(ctx, tableText(ctx, rows, [
      { key: 'step', header: t(ctx.lang, 'demo.col.step') },
      { key: 'status', header: t(ctx.lang, 'demo.col.status') },
      { key: 'detail', header: t(ctx.lang, 'demo.col.detail') },
      { key: 'seconds', header: t(ctx.lang, 'demo.col.seconds'), type: 'number' },
    ]));
  }

  // The report covers the last whole week (Monday to Sunday) of the demo data.
  const reportAsOf = addDays(mondayOf(addDays(asOf, 1)), -1);
  step(`report weekly --as-of ${reportAsOf} --output ${relative('.', join(flags.dir, 'report.html'))}`);
  const report = makeReport(ctx, db, reportAsOf, true);
  const html = join(flags.dir, 'report.html');
  await writeReport(report, html, 'html');
  await writeReport(report, join(flags.dir, 'report.xlsx'), 'xlsx');
  if (!ctx.quiet) {
    const presented = presentReport(report);
    const shown = { ...presented, sections: presented.sections.filter((s) => SHOWN_SECTIONS.has(s.id)), notes: [] };
    print(ctx, renderTerminal(shown, { color: ctx.color, maxRows: 12 }));
  }
  const store = relative('.', ctx.dbPath);
  note(ctx, t(ctx.lang, 'demo.done', { db: store, report: relative('.', html) }));
  return result.steps.some((s) => s.status === 'failed') ? 1 : 0;
}
