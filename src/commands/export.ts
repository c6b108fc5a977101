import type { Command } from 'commander';
import { createTranslator, type Lang } from '../output/i18n.js';
import { messages } from '../output/messages/core.js';
import { writeRowsFile } from '../output/render.js';
import { formatFromPath, openTabularWriter } from '../output/writers.js';
import { exportables } from '../store/exportables.js';
import { UsageError } from '../errors.js';
import { withContext } from './action.js';
import type { Column } from '../output/columns.js';

const t = createTranslator(messages);

export function register(program: Command, lang: Lang): void {
  program
    .command('export')
    .description(t(lang, 'export.desc'))
    .argument('<what>', Object.keys(exportables).join(' | '))
    .action(
      withContext(lang, async (ctx, _opts, [what]) => {
        const make = exportables[what];
        if (!make) throw new UsageError(`cannot export "${what}"`, `choose one of: ${Object.keys(exportables).join(', ')}`);
        const db = ctx.openDb({ readonly: true });
        const { columns, rows } = make(db);
        if (ctx.output) {
          formatFromPath(ctx.output, ctx.formatGiven && ctx.format !== 'table' ? ctx.format : undefined);
          await writeRowsFile(ctx, ctx.output, rows, columns, what);
          return;
        }
        if (ctx.format === 'table') throw new UsageError(t(lang, 'export.needOutput'), 'custops export customers --output customers.xlsx (or --format csv|json for stdout)');
        await streamToStdout(rows, columns, ctx.format === 'json' ? 'jsonl' : 'csv');
      }),
    );
}

/** Machine output on stdout streams like a file (JSON lines for json), so big exports pipe with flat memory. */
async function streamToStdout(rows: Iterable<Record<string, unknown>>, columns: Column[], format: 'jsonl' | 'csv'): Promise<void> {
  const writer = await openTabularWriter('/dev/stdout', columns, { format, bom: false });
  for (const row of rows) await writer.write(row);
  await writer.close();
}
