import Database from 'better-sqlite3';
import type { Db } from '../../store/db.js';
import type { Column } from '../../output/columns.js';
import { UsageError } from '../../errors.js';

/**
 * `--where "SQL condition"` for exports. The condition is placed inside `WHERE ( … )` around the
 * export's SELECT used as a subquery, on a read-only connection. Before that, a small scan outside
 * string literals refuses anything that could leave the parentheses or start another statement
 * (unbalanced brackets, `;`, comments), and SQLite's own verdict (stmt.readonly) refuses writes.
 */
export function checkCondition(condition: string): string {
  const text = condition.trim();
  if (text === '') throw UsageError.of('where.empty');
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"' || ch === '`' || ch === '[') {
      const close = ch === '[' ? ']' : ch;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === close) {
          if (close !== ']' && text[j + 1] === close) j++;
          else break;
        }
      }
      if (j >= text.length) throw refuse(condition, `unterminated ${ch === "'" ? 'string' : 'quoted name'}`);
      i = j;
      continue;
    }
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) throw refuse(condition, 'a ")" without its "("');
    else if (ch === ';') throw refuse(condition, 'only one condition, no ";"');
    else if ((ch === '-' && text[i + 1] === '-') || (ch === '/' && text[i + 1] === '*')) throw refuse(condition, 'no SQL comments');
  }
  if (depth !== 0) throw refuse(condition, 'unbalanced parentheses');
  return text;
}

function refuse(condition: string, why: string): UsageError {
  return UsageError.of('where.invalid', { condition, reason: why });
}

/** Prepares `SELECT * FROM (sql) WHERE (condition)` and refuses it unless SQLite says it only reads. */
export function prepareFiltered(db: Db, sql: string, condition: string | undefined): Database.Statement {
  const wrapped = condition === undefined ? sql : `SELECT * FROM (${sql}) AS exported WHERE (${checkCondition(condition)}\n)`;
  let stmt: Database.Statement;
  try {
    stmt = db.prepare(wrapped);
  } catch (err) {
    const message = (err as Error).message;
    if (condition !== undefined) {
      throw UsageError.of('where.column', { condition, reason: message });
    }
    throw err;
  }
  if (!stmt.readonly || !stmt.reader) throw refuse(condition ?? '', 'the statement would modify the store');
  return stmt;
}

/**
 * Applies a --where condition to rows computed in JavaScript: they are loaded into a private
 * in-memory SQLite table with the export's column names, so the same SQL conditions work.
 */
export function* filterRowsInMemory(rows: Iterable<Record<string, unknown>>, columns: Column[], condition: string): Generator<Record<string, unknown>> {
  const checked = checkCondition(condition);
  const mem = new Database(':memory:');
  try {
    const quoted = columns.map((c) => `"${c.key.replace(/"/g, '""')}"`);
    mem.exec(`CREATE TABLE exported (${quoted.join(', ')})`);
    const insert = mem.prepare(`INSERT INTO exported VALUES (${columns.map(() => '?').join(', ')})`);
    const load = mem.transaction((batch: unknown[][]) => {
      for (const values of batch) insert.run(values);
    });
    let batch: unknown[][] = [];
    for (const row of rows) {
      batch.push(columns.map((c) => sqlValue(row[c.key])));
      if (batch.length >= 5000) {
        load(batch);
        batch = [];
      }
    }
    load(batch);
    const stmt = prepareFiltered(mem, 'SELECT * FROM exported ORDER BY rowid', checked);
    yield* stmt.iterate() as Iterable<Record<string, unknown>>;
  } finally {
    mem.close();
  }
}

function sqlValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return v;
}
