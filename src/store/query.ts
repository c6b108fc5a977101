import type { Db } from './db.js';
import { UsageError } from '../errors.js';

/**
 * Runs user SQL on a read-only connection. SQLite itself decides what writes
 * (stmt.readonly), so comments, CTEs and odd casing can't sneak a write through.
 */
export function runReadOnlyQuery(db: Db, sql: string, refuse: (reason: string) => string): Record<string, unknown>[] {
  let stmt;
  try {
    stmt = db.prepare(sql);
  } catch (err) {
    throw UsageError.of('query.sql', { reason: (err as Error).message });
  }
  if (!stmt.readonly) throw new UsageError(refuse('the statement would modify the store'));
  if (!stmt.reader) {
    stmt.run();
    return [];
  }
  return stmt.all() as Record<string, unknown>[];
}
