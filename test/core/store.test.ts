import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { inTransaction, openStore, SCHEMA_VERSION } from '../../src/store/db.js';
import { runReadOnlyQuery } from '../../src/store/query.js';
import { suspendIndexes } from '../../src/ingest/records.js';

const tmp = (): string => join(mkdtempSync(join(tmpdir(), 'custops-store-')), 'test.db');

describe('store', () => {
  it('creates the schema with WAL and foreign keys, at the current version', () => {
    const path = tmp();
    const db = openStore(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['sources', 'runs', 'rejects', 'customers', 'orders', 'feedback', 'record_versions']));
    db.close();
  });

  it('suspends for a bulk load the indexes new rows enter, keeps the partial ones they never enter, and restores all', () => {
    const db = openStore(tmp());
    const indexes = (): string[] => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customers' AND sql IS NOT NULL ORDER BY name").pluck().all() as string[]);
    const before = indexes();
    expect(before).toEqual(expect.arrayContaining(['customers_code', 'customers_phone', 'customers_email', 'customers_hash', 'customers_dirty', 'customers_entity']));
    const restore = suspendIndexes(db, 'customers');
    expect(indexes()).toEqual(['customers_dirty', 'customers_entity']);
    restore();
    expect(indexes()).toEqual(before);
    db.close();
  });

  it('refuses a store written by a newer custops', () => {
    const path = tmp();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openStore(path)).toThrow(/newer than this custops/);
  });

  it('refuses to open a missing store read-only', () => {
    expect(() => openStore(join(tmpdir(), 'does-not-exist-custops.db'), { readonly: true })).toThrow(/no custops store/);
  });

  it('rolls back every write of a failed async transaction', async () => {
    const db = openStore(tmp());
    await expect(
      inTransaction(db, async () => {
        db.prepare("INSERT INTO runs (command, started_at) VALUES ('x', 'now')").run();
        await new Promise((r) => setTimeout(r, 5));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((db.prepare('SELECT COUNT(*) AS n FROM runs').get() as { n: number }).n).toBe(0);
  });

  it('runs read-only SQL and refuses writes however they are spelled', () => {
    const path = tmp();
    openStore(path).close();
    const db = openStore(path, { readonly: true });
    expect(runReadOnlyQuery(db, 'SELECT 1 + 1 AS two', (r) => r)).toEqual([{ two: 2 }]);
    expect(runReadOnlyQuery(db, 'WITH x AS (SELECT 3 AS v) SELECT v FROM x', (r) => r)).toEqual([{ v: 3 }]);
    expect(() => runReadOnlyQuery(db, '/* hi */ delete from runs', (r) => `refused: ${r}`)).toThrow(/refused/);
    expect(() => runReadOnlyQuery(db, 'SELECT 1; DROP TABLE runs', (r) => r)).toThrow(/SQL/);
  });
});
