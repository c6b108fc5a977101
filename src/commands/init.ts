import type { Command } from 'commander';
import { existsSync, writeFileSync } from 'node:fs';
import { defaultConfigYaml } from '../config.js';
import { SCHEMA_VERSION } from '../store/db.js';
import { createTranslator, type Lang } from '../output/i18n.js';
import { messages } from '../output/messages/core.js';
import { note } from '../output/render.js';
import { withContext } from './action.js';

const t = createTranslator(messages);

export function register(program: Command, lang: Lang): void {
  program
    .command('init')
    .description(t(lang, 'init.desc'))
    .option('--force', t(lang, 'init.force'))
    .action(
      withContext<{ force?: boolean }>(lang, (ctx, opts) => {
        if (existsSync(ctx.configPath) && !opts.force) {
          note(ctx, t(lang, 'init.keptConfig', { path: ctx.configPath }));
        } else {
          writeFileSync(ctx.configPath, defaultConfigYaml());
          note(ctx, t(lang, 'init.wroteConfig', { path: ctx.configPath }));
        }
        ctx.config();
        ctx.openDb().close();
        note(ctx, t(lang, 'init.store', { path: ctx.dbPath, version: SCHEMA_VERSION }));
      }),
    );
}
