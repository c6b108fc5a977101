import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { writeDemoDataset } from '../../src/demo/dataset.js';
import { runBin, tempDir } from '../helpers/bin.js';
import { validate } from './json-schema.js';

/**
 * The cron pipeline end to end on the demo data, through the built bin with no terminal (as cron
 * runs it): `custops run weekly` twice (the second run imports nothing and changes nothing), exit
 * codes, the lock, and the report and export commands.
 */
const AS_OF = '2025-11-23';
let dir: string;
let inbox: string;
let db: string;
const children: ChildProcess[] = [];

function custops(...args: string[]): ReturnType<typeof runBin> {
  return runBin(['--db', db, ...args], { cwd: dir });
}

beforeAll(async () => {
  dir = tempDir('custops-cron-');
  inbox = join(dir, 'inbox');
  mkdirSync(inbox);
  await writeDemoDataset({ dir: inbox, asOf: AS_OF, people: 80 });
  db = join(dir, 'custops.db');
});
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill();
});

describe('custops run weekly (cron)', () => {
  it('ingests the inbox, runs every stage and writes the report, printing nothing under --quiet', () => {
    const res = custops('run', 'weekly', '--inbox', inbox, '--as-of', AS_OF, '--output', join(dir, 'reports', 'weekly-{week}.html'), '--quiet');
    expect(res.stderr).toBe('');
    expect(res.stdout).toBe('');
    expect(res.code).toBe(0);
    const html = readFileSync(join(dir, 'reports', 'weekly-2025-W47.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('2025-W47');
  });

  it('is safe to re-run: files already imported are skipped and the numbers stay the same; exits 4 on overdue alerts when asked', () => {
    const first = JSON.parse(custops('report', 'weekly', '--as-of', AS_OF, '--no-save', '--format', 'json').stdout);
    // Also the cron alarm: with --fail-on-alerts, overdue follow-ups make the (otherwise good) run exit 4, saying so on stderr.
    const again = custops('run', 'weekly', '--inbox', inbox, '--as-of', AS_OF, '--format', 'json', '--fail-on-alerts');
    expect(again.code, again.stderr).toBe(4);
    expect(again.stderr).toMatch(/\ncustops: \d+ feedback alerts are overdue\n$/);
    const result = JSON.parse(again.stdout) as { files: { status: string }[]; steps: { step: string; status: string }[]; report: Record<string, Record<string, unknown>> };
    expect(result.files.length).toBe(readdirSync(inbox).length);
    expect(result.files.length).toBeGreaterThanOrEqual(5);
    expect(result.files.every((f) => f.status === 'already-imported')).toBe(true);
    expect(result.steps.map((s) => [s.step, s.status])).toEqual([['ingest', 'ok'], ['clean', 'ok'], ['dedupe', 'ok'], ['segment', 'ok'], ['feedback', 'ok'], ['rules', 'ok']]);
    for (const key of ['customers', 'orders', 'retention', 'tiers', 'churn', 'feedback', 'alerts'] as const) {
      expect(result.report[key], key).toEqual(key === 'customers' ? { ...first[key], mergedDuplicates: result.report[key].mergedDuplicates } : first[key]);
    }
    expect(result.report.customers.total.current).toBe(first.customers.total.current);
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../docs/report-schema.json'), 'utf8'));
    expect(validate(schema, result.report)).toEqual([]);
  });

  it('exits 2 naming the file when an inbox file cannot be read, and still writes the report', () => {
    const bad = join(dir, 'bad-inbox');
    mkdirSync(bad);
    writeFileSync(join(bad, 'weird.csv'), 'foo,bar\n1,2\n');
    const res = custops('run', 'weekly', '--inbox', bad, '--as-of', AS_OF, '--output', join(dir, 'after-bad.md'), '--quiet');
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('weird.csv');
    expect(existsSync(join(dir, 'after-bad.md'))).toBe(true);
  });

  it('waits or refuses when another custops holds the store', async () => {
    const holder = spawn('sleep', ['30'], { stdio: 'ignore' });
    children.push(holder);
    writeFileSync(`${db}.lock`, JSON.stringify({ pid: holder.pid, host: hostname(), command: 'ingest', startedAt: new Date().toISOString() }));
    const res = custops('run', 'weekly', '--as-of', AS_OF, '--quiet');
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`pid ${holder.pid}`);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    holder.kill();
    await new Promise((resolve) => holder.once('exit', resolve));
    const after = custops('report', 'weekly', '--as-of', AS_OF, '--output', join(dir, 'after-lock.json'), '--wait', '5', '--quiet');
    expect(after.code, after.stderr).toBe(0);
    expect(existsSync(`${db}.lock`)).toBe(false);
  });
});

describe('custops report weekly and export through the bin', () => {
  it('writes a report format by extension, in Chinese with --lang zh, and refuses unknown ones', () => {
    const res = custops('report', 'weekly', '--as-of', AS_OF, '--lang', 'zh', '--output', join(dir, 'zh.md'), '--no-save');
    expect(res.code, res.stderr).toBe(0);
    expect(readFileSync(join(dir, 'zh.md'), 'utf8')).toContain('# 客户运营周报');
    const bad = custops('report', 'weekly', '--output', join(dir, 'report.pdf'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('report.pdf');
  });

  it('prints a readable summary without --output', () => {
    const res = custops('report', 'weekly', '--as-of', AS_OF, '--no-save');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Customer operations weekly report');
    expect(res.stdout).toMatch(/Revenue\s+│/);
    expect(res.stdout).not.toContain('\x1b[');
  });

  it('exports a computed result, masks personal data and refuses a hostile --where', () => {
    const clv = custops('export', 'clv', '--output', join(dir, 'clv.xlsx'), '--as-of', AS_OF, '--quiet');
    expect(clv.code, clv.stderr).toBe(0);
    expect(existsSync(join(dir, 'clv.xlsx'))).toBe(true);
    const masked = custops('export', 'customers', '--format', 'csv', '--mask-pii', '--columns', 'customer_code,name,phone_e164,email_norm');
    expect(masked.code, masked.stderr).toBe(0);
    const records = parse(masked.stdout, { bom: true }) as string[][];
    expect(records[0]).toEqual(['customer_code', 'name', 'phone_e164', 'email_norm']);
    expect(records.length).toBeGreaterThan(50);
    const rows = records.slice(1);
    expect(rows.every((r) => r.length === 4)).toBe(true);
    // Quoted names with a comma ("MILLER, Gary") stay one field, masked word by word.
    for (const [, name, phone, email] of rows) {
      if (phone) expect(phone).toMatch(/^1\d\d\*{4}\d{4}$/);
      if (email) expect(email).toMatch(/^[^*@]\*\*\*@[^*]+$/);
      if (name) expect(name).toMatch(/^(\p{Script=Han}\*+|[\p{L}\p{N}](\*+)?([\s,.·-]+[\p{L}\p{N}]\*+)*)$/u);
    }
    expect(rows.filter((r) => r[2]).length).toBeGreaterThan(30);
    expect(rows.filter((r) => r[3]).length).toBeGreaterThan(20);
    expect(masked.stdout).not.toMatch(/1[3-9]\d{9}/);
    const hostile = custops('export', 'customers', '--format', 'csv', '--where', '1); DELETE FROM customers; --');
    expect(hostile.code).toBe(2);
    expect(hostile.stderr).toContain('--where');
  });
});
