import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { createTranslator, type Lang } from '../output/i18n.js';
import { messages } from '../output/messages/ingest.js';
import { note, print, printJson, renderRows, tableText } from '../output/render.js';
import { createProgress } from '../output/progress.js';
import { ingestFiles, type TableReport } from '../ingest/import.js';
import { previewFile } from '../ingest/preview.js';
import { parseMapOption } from '../ingest/mapping.js';
import { normaliseOptionsFrom } from '../ingest/normalise-options.js';
import { rejectReason } from '../store/rejects.js';
import { startRun, finishRun } from '../store/runs.js';
import { InputError, UsageError } from '../errors.js';
import type { Context } from '../context.js';
import { kinds, type Kind } from '../ingest/fields.js';
import { withContext } from './action.js';

const t = createTranslator(messages);

interface IngestFlags {
  kind?: Kind;
  sheet?: string;
  encoding?: string;
  delimiter?: string;
  map?: string[];
  dryRun?: boolean;
  force?: boolean;
}

export function register(program: Command, lang: Lang): void {
  program
    .command('ingest')
    .description(t(lang, 'ingest.desc'))
    .argument('<files...>', t(lang, 'ingest.files'))
    .option('--kind <kind>', t(lang, 'ingest.kind'))
    .option('--sheet <name>', t(lang, 'ingest.sheet'))
    .option('--encoding <enc>', t(lang, 'ingest.encoding'))
    .option('--delimiter <c>', t(lang, 'ingest.delimiter'))
    .option('--map <column=field>', t(lang, 'ingest.map'), (v: string, prev: string[] = []) => [...prev, v])
    .option('--dry-run', t(lang, 'ingest.dryRun'))
    .option('--force', t(lang, 'ingest.force'))
    .action(withContext<IngestFlags>(lang, (ctx, flags, files) => runIngest(ctx, flags, files)));
}

export async function runIngest(ctx: Context, flags: IngestFlags, files: string[]): Promise<number> {
  const { lang } = ctx;
  if (files.length === 0) throw new UsageError(t(lang, 'ingest.noFiles'));
  if (flags.kind && !kinds.includes(flags.kind)) throw new UsageError(`--kind ${flags.kind}: use ${kinds.join(', ')}`);
  for (const f of files) if (!existsSync(f)) throw new InputError(t(lang, 'ingest.notFound', { path: f }));
  const config = ctx.config();
  const options = {
    kind: flags.kind,
    sheet: flags.sheet,
    encoding: flags.encoding,
    delimiter: flags.delimiter,
    map: parseMapOption(flags.map),
    force: flags.force,
    synonyms: config.ingest.synonyms,
    linkBy: config.ingest.link_by,
    normalise: normaliseOptionsFrom(config),
  };
  if (flags.dryRun) return showDryRun(ctx, files, options);

  const db = ctx.openDb();
  const runId = startRun(db, 'ingest', { files, ...flags });
  const progress = createProgress(ctx);
  let reports: TableReport[];
  try {
    reports = await ingestFiles(db, files, { ...options, runId, onProgress: (label, rows) => progress.update(label, rows) });
  } catch (err) {
    progress.done();
    finishRun(db, runId, 'failed', { error: (err as Error).message });
    throw err;
  }
  progress.done();
  finishRun(db, runId, 'ok', reports);
  if (!ctx.quiet || ctx.output) await showSummary(ctx, reports);
  const rejected = reports.reduce((n, r) => n + r.rejected, 0);
  if (rejected > 0 && ctx.format === 'table' && !ctx.output) note(ctx, t(lang, 'ingest.rejectsHint', { n: rejected }));
  return 0;
}

async function showSummary(ctx: Context, reports: TableReport[]): Promise<void> {
  const { lang } = ctx;
  if (ctx.format === 'json') return printJson(ctx, reports);
  const rows = reports.map((r) => ({
    ...r,
    file: r.sheet ? `${r.file} [${r.sheet}]` : r.file,
    encoding: r.skipped ? t(lang, 'ingest.skipped') : r.encoding ?? 'xlsx',
  }));
  await renderRows(
    ctx,
    rows,
    [
      { key: 'file', header: t(lang, 'ingest.file') },
      { key: 'kind', header: t(lang, 'ingest.kindCol') },
      { key: 'encoding', header: t(lang, 'ingest.encodingCol') },
      { key: 'rowsRead', header: t(lang, 'ingest.read'), type: 'int' },
      { key: 'inserted', header: t(lang, 'ingest.inserted'), type: 'int' },
      { key: 'updated', header: t(lang, 'ingest.updated'), type: 'int' },
      { key: 'unchanged', header: t(lang, 'ingest.unchanged'), type: 'int' },
      { key: 'rejected', header: t(lang, 'ingest.rejected'), type: 'int' },
      { key: 'unlinked', header: t(lang, 'ingest.unlinked'), type: 'int' },
      { key: 'seconds', header: t(lang, 'ingest.seconds'), type: 'number' },
    ],
    { title: t(lang, 'ingest.summary') },
  );
}

async function showDryRun(ctx: Context, files: string[], options: Parameters<typeof previewFile>[1]): Promise<number> {
  const { lang } = ctx;
  const previews = [];
  for (const f of files) previews.push(...(await previewFile(f, options)));
  if (ctx.format === 'json') {
    printJson(ctx, previews);
    return 0;
  }
  for (const p of previews) {
    const title = t(lang, 'ingest.mapping', {
      file: p.sheet ? `${p.file} [${p.sheet}]` : p.file, kind: p.kind, encoding: p.encoding ?? 'xlsx',
      delimiter: p.delimiter === '\t' ? 'tab' : p.delimiter ?? '-', line: p.headerLine,
    });
    const columns = p.columns.map((c) => ({ ...c, field: c.field ?? (c.how === 'skip' ? '' : t(lang, 'ingest.kept')), how: t(lang, `how.${c.how}`) }));
    print(ctx, tableText(ctx, columns, [
      { key: 'header', header: t(lang, 'ingest.column') },
      { key: 'field', header: t(lang, 'ingest.field') },
      { key: 'how', header: t(lang, 'ingest.how') },
      { key: 'sample', header: t(lang, 'ingest.sample') },
    ], title));
    if (p.rows.length > 0) {
      const keys = Object.keys(p.rows[0]).filter((k) => p.rows.some((r) => r[k] !== null && r[k] !== undefined));
      print(ctx, tableText(ctx, p.rows, keys.map((k) => ({ key: k, header: k })), t(lang, 'ingest.preview', { n: p.rows.length })));
    }
    for (const r of p.rejects) print(ctx, `✗ ${t(lang, 'ingest.rejectLine', { line: r.line })}${r.column ? `, ${r.column}` : ''}: ${rejectReason(lang, r.reason)}`);
  }
  return 0;
}
