import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultNormaliseOptions } from '../../src/clean/records.js';
import { section } from '../../src/clean/config.js';
import { runClean } from '../../src/clean/run.js';
import { ingestFiles } from '../../src/ingest/import.js';
import { openStore, type Db } from '../../src/store/db.js';

// Ingest normalises every row and records what the normalisers found; clean then only runs the
// rules on those rows. The result must be exactly what normalising everything again gives.
const fixtures = resolve(import.meta.dirname, '../../fixtures/clean');
const config = section.parse(undefined);
const today = '2025-06-30';
let db: Db;

beforeEach(() => {
  db = openStore(':memory:');
});
afterEach(() => db.close());

const issues = (): unknown[] =>
  db.prepare('SELECT kind, record_id, field, value, problem, severity, message, suggestion, fixed FROM clean_issues ORDER BY kind, record_id, field, problem, value').all();
const normalised = (): unknown[] => db.prepare('SELECT * FROM customers ORDER BY id').all().map((r) => ({ ...(r as object), updated_at: null }));

async function ingest(paths: string[], options = defaultNormaliseOptions): Promise<void> {
  await ingestFiles(db, paths, { normalise: options });
}

describe('clean after ingest', () => {
  it('runs only the rules on rows ingest normalised, with the same issues and values as a full re-clean', async () => {
    await ingest([join(fixtures, 'customers.csv'), join(fixtures, 'orders.csv')]);
    const first = runClean(db, config, { today });
    const customers = first.kinds.find((k) => k.kind === 'customers')!;
    expect(customers).toMatchObject({ full: true, processed: 6, normalised: 0, updated: 0 });
    expect(first.kinds.find((k) => k.kind === 'orders')).toMatchObject({ processed: 3, normalised: 0 });
    // birth_date is in no file but a rule names it: scored at 0%; gender is in no file and no rule: not scored
    expect(customers.score.fields.find((f) => f.field === 'birth_date')).toMatchObject({ present: 0, completeness: 0 });
    expect(customers.score.fields.find((f) => f.field === 'gender')).toBeUndefined();
    const afterFirst = { issues: issues(), rows: normalised(), score: customers.score };
    expect(afterFirst.issues.length).toBeGreaterThan(8);

    const all = runClean(db, config, { today, all: true });
    expect(all.kinds[0]).toMatchObject({ full: true, processed: 6, normalised: 6, updated: 0 });
    expect(issues()).toEqual(afterFirst.issues);
    expect(normalised()).toEqual(afterFirst.rows);
    expect(all.kinds[0].score).toEqual(afterFirst.score);
  });

  it('finds the same rule problems through the SQL prefilter as by checking every row', async () => {
    await ingest([join(fixtures, 'customers.csv'), join(fixtures, 'orders.csv')]);
    const strict = section.parse({
      rules: {
        customers: {
          required: ['company', 'name|customer_code', 'province'],
          patterns: { customer_code: '^C00[1-3]$', phone: '^\\+86138' },
          allowed: { city: ['深圳', '杭州'] },
          ranges: { annual_revenue: { min: 1000, max: 100000 }, registered_at: { min: '2025-01-01', max: '2025-03-01' } },
        },
        orders: { ranges: { amount: { min: 100, max: 1234.5 }, quantity: { min: 1.5 } } },
      },
    });
    const checked = runClean(db, strict, { today });
    expect(checked.kinds.map((k) => k.normalised)).toEqual([0, 0, 0]);
    const found = issues();
    const all = runClean(db, strict, { today, all: true });
    expect(all.kinds[0].normalised).toBe(6);
    expect(issues()).toEqual(found);
    const problems = new Set(found.map((i) => (i as { problem: string }).problem));
    for (const p of ['required_missing', 'pattern_mismatch', 'value_not_allowed', 'out_of_range']) expect(problems).toContain(p);
  });

  it('normalises again rows ingested with other settings, rows a newer export replaced, and new rows only', async () => {
    await ingest([join(fixtures, 'customers.csv')], { ...defaultNormaliseOptions, dayFirst: true });
    const first = runClean(db, config, { today });
    expect(first.kinds[0]).toMatchObject({ processed: 6, normalised: 6 });

    const dir = mkdtempSync(join(tmpdir(), 'custops-once-'));
    const newer = join(dir, 'customers-v2.csv');
    const original = readFileSync(join(fixtures, 'customers.csv'), 'utf8');
    writeFileSync(newer, `${original.replace('138-1234-5678', '13912345678').trimEnd()}\nC010,赵敏,,,,,,,\n`);
    await ingest([newer]);
    const second = runClean(db, config, { today });
    // C001 changed (ingest wrote its new values; clean normalises it again), C010 is new (rules only)
    expect(second.kinds[0]).toMatchObject({ full: false, processed: 2, normalised: 1, updated: 0 });
    expect(db.prepare(`SELECT phone_e164 FROM customers WHERE customer_code = 'C001'`).get()).toEqual({ phone_e164: '+8613912345678' });
    const c010 = db.prepare(`SELECT i.field, i.problem FROM clean_issues i JOIN customers c ON c.id = i.record_id WHERE c.customer_code = 'C010'`).all();
    expect(c010).toEqual([{ field: 'phone|email', problem: 'required_missing' }]);

    const third = runClean(db, config, { today });
    expect(third.kinds[0]).toMatchObject({ processed: 0, normalised: 0 });
    expect(third.kinds[0].score).toEqual(second.kinds[0].score);
  });
});
