import type { Db } from './db.js';
import { nowIso } from './db.js';

/** The run log: every command that writes records one row here, with its outcome. */
export function startRun(db: Db, command: string, args: unknown): number {
  const info = db
    .prepare('INSERT INTO runs (command, args, started_at) VALUES (?, ?, ?)')
    .run(command, JSON.stringify(args ?? {}), nowIso());
  return Number(info.lastInsertRowid);
}

export function finishRun(db: Db, runId: number, outcome: 'ok' | 'failed' | 'interrupted', summary?: unknown): void {
  db.prepare('UPDATE runs SET finished_at = ?, outcome = ?, summary = ? WHERE id = ?').run(
    nowIso(),
    outcome,
    summary === undefined ? null : JSON.stringify(summary),
    runId,
  );
}
