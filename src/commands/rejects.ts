import type { Command } from 'commander';
import { createTranslator, type Lang } from '../output/i18n.js';
import { messages } from '../output/messages/core.js';
import { renderRows } from '../output/render.js';
import { withContext } from './action.js';
import { listRejects, rejectColumns, rejectReason } from '../store/rejects.js';

const t = createTranslator(messages);

export function register(program: Command, lang: Lang): void {
  program
    .command('rejects')
    .description(t(lang, 'rejects.desc'))
    .option('--source <id>', t(lang, 'rejects.source'))
    .action(
      withContext<{ source?: string }>(lang, async (ctx, opts) => {
        const db = ctx.openDb({ readonly: true });
        const rows = [...listRejects(db, opts.source ? Number(opts.source) : undefined)].map((r) => ({ ...r, reason: rejectReason(ctx.lang, r.reason) }));
        await renderRows(ctx, rows, rejectColumns(lang));
      }),
    );
}
