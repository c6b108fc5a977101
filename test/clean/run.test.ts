import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { section } from '../../src/clean/config.js';
import { listIssues } from '../../src/clean/issues.js';
import { runClean } from '../../src/clean/run.js';
import { openStore, type Db } from '../../src/store/db.js';

const config = section.parse(undefined);
const today = '2025-06-30';
let db: Db;

function addSource(kind: string): number {
  return Number(
    db.prepare(`INSERT INTO sources (path, name, sha256, size, kind, format, imported_at) VALUES (?, ?, 'x', 1, ?, 'csv', '2025-06-01')`)
      .run(`/data/${kind}.csv`, `${kind}.csv`, kind).lastInsertRowid,
  );
}

function insert(kind: string, sourceId: number, rows: Record<string, string | null>[]): number[] {
  return rows.map((row, i) => {
    const cols = Object.keys(row);
    const sql = `INSERT INTO ${kind} (source_id, line, row_hash, updated_at, ${cols.join(', ')}) VALUES (?, ?, ?, '2025-06-01', ${cols.map(() => '?').join(', ')})`;
    return Number(db.prepare(sql).run(sourceId, i + 2, `h${kind}${i}`, ...cols.map((c) => row[c])).lastInsertRowid);
  });
}

const customers = [
  { customer_code: 'C001', name: '張 偉', phone: '138-1234-5678', email: 'ZhangWei@QQ.com', province: '廣東省', city: '深圳市', registered_at: '2025年3月5日' },
  { customer_code: 'C002', name: 'SMITH, John', phone: '1381234567', email: 'john@gmial.com', province: '', city: '', registered_at: '2025-02-30' },
  { customer_code: 'C003', name: '李娜', phone: '', email: '', province: '浙江', city: '杭州', registered_at: '45356' },
  { customer_code: 'C003', name: '王芳', phone: '0755-88886666', email: 'wf@163.com', province: '', city: '', registered_at: '2030-01-01' },
  { customer_code: 'C005', name: '', phone: '13912345678', email: 'x@qq.con', province: '火星', city: '', registered_at: '' },
];

beforeEach(() => {
  db = openStore(':memory:');
  insert('customers', addSource('customers'), customers);
});
afterEach(() => db.close());

function issuesOf(kind = 'customers') {
  return db.prepare(`SELECT record_id, field, problem, fixed FROM clean_issues WHERE kind = ? ORDER BY record_id, field, problem`).all(kind);
}

describe('runClean', () => {
  it('normalises, records issues and scores every field', () => {
    const result = runClean(db, config, { today });
    const run = result.kinds.find((k) => k.kind === 'customers')!;
    expect(run).toMatchObject({ full: true, processed: 5 });
    const c1 = db.prepare('SELECT * FROM customers WHERE id = 1').get() as Record<string, unknown>;
    expect(c1).toMatchObject({ name: '張 偉', name_key: '张伟', phone_e164: '+8613812345678', email_norm: 'zhangwei@qq.com', province_norm: '广东', city_norm: '深圳', registered_date: '2025-03-05', dirty: 0 });
    const c4 = db.prepare('SELECT province_norm, city_norm FROM customers WHERE id = 4').get();
    expect(c4).toEqual({ province_norm: '广东', city_norm: '深圳' });

    expect(issuesOf()).toEqual([
      { record_id: 2, field: 'email', problem: 'email_typo', fixed: 0 },
      { record_id: 2, field: 'phone', problem: 'phone_invalid', fixed: 0 },
      { record_id: 2, field: 'registered_at', problem: 'date_invalid', fixed: 0 },
      { record_id: 3, field: 'customer_code', problem: 'duplicate_value', fixed: 0 },
      { record_id: 3, field: 'phone|email', problem: 'required_missing', fixed: 0 },
      { record_id: 4, field: 'customer_code', problem: 'duplicate_value', fixed: 0 },
      { record_id: 4, field: 'registered_at', problem: 'out_of_range', fixed: 0 },
      { record_id: 5, field: 'email', problem: 'email_typo', fixed: 0 },
      { record_id: 5, field: 'name', problem: 'required_missing', fixed: 0 },
      { record_id: 5, field: 'province', problem: 'province_unknown', fixed: 0 },
    ]);

    const score = run.score;
    expect(score).toMatchObject({ records: 5, incomplete: 2, errors: 10, warnings: 0, fixed: 0 });
    const field = (f: string) => score.fields.find((x) => x.field === f);
    expect(field('customer_code')).toEqual({ field: 'customer_code', present: 5, completeness: 1, validity: 1, uniqueness: 0.8, errors: 2 });
    expect(field('name')).toMatchObject({ present: 4, completeness: 0.8, validity: 1 });
    expect(field('phone')).toEqual({ field: 'phone', present: 4, completeness: 0.8, validity: 0.75, uniqueness: 1, errors: 1 });
    expect(field('email')).toEqual({ field: 'email', present: 4, completeness: 0.8, validity: 0.5, uniqueness: 1, errors: 2 });
    expect(field('province')).toMatchObject({ present: 4, validity: 0.75 });
    expect(field('city')).toMatchObject({ present: 3, completeness: 0.6, validity: 1 });
    expect(field('registered_at')).toMatchObject({ present: 4, validity: 0.5, errors: 2 });
    expect(field('company')).toBeUndefined();
    expect(score.top[0]).toMatchObject({ field: 'customer_code', problem: 'duplicate_value', count: 2, examples: ['C003'] });
    const typo = score.top.find((p) => p.problem === 'email_typo')!;
    expect(typo).toMatchObject({ count: 2, fixed: 0 });
    expect(typo.examples.sort()).toEqual(['john@gmial.com → john@gmail.com', 'x@qq.con → x@qq.com']);
    // an empty cell has no value: the record code is the example; a rule's bound is the shared message
    expect(score.top.find((p) => p.field === 'name' && p.problem === 'required_missing')).toMatchObject({ examples: ['C005'] });
    expect(score.top.find((p) => p.problem === 'out_of_range')).toMatchObject({ examples: ['2030-01-01'], message: 'above the maximum 2025-06-30' });
    expect(score.top.find((p) => p.problem === 'date_invalid')).toMatchObject({ message: 'unreadable or impossible date (impossible_date)' });
    expect(result.errors).toBe(10);
  });

  it('is idempotent: a second run processes nothing and scores the same', () => {
    const first = runClean(db, config, { today });
    const second = runClean(db, config, { today });
    expect(second.kinds.map((k) => [k.kind, k.full, k.processed])).toEqual([
      ['customers', false, 0],
      ['orders', false, 0],
      ['feedback', false, 0],
    ]);
    expect(second.kinds[0].score).toEqual(first.kinds[0].score);
    expect(issuesOf()).toHaveLength(10);
  });

  it('re-cleans only changed records, and everything when the rules change or --all', () => {
    runClean(db, config, { today });
    db.prepare(`UPDATE customers SET phone = '13812345678', dirty = 1 WHERE id = 2`).run();
    const again = runClean(db, config, { today });
    expect(again.kinds[0]).toMatchObject({ full: false, processed: 1, updated: 1 });
    expect(db.prepare('SELECT phone_e164, phone_ok FROM customers WHERE id = 2').get()).toEqual({ phone_e164: '+8613812345678', phone_ok: 1 });
    expect(issuesOf().filter((i) => (i as { record_id: number }).record_id === 2).map((i) => (i as { problem: string }).problem)).toEqual(['email_typo', 'date_invalid']);

    const stricter = section.parse({ rules: { customers: { required: ['name', 'company'] } } });
    const changed = runClean(db, stricter, { today });
    expect(changed.kinds[0]).toMatchObject({ full: true, processed: 5 });
    expect(changed.kinds[0].score.incomplete).toBe(5);
    expect(runClean(db, stricter, { today, all: true }).kinds[0]).toMatchObject({ full: true, processed: 5, updated: 0 });
  });

  it('applies email fixes only with fix, keeping the raw value, and keeps them applied', () => {
    runClean(db, config, { today });
    expect(db.prepare('SELECT email_norm, email_ok FROM customers WHERE id = 5').get()).toEqual({ email_norm: 'x@qq.con', email_ok: 0 });
    const fixed = runClean(db, config, { today, fix: true });
    expect(fixed.kinds[0]).toMatchObject({ processed: 2, fixesApplied: 2 });
    expect(db.prepare('SELECT email, email_norm, email_ok, email_suggest FROM customers WHERE id = 5').get()).toEqual({
      email: 'x@qq.con', email_norm: 'x@qq.com', email_ok: 1, email_suggest: 'x@qq.com',
    });
    expect(fixed.kinds[0].score).toMatchObject({ errors: 8, fixed: 2 });
    expect(fixed.kinds[0].score.fields.find((f) => f.field === 'email')?.validity).toBe(1);
    // a later plain run, even a full one, keeps the applied fix
    const later = runClean(db, config, { today, all: true });
    expect(later.kinds[0].score).toMatchObject({ errors: 8, fixed: 2 });
    expect(db.prepare('SELECT email_norm FROM customers WHERE id = 5').get()).toEqual({ email_norm: 'x@qq.com' });
    // a new raw email is judged afresh
    db.prepare(`UPDATE customers SET email = 'y@qq.con', dirty = 1 WHERE id = 5`).run();
    runClean(db, config, { today });
    expect(db.prepare('SELECT email_norm, email_ok FROM customers WHERE id = 5').get()).toEqual({ email_norm: 'y@qq.con', email_ok: 0 });
  });

  it('checks patterns, allowed values and numeric ranges from the config', () => {
    const rules = section.parse({
      rules: {
        customers: {
          patterns: { customer_code: '^C\\d{3}$', phone: '^\\+8613' },
          allowed: { province: ['广东', '浙江'] },
          ranges: { annual_revenue: { min: 0, max: 1000 } },
        },
      },
    });
    db.prepare(`UPDATE customers SET customer_code = 'X-9', annual_revenue = '¥1,200.50' WHERE id = 1`).run();
    runClean(db, rules, { today });
    expect(issuesOf().filter((i) => (i as { record_id: number }).record_id === 1)).toEqual([
      { record_id: 1, field: 'annual_revenue', problem: 'out_of_range', fixed: 0 },
      { record_id: 1, field: 'customer_code', problem: 'pattern_mismatch', fixed: 0 },
    ]);
    const rec4 = issuesOf().filter((i) => (i as { record_id: number }).record_id === 4).map((i) => (i as { problem: string }).problem);
    expect(rec4).toContain('pattern_mismatch'); // +86755… is not a 13x mobile
    const rec5 = issuesOf().filter((i) => (i as { record_id: number }).record_id === 5).map((i) => (i as { problem: string }).problem);
    expect(rec5).toEqual(expect.arrayContaining(['value_not_allowed', 'province_unknown']));
  });

  it('refuses rules that name unknown fields', () => {
    const bad = section.parse({ rules: { customers: { required: ['phonee'] } } });
    expect(() => runClean(db, bad, { today })).toThrow(/unknown field "phonee"/);
    expect(db.prepare('SELECT dirty FROM customers WHERE id = 1').get()).toEqual({ dirty: 1 });
  });

  it('cleans orders and feedback and lists issues with their source line', () => {
    insert('orders', addSource('orders'), [
      { order_code: 'O1', order_date: '2025/3/5', amount: '¥1,234.50', status: '交易成功', quantity: '2' },
      { order_code: 'O1', order_date: '2025-02-30', amount: '面议', status: '发货中转', quantity: '-1' },
    ]);
    insert('feedback', addSource('feedback'), [
      { feedback_code: 'F1', submitted_at: '2025-03-05 10:00', nps: '9', comment: 'good' },
      { feedback_code: 'F2', submitted_at: '', nps: '11', comment: '' },
      { feedback_code: 'F3', submitted_at: '2025-03-06', nps: '', comment: '无' },
    ]);
    const result = runClean(db, config, { today });
    expect(db.prepare('SELECT order_day, amount_cents, status_norm, quantity_n FROM orders ORDER BY id').all()).toEqual([
      { order_day: '2025-03-05', amount_cents: 123450, status_norm: 'paid', quantity_n: 2 },
      { order_day: null, amount_cents: null, status_norm: null, quantity_n: -1 },
    ]);
    expect(issuesOf('orders').map((i) => `${(i as { record_id: number }).record_id} ${(i as { field: string }).field} ${(i as { problem: string }).problem}`)).toEqual([
      '1 order_code duplicate_value',
      '2 amount money_invalid',
      '2 order_code duplicate_value',
      '2 order_date date_invalid',
      '2 quantity out_of_range',
      '2 status status_unknown',
    ]);
    expect(issuesOf('feedback').map((i) => `${(i as { field: string }).field} ${(i as { problem: string }).problem}`)).toEqual([
      'nps score_out_of_range',
      'submitted_at required_missing',
      'comment placeholder_value',
      'nps|csat|ces|comment required_missing',
    ]);
    const orders = result.kinds.find((k) => k.kind === 'orders')!.score;
    expect(orders.fields.find((f) => f.field === 'amount')).toMatchObject({ present: 2, validity: 0.5 });
    const issues = [...listIssues(db, ['orders'])];
    expect(issues.find((i) => i.field === 'amount')).toMatchObject({ kind: 'orders', record_id: 2, code: 'O1', source: 'orders.csv', line: 3, field: 'amount', value: '面议', problem: 'money_invalid' });
  });
});
