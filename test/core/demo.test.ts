import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runBin, tempDir } from '../helpers/bin.js';

describe('custops demo (built bin)', () => {
  it('generates the messy files, runs every stage and ends with the report tables', () => {
    const cwd = tempDir('custops-demo-');
    const res = runBin(['demo', '--people', '80', '--as-of', '2026-11-18'], { cwd });
    expect(res.code, res.stderr).toBe(0);
    const dir = join(cwd, 'custops-demo');
    for (const file of ['crm_customers.csv', 'shop_members.xlsx', 'orders.csv', 'feedback.xlsx', 'tickets.csv', 'report.html', 'report.xlsx', 'custops.db']) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    // The CRM export really is GBK with a title row: not valid UTF-8.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(join(dir, 'crm_customers.csv')))).toThrow();
    // Every stage ran, and the last week before --as-of is the report's week.
    expect(res.stdout).toMatch(/clean\s+│ ok/);
    expect(res.stdout).toMatch(/dedupe\s+│ ok/);
    expect(res.stdout).toMatch(/rules\s+│ ok/);
    expect(res.stdout).toContain('2026-W46 (2026-11-09 to 2026-11-15)');
    expect(res.stdout).toContain('RFM segments');
    expect(res.stderr).toContain('custops --db custops-demo/custops.db status');

    const db = new Database(join(dir, 'custops.db'), { readonly: true });
    try {
      const one = (sql: string): number => (db.prepare(sql).pluck().get() as number) ?? 0;
      const records = one('SELECT COUNT(*) FROM customers');
      const entities = one('SELECT COUNT(DISTINCT entity_id) FROM customers');
      // 80 people typed into two systems with duplicates: merged back to about 80 entities.
      expect(records).toBeGreaterThan(90);
      expect(entities).toBeGreaterThanOrEqual(76);
      expect(entities).toBeLessThanOrEqual(84);
      expect(one('SELECT COUNT(*) FROM rejects')).toBe(2);
      expect(one('SELECT COUNT(*) FROM orders WHERE customer_id IS NULL')).toBe(0);
      expect(one('SELECT COUNT(*) FROM tasks')).toBeGreaterThan(0);
      expect(one("SELECT COUNT(*) FROM feedback_alerts")).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });
});
