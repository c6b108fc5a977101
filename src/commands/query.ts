import type { Command } from 'commander';
import { createTranslator, type Lang } from '../output/i18n.js';
import { messages } from '../output/messages/core.js';
import { renderRows } from '../output/render.js';
import { columnsFromRows } from '../output/columns.js';
import { runReadOnlyQuery } from '../store/query.js';
import { withContext } from './action.js';

const t = createTranslator(messages);

export function register(program: Command, lang: Lang): void {
  program
    .command('query')
    .description(t(lang, 'query.desc'))
    .argument('<sql>', 'SELECT …')
    .action(
      withContext(lang, async (ctx, _opts, [sql]) => {
        const db = ctx.openDb({ readonly: true });
        const rows = runReadOnlyQuery(db, sql, (reason) => t(lang, 'query.readonly', { reason }));
        await renderRows(ctx, rows, columnsFromRows(rows));
      }),
    );
}
