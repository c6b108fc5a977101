import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, tempDir } from '../helpers/bin.js';

const fixtures = resolve(import.meta.dirname, '../../fixtures/clean');

interface FieldScore { field: string; present: number; completeness: number; validity: number | null; uniqueness: number | null; errors: number }
interface KindRun { kind: string; full: boolean; processed: number; updated: number; fixesApplied: number; score: { records: number; incomplete: number; errors: number; warnings: number; fixed: number; fields: FieldScore[]; top: { field: string; problem: string; count: number; examples: string[] }[] } }

describe('custops clean (built bin)', () => {
  it('ingest → clean → scorecard, idempotent, --strict, --output, --fix', () => {
    const dir = tempDir();
    const db = join(dir, 'store.db');
    const ingest = runBin(['--db', db, 'ingest', join(fixtures, 'customers.csv'), join(fixtures, 'orders.csv')], { cwd: dir });
    expect(ingest.code, ingest.stderr).toBe(0);

    const first = runBin(['--db', db, '--format', 'json', 'clean', '--kind', 'customers'], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    const run = (JSON.parse(first.stdout) as { kinds: KindRun[] }).kinds[0];
    expect(run).toMatchObject({ kind: 'customers', full: true, processed: 6 });
    expect(run.score).toMatchObject({ records: 6, incomplete: 2, errors: 9, warnings: 0, fixed: 0 });
    const field = (f: string) => run.score.fields.find((x) => x.field === f);
    expect(field('phone')).toEqual({ field: 'phone', present: 5, completeness: 5 / 6, validity: 0.8, uniqueness: 1, errors: 1 });
    expect(field('email')).toEqual({ field: 'email', present: 5, completeness: 5 / 6, validity: 0.6, uniqueness: 1, errors: 2 });
    expect(field('annual_revenue')).toMatchObject({ present: 5, validity: 0.6, errors: 2 });
    expect(field('customer_code')).toMatchObject({ present: 6, completeness: 1, uniqueness: 1 });
    expect(run.score.top[0]).toMatchObject({ field: 'email', problem: 'email_typo', count: 2 });

    // the second run (all kinds, --strict, --output, Chinese) has nothing to do for customers: same scorecard
    const out = join(dir, 'issues.csv');
    const second = runBin(['--db', db, '--lang', 'zh', '--output', out, 'clean', '--strict'], { cwd: dir });
    expect(second.code, second.stderr).toBe(3);
    expect(second.stdout).toContain('数据质量评分卡 · customers');
    expect(second.stdout).toContain('x@qq.con → x@qq.com');
    expect(second.stdout).toContain('记录 C005');
    expect(second.stdout).toContain('customers：检查 0 条（仅变更），其中重新规范化 0 条，更新 0 条，修正 0 处；共 6 条记录，9 个错误，0 个警告，2 条不完整');
    expect(second.stderr).toContain('校验未通过：9 个错误（--strict）');
    const csv = readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(csv[0]).toBe('类型,记录编号,编码,来源文件,行号,字段,原值,问题,说明,建议,级别,已修正');
    expect(csv).toHaveLength(10);
    expect(csv).toContain('customers,5,C005,customers.csv,6,email,x@qq.con,email_typo,邮箱域名疑似拼写错误,x@qq.com,错误,');
    expect(csv).toContain('customers,2,C002,customers.csv,3,registered_at,2025-02-30,date_invalid,日期无法识别或不存在：没有这一天,,错误,');

    const fix = runBin(['--db', db, '--format', 'json', 'clean', '--fix', '--kind', 'customers'], { cwd: dir });
    const fixed = (JSON.parse(fix.stdout) as { kinds: KindRun[] }).kinds[0];
    expect(fixed).toMatchObject({ processed: 2, fixesApplied: 2 });
    expect(fixed.score).toMatchObject({ errors: 7, fixed: 2 });
    const store = new Database(db, { readonly: true });
    expect(store.prepare(`SELECT email, email_norm, email_ok FROM customers WHERE customer_code = 'C005'`).all()).toEqual([
      { email: 'x@qq.con', email_norm: 'x@qq.com', email_ok: 1 },
    ]);
    store.close();
  });
});
