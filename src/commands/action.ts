import type { Command } from 'commander';
import { createContext, type Context, type GlobalOptions } from '../context.js';
import type { Lang } from '../output/i18n.js';

let lastExitCode = 0;

export function takeExitCode(): number {
  const code = lastExitCode;
  lastExitCode = 0;
  return code;
}

type Handler<O> = (ctx: Context, opts: O, args: string[]) => Promise<number | void> | number | void;

/**
 * Wraps a command handler: resolves the global options into a Context and records the exit code.
 * Positional arguments arrive as `args` (variadic ones flattened).
 */
export function withContext<O = Record<string, unknown>>(lang: Lang, handler: Handler<O>) {
  return async (...actionArgs: unknown[]): Promise<void> => {
    const command = actionArgs[actionArgs.length - 1] as Command;
    const positional = actionArgs.slice(0, -2).flatMap((a) => (Array.isArray(a) ? a.map(String) : a === undefined ? [] : [String(a)]));
    const globals = command.optsWithGlobals() as GlobalOptions;
    const ctx = createContext({ ...globals, lang, command: commandPath(command) });
    try {
      const code = await handler(ctx, command.opts() as O, positional);
      lastExitCode = typeof code === 'number' ? code : 0;
    } finally {
      ctx.release();
    }
  };
}

/** 'feedback alerts', not just 'alerts': the words a user would type after custops. */
function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}
