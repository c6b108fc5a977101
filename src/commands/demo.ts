import type { Command } from 'commander';
import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createTranslator, type Lang } from '../output/i18n.js';
import { messages } from '../output/messages/demo.js';
import { note } from '../output/render.js';
import { writeDemoDataset } from '../demo/dataset.js';
import { UsageError } from '../errors.js';
import type { Context } from '../context.js';
import { withContext } from './action.js';
import { runIngest } from './ingest.js';

const t = createTranslator(messages);

interface DemoFlags {
  dir: string;
  people: string;
  asOf?: string;
}

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
  if (!Number.isInteger(people) || people < 10) throw new UsageError(`--people ${flags.people}: give a whole number ≥ 10`);
  const asOf = flags.asOf ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new UsageError(`--as-of ${flags.asOf}: use YYYY-MM-DD`);
  const { files } = await writeDemoDataset({ dir: flags.dir, people, asOf });
  note(ctx, t(ctx.lang, 'demo.generated', { files: files.map((f) => relative('.', f)).join(', ') }));
  if (!ctx.dbExplicit) ctx.dbPath = join(flags.dir, 'custops.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(ctx.dbPath + suffix, { force: true });

  const step = (name: string): void => note(ctx, t(ctx.lang, 'demo.step', { step: name }));
  step(`custops ingest ${files.map((f) => relative('.', f)).join(' ')}`);
  await runIngest(ctx, {}, files);
  note(ctx, t(ctx.lang, 'demo.done', { db: ctx.dbPath }));
  return 0;
}
