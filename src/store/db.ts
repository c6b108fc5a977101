import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { CustopsError, ExitCode } from '../errors.js';
import { migrations } from './migrations/index.js';

export type Db = Database.Database;

export const SCHEMA_VERSION = migrations[migrations.length - 1].version;

export interface OpenOptions {
  readonly?: boolean;
  /** Create the file when missing (commands that only read refuse a missing store). */
  create?: boolean;
}

/** Opens the store, applies pending migrations in one transaction and refuses newer stores. */
export function openStore(path: string, options: OpenOptions = {}): Db {
  const { readonly = false, create = true } = options;
  if (path !== ':memory:' && !existsSync(path) && (readonly || !create)) {
    throw new CustopsError(
      `no custops store at ${path}`,
      ExitCode.badInput,
      'run `custops init` or `custops ingest FILE` first, or point --db / CUSTOPS_DB at your store',
    );
  }
  let db: Db;
  try {
    db = new Database(path, { readonly, fileMustExist: readonly });
  } catch (err) {
    throw new CustopsError(`cannot open store ${path}: ${(err as Error).message}`, ExitCode.badInput);
  }
  try {
    db.pragma('busy_timeout = 5000');
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > SCHEMA_VERSION) {
      throw new CustopsError(
        `store ${path} has schema version ${current}, newer than this custops understands (${SCHEMA_VERSION})`,
        ExitCode.badInput,
        'upgrade custops, or use another --db',
      );
    }
    if (current < SCHEMA_VERSION) {
      if (readonly) {
        throw new CustopsError(
          `store ${path} has schema version ${current} and needs migrating to ${SCHEMA_VERSION}`,
          ExitCode.badInput,
          'run any writing command (for example `custops status`) once to upgrade it',
        );
      }
      migrate(db, current);
    }
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

function migrate(db: Db, from: number): void {
  const apply = db.transaction(() => {
    for (const m of migrations) {
      if (m.version <= from) continue;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  });
  apply();
}

/**
 * Runs `work` inside one write transaction that may span awaits (streaming imports).
 * better-sqlite3's db.transaction() is synchronous, so async work uses an explicit
 * BEGIN IMMEDIATE / COMMIT; any error or interruption rolls everything back.
 */
export async function inTransaction<T>(db: Db, work: () => Promise<T>): Promise<T> {
  db.exec('BEGIN IMMEDIATE');
  const rollbackOnSignal = (): void => {
    if (db.inTransaction) db.exec('ROLLBACK');
  };
  process.once('custops:abort', rollbackOnSignal);
  try {
    const result = await work();
    db.exec('COMMIT');
    return result;
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  } finally {
    process.removeListener('custops:abort', rollbackOnSignal);
  }
}

/**
 * Settings for a pass over every row of a large table (ingest, clean): a small page cache and sorts
 * on disk keep memory flat however large the table (the defaults favour the analytical commands).
 * Returns the function that puts the previous settings back.
 */
export function streamingPragmas(db: Db): () => void {
  const cacheSize = db.pragma('cache_size', { simple: true });
  const tempStore = db.pragma('temp_store', { simple: true });
  db.pragma('cache_size = -16384');
  db.pragma('temp_store = FILE');
  return () => {
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma(`temp_store = ${tempStore}`);
  };
}

export function nowIso(): string {
  return new Date().toISOString();
}
