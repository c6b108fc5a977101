import type { Context } from '../context.js';

export interface Progress {
  update(label: string, done: number, total?: number): void;
  done(): void;
}

/** A one-line progress indicator on stderr, only when stderr is a terminal and not --quiet. */
export function createProgress(ctx: Pick<Context, 'progress' | 'stderr'>, unit = 'rows'): Progress {
  if (!ctx.progress) return { update() {}, done() {} };
  const started = performance.now();
  let last = 0;
  let shown = false;
  return {
    update(label, done, total) {
      const now = performance.now();
      if (now - last < 100) return;
      last = now;
      const rate = Math.round(done / Math.max(0.001, (now - started) / 1000));
      const share = total ? ` ${Math.min(100, Math.floor((done / total) * 100))}%` : '';
      ctx.stderr.write(`\r\x1b[2K${label}:${share} ${done.toLocaleString('en-US')} ${unit} (${rate.toLocaleString('en-US')}/s)`);
      shown = true;
    },
    done() {
      if (shown) ctx.stderr.write('\r\x1b[2K');
    },
  };
}
