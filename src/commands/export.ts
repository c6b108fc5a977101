import type { Command } from 'commander';
import iconv from 'iconv-lite';
import { createTranslator, type Lang } from '../output/i18n.js';
import { messages } from '../output/messages/report.js';
import { note } from '../output/render.js';
import { createProgress } from '../output/progress.js';
import { formatFromPath, openTabularWriter, type FileFormat } from '../output/writers.js';
import { exportNames, findExportable } from '../report/export/registry.js';
import { parseColumnList, prepareExport } from '../report/export/run.js';
import { UsageError } from '../errors.js';
import { streamWriter } from '../report/export/stdout.js';
import { parseAsOf } from '../report/weeks.js';
import type { Context } from '../context.js';
import { withContext } from './action.js';

const t = createTranslator(messages);

interface ExportFlags {
  where?: string;
  columns?: string;
  encoding?: string;
  maskPii?: boolean;
  bom?: boolean;
  asOf?: string;
}

export function register(program: Command, lang: Lang): void {
  program
    .command('export')
    .description(t(lang, 'export.desc'))
    .argument('<what>', exportNames().join(' | '))
    .option('--where <condition>', t(lang, 'export.where'))
    .option('--columns <list>', t(lang, 'export.columns'))
    .option('--encoding <enc>', t(lang, 'export.encoding'), 'utf8')
    .option('--mask-pii', t(lang, 'export.maskPii'))
    .option('--no-bom', t(lang, 'export.noBom'))
    .option('--as-of <date>', t(lang, 'export.asOf'))
    .action(withContext<ExportFlags>(lang, (ctx, flags, [what]) => runExport(ctx, what, flags)));
}

/** Which file format to write: --format (csv/json/xlsx) wins over the --output extension; stdout gets csv or JSON lines. */
function outputFormat(ctx: Context): FileFormat | undefined {
  const chosen = ctx.formatGiven && ctx.format !== 'table' ? String(ctx.format) : undefined;
  if (ctx.output) {
    const byName = formatFromPath(ctx.output, chosen === 'json' && /\.jsonl$|\.ndjson$/i.test(ctx.output) ? 'jsonl' : chosen);
    if (byName === 'md') throw new UsageError(`${ctx.output}: exports are written as .csv, .tsv, .xlsx, .json or .jsonl`);
    return byName;
  }
  if (chosen === 'xlsx') throw new UsageError(t(ctx.lang, 'export.xlsxNeedsFile'), 'custops export customers --output customers.xlsx');
  return chosen === 'json' ? 'jsonl' : chosen === 'csv' ? 'csv' : undefined;
}

export async function runExport(ctx: Context, what: string, flags: ExportFlags): Promise<number> {
  const { lang } = ctx;
  const format = outputFormat(ctx);
  if (!format) throw new UsageError(t(lang, 'export.needOutput'), 'custops export customers --output customers.xlsx (or --format csv|json for stdout)');
  const encoding = (flags.encoding ?? 'utf8').toLowerCase();
  if (!iconv.encodingExists(encoding)) throw new UsageError(`--encoding ${flags.encoding}: unknown encoding`, 'use utf8 (default), gbk or gb18030');
  const utf8 = encoding === 'utf8' || encoding === 'utf-8';
  if (!utf8 && format !== 'csv' && format !== 'tsv') throw new UsageError(t(lang, 'export.encodingCsvOnly', { encoding }));

  const db = ctx.openDb({ readonly: true });
  const asOf = flags.asOf ? parseAsOf(flags.asOf) : localDay();
  const exportable = findExportable(db, what, { lang, config: ctx.config(), asOf });
  const { columns, rows } = prepareExport(db, exportable, { where: flags.where, columns: parseColumnList(flags.columns), maskPii: flags.maskPii });
  const writer = ctx.output
    ? await openTabularWriter(ctx.output, columns, { format, encoding, bom: flags.bom !== false, sheetName: what })
    : streamWriter(ctx.stdout, columns, format === 'jsonl' ? 'jsonl' : 'csv', encoding);
  const progress = createProgress(ctx);
  let n = 0;
  try {
    for (const row of rows) {
      await writer.write(row);
      if (++n % 10000 === 0) progress.update(what, n);
    }
    await writer.close();
  } catch (err) {
    // `custops export … | head`: the reader went away; that is the reader's choice, not a failure.
    if ((err as NodeJS.ErrnoException).code === 'EPIPE' && !ctx.output) return 0;
    throw err;
  } finally {
    progress.done();
  }
  if (ctx.output) note(ctx, t(lang, 'export.wrote', { path: ctx.output, n: writer.rows.toLocaleString('en-US'), masked: flags.maskPii ? t(lang, 'export.masked') : '' }));
  return 0;
}

function localDay(now = new Date()): string {
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}
