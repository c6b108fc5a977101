import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProgram, loadCommands } from '../../src/cli.js';
import { takeExitCode } from '../../src/commands/action.js';
import { openStore } from '../../src/store/db.js';
import { dayString } from '../../src/segment/dates.js';
import { Random } from '../../src/segment/random.js';
import { addCustomers, addOrders, type OrderFixture } from './store-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'custops-segment-'));
const dbPath = join(dir, 'custops.db');

/** Runs `custops …` in-process, returning stdout and the exit code. */
async function custops(...args: string[]): Promise<{ out: string; code: number }> {
  const argv = ['--db', dbPath, '--lang', 'en', ...args];
  const program = buildProgram('en', await loadCommands(argv));
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  const errWrite = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return { out, code: takeExitCode() };
  } finally {
    write.mockRestore();
    errWrite.mockRestore();
  }
}

beforeAll(() => {
  process.env.CUSTOPS_CONFIG = join(dir, 'none.yaml');
  const db = openStore(dbPath);
  db.exec(`INSERT INTO sources (id, path, name, sha256, size, kind, format, imported_at) VALUES
    (1, 'c.csv', 'c.csv', '-', 0, 'customers', 'csv', '2025-01-01'), (2, 'o.csv', 'o.csv', '-', 0, 'orders', 'csv', '2025-01-01')`);
  const rng = new Random(5);
  addCustomers(db, Array.from({ length: 120 }, (_, k) => ({ id: k + 1, province: ['广东', '北京'][k % 2], annualRevenueCents: k % 5 === 0 ? 700_000_000 : null, registered: '2020-01-01' })));
  const orders: OrderFixture[] = [];
  for (let id = 1; id <= 120; id++) {
    // the first order of everyone is paid and before the as-of day, so all 120 count
    for (let j = 0; j <= rng.int(6); j++) orders.push({ customerId: id, day: dayString(19900 + rng.int(j === 0 ? 360 : 400)), cents: 100 * (1 + rng.int(3000)), status: j > 0 && rng.uniform() < 0.1 ? 'refunded' : 'paid' });
  }
  addOrders(db, orders);
  db.close();
});

afterAll(() => {
  delete process.env.CUSTOPS_CONFIG;
  rmSync(dir, { recursive: true, force: true });
});

describe('custops segment', () => {
  it('rfm prints segments and eight types as JSON', async () => {
    const { out, code } = await custops('--format', 'json', 'segment', 'rfm', '--as-of', '2025-06-30');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.asOf).toBe('2025-06-30');
    expect(json.customers).toBe(120);
    expect(json.segments.reduce((s: number, x: { customers: number }) => s + x.customers, 0)).toBe(120);
    expect(json.types.reduce((s: number, x: { customers: number }) => s + x.customers, 0)).toBe(120);
    expect(json.segments[0]).toHaveProperty('action');
  });

  it('rfm --by province adds a group column in CSV', async () => {
    const { out } = await custops('--format', 'csv', 'segment', 'rfm', '--as-of', '2025-06-30', '--by', 'province');
    const lines = out.trim().split('\n');
    expect(lines[0].startsWith('group,segment,customers')).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith('北京,') || l.startsWith('广东,'))).toBe(true);
  });

  it('rfm shows tables for people', async () => {
    const { out } = await custops('segment', 'rfm', '--as-of', '2025-06-30');
    expect(out).toContain('as of 2025-06-30 · 120 customers');
    expect(out).toContain('Eight-type model');
    expect(out).toContain('suggested action');
  });

  it('refuses a bad --as-of and a too small sample', async () => {
    await expect(custops('segment', 'rfm', '--as-of', '2025-13-01')).rejects.toThrow(/--as-of "2025-13-01" is not a date/);
    await expect(custops('segment', 'rfm', '--as-of', '2025-06-30', '--min-sample', '500')).rejects.toThrow(/at least 500 customers/);
  });

  it('tiers, pareto, lifecycle, matrix, cluster and clv run', async () => {
    const tiers = JSON.parse((await custops('--format', 'json', 'segment', 'tiers', '--as-of', '2025-06-30')).out);
    expect(tiers.tiers.find((t: { tierKey: string }) => t.tierKey === '战略客户').customers).toBe(24);
    const pareto = JSON.parse((await custops('--format', 'json', 'segment', 'pareto', '--as-of', '2025-06-30')).out);
    expect(pareto.results[0].result.customers).toBe(120);
    const life = (await custops('--format', 'csv', 'segment', 'lifecycle', '--as-of', '2025-06-30')).out;
    expect(life.split('\n')[0]).toContain('value at risk');
    const matrix = JSON.parse((await custops('--format', 'json', 'segment', 'matrix', '--as-of', '2025-06-30', '--window', '3')).out);
    expect(matrix.windowMonths).toBe(3);
    expect(matrix.quadrants.reduce((s: number, q: { customers: number }) => s + q.customers, 0)).toBe(120);
    const cluster = JSON.parse((await custops('--format', 'json', 'segment', 'cluster', '--as-of', '2025-06-30', '--k', '3')).out);
    expect(cluster.k).toBe(3);
    const clv = JSON.parse((await custops('--format', 'json', 'segment', 'clv', '--as-of', '2025-06-30', '--limit', '3')).out);
    expect(clv.totals.customers).toBe(120);
    expect(clv.top).toHaveLength(3);
  });

  it('--save snapshots and diff shows the migration', async () => {
    await custops('segment', 'tiers', '--as-of', '2025-03-31', '--save');
    await custops('segment', 'tiers', '--as-of', '2025-06-30', '--save');
    const diff = JSON.parse((await custops('--format', 'json', 'segment', 'diff', '--model', 'tiers.loyalty')).out);
    expect([diff.from, diff.to]).toEqual(['2025-03-31', '2025-06-30']);
    const total = diff.cells.reduce((s: number, c: { count: number }) => s + c.count, 0);
    expect(total).toBe(120);
    expect(diff.up + diff.down + diff.same).toBeLessThanOrEqual(120);
    expect(diff.upgraded).toHaveLength(diff.up);
    const table = (await custops('segment', 'diff', '--model', 'tiers.loyalty')).out;
    expect(table).toContain('tiers.loyalty migration: 2025-03-31 → 2025-06-30');
    await expect(custops('segment', 'diff', '--model', 'rfm')).rejects.toThrow(/no saved rfm snapshots/);
  });
});

describe('CDNOW-style raw transactions end to end', () => {
  it('ingest of a headered, whitespace-separated file, then segment clv', async () => {
    // customer_id date(YYYYMMDD) cds dollars, as in CDNOW_master.txt; nothing links to a customer file
    const rng = new Random(8);
    const lines = [' customer_id  date number_of_cds  dollar_value'];
    let cents = 0;
    for (let id = 1; id <= 150; id++) {
      let day = 9862 + rng.int(90); // 1997-01-01 … 1997-03-31
      for (;;) {
        const dollars = (5 + rng.int(6000) / 100).toFixed(2);
        if (day <= 10407) cents += Math.round(Number(dollars) * 100);
        lines.push(` ${String(id).padStart(5, '0')} ${dayString(day).replaceAll('-', '')}  ${1 + rng.int(3)}   ${dollars}`);
        day += 1 + Math.floor(rng.exponential(1 / 60));
        if (day > 10407 || rng.uniform() < 0.3) break; // stop after 1998-06-30
      }
    }
    const file = join(dir, 'cdnow_sample.txt');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const ingest = await custops('--format', 'json', 'ingest', file, '--kind', 'orders', '--map', 'number_of_cds=quantity');
    expect(ingest.code).toBe(0);
    const clv = JSON.parse((await custops('--format', 'json', 'segment', 'clv', '--as-of', '1998-06-30')).out);
    // 150 order-only customers keyed by their code; the fixture's own orders are all after 1998
    expect(clv.totals.customers).toBe(150);
    expect(clv.top[0].code).toMatch(/^\d{5}$/);
    const rfm = JSON.parse((await custops('--format', 'json', 'segment', 'pareto', '--as-of', '1998-06-30')).out);
    expect(rfm.results[0].result.revenueCents).toBe(cents);
  });
});
