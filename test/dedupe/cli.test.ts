import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, tempDir } from '../helpers/bin.js';

const fixture = resolve(import.meta.dirname, '../../fixtures/dedupe/customers.csv');
// The end-to-end run needs `custops dedupe` registered in src/cli.ts (the lead wires commands).
const registered = /commands\/dedupe\.js/.test(readFileSync(resolve(import.meta.dirname, '../../src/cli.ts'), 'utf8'));

function groups(dbPath: string): string[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT group_concat(customer_code, ' ') AS codes FROM (SELECT * FROM customers ORDER BY customer_code)
          GROUP BY entity_id HAVING count(*) > 1 ORDER BY min(customer_code)`,
      )
      .all() as { codes: string }[];
    return rows.map((r) => r.codes);
  } finally {
    db.close();
  }
}

function entityIds(dbPath: string): unknown[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT id, entity_id FROM customers ORDER BY id').all();
  } finally {
    db.close();
  }
}

describe.skipIf(!registered)('custops dedupe (built bin)', () => {
  const dir = tempDir();
  const dbPath = join(dir, 'store.db');
  const env = { CUSTOPS_DB: dbPath };

  it('ingests the fixture, previews, merges the known duplicates, explains and undoes', () => {
    const ingest = runBin(['ingest', fixture], { cwd: dir, env });
    expect(ingest.code, ingest.stderr).toBe(0);
    const before = entityIds(dbPath);

    const plan = runBin(['dedupe', '--dry-run', '--format', 'json'], { cwd: dir, env });
    expect(plan.code, plan.stderr).toBe(0);
    const preview = JSON.parse(plan.stdout) as { groups: { members: string }[] };
    expect(preview.groups).toHaveLength(3);
    expect(entityIds(dbPath)).toEqual(before); // nothing written

    const run = runBin(['dedupe', '--format', 'json'], { cwd: dir, env });
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as { dedupeRun: number; clusters: number; records: number };
    expect(summary.clusters).toBe(3);
    expect(groups(dbPath)).toEqual(['C001 C002 C003', 'C004 C005 C006', 'C007 C008']);

    const explain = runBin(['dedupe', '--explain', '6', '--format', 'json'], { cwd: dir, env });
    expect(explain.code, explain.stderr).toBe(0);
    const evidence = JSON.parse(explain.stdout) as { members: { customer_id: number; reasons: string }[] };
    expect(evidence.members.map((m) => m.customer_id)).toEqual([4, 5, 6]);
    expect(evidence.members.find((m) => m.customer_id === 6)?.reasons).toMatch(/email exact/);

    const pair = runBin(['dedupe', '--explain', '9,10', '--format', 'json'], { cwd: dir, env });
    expect(pair.code, pair.stderr).toBe(0);
    const waterfall = JSON.parse(pair.stdout) as { verdict: string; steps: { comparison: string; level: string }[] };
    expect(waterfall.verdict).toBe('no match'); // two 王芳 in different cities
    expect(waterfall.steps.find((s) => s.comparison === 'location')?.level).toBe('different');

    const entities = runBin(['export', 'entities', '--format', 'csv'], { cwd: dir, env });
    expect(entities.code, entities.stderr).toBe(0);
    expect(entities.stdout.trim().split('\n')).toHaveLength(1 + 188 - 5);

    const review = runBin(['dedupe', '--review'], { cwd: dir, env });
    expect(review.code).toBe(2);
    expect(review.stderr).toMatch(/--review needs an interactive terminal/);

    const undo = runBin(['dedupe', '--undo', String(summary.dedupeRun)], { cwd: dir, env });
    expect(undo.code, undo.stderr).toBe(0);
    expect(entityIds(dbPath)).toEqual(before);
  });
});
