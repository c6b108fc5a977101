import type { Command } from 'commander';
import { createTranslator, type Lang } from '../output/i18n.js';
import { messages } from '../output/messages/core.js';
import { print, printJson, renderRows, tableText } from '../output/render.js';
import { lockHolder } from '../store/lock.js';
import { storeSummary } from '../store/summary.js';
import { withContext } from './action.js';
import { UsageError } from '../errors.js';
import { printKpis, withKpiOptions } from './rules.js';

const t = createTranslator(messages);

export function register(program: Command, lang: Lang): void {
  withKpiOptions(program.command('status').description(t(lang, 'status.desc')), lang)
    .action(
      withContext<{ kpi?: boolean; asOf?: string }>(lang, async (ctx, flags) => {
        if (flags.kpi) return printKpis(ctx, flags.asOf);
        if (flags.asOf) throw new UsageError('--as-of goes with --kpi', 'custops status --kpi --as-of 2025-06-30');
        const db = ctx.openDb({ create: false, lock: false });
        const summary = storeSummary(db);
        const holder = lockHolder(ctx.dbPath);
        const writer = holder && !holder.stale ? { command: holder.command, pid: holder.pid, since: holder.startedAt } : null;
        if (ctx.format === 'json') return printJson(ctx, { ...summary, writer });
        const countColumns = [
          { key: 'kind', header: t(lang, 'status.kind') },
          { key: 'records', header: t(lang, 'status.records'), type: 'int' as const },
          { key: 'linked', header: t(lang, 'status.linked'), type: 'int' as const },
          { key: 'rejects', header: t(lang, 'status.rejects'), type: 'int' as const },
        ];
        if (ctx.format === 'csv' || ctx.output) return renderRows(ctx, summary.counts, countColumns);
        if (writer) print(ctx, t(lang, 'status.writer', writer));
        if (summary.sources.length === 0) print(ctx, t(lang, 'status.empty'));
        print(ctx, tableText(ctx, summary.counts, countColumns, t(lang, 'status.counts')));
        if (summary.sources.length > 0) {
          print(
            ctx,
            tableText(
              ctx,
              summary.sources,
              [
                { key: 'id', header: t(lang, 'status.id') },
                { key: 'name', header: t(lang, 'status.file') },
                { key: 'kind', header: t(lang, 'status.kind') },
                { key: 'sheet', header: t(lang, 'status.sheet') },
                { key: 'encoding', header: t(lang, 'status.encoding') },
                { key: 'rows', header: t(lang, 'status.rows'), type: 'int' },
                { key: 'rejected', header: t(lang, 'status.rejects'), type: 'int' },
                { key: 'imported_at', header: t(lang, 'status.imported') },
              ],
              t(lang, 'status.sources'),
            ),
          );
        }
        if (summary.runs.length > 0) {
          print(
            ctx,
            tableText(
              ctx,
              summary.runs,
              [
                { key: 'id', header: t(lang, 'status.id') },
                { key: 'command', header: t(lang, 'status.command') },
                { key: 'started_at', header: t(lang, 'status.started') },
                { key: 'outcome', header: t(lang, 'status.outcome') },
              ],
              t(lang, 'status.runs'),
            ),
          );
        }
      }),
    );
}
