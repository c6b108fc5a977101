import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDemoDataset } from '../../src/demo/dataset.js';
import { runBin, tempDir } from '../helpers/bin.js';

// Needs the wiring in src/cli.ts, src/config.ts, src/store/migrations/index.ts, src/store/exportables.ts
// and src/commands/status.ts (see the rules stage notes), and a build: npx tsc -p tsconfig.build.json.

const asOf = '2025-06-30';
let dir: string;
const custops = (...args: string[]) => runBin(['--db', join(dir, 'store.db'), ...args], { cwd: dir });
const query = <T = Record<string, unknown>>(sql: string): T[] => {
  const db = new Database(join(dir, 'store.db'), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  dir = tempDir('custops-rules-e2e-');
  const { files } = await writeDemoDataset({ dir, asOf });
  expect(files.some((f) => f.endsWith('tickets.csv'))).toBe(true);
  const res = custops('ingest', ...files);
  expect(res.code, res.stderr).toBe(0);
}, 120_000);

// Each bin start costs a second or more: the checks are grouped into few invocations (details are
// covered by the stage tests).
describe('custops rules / tasks / service (built bin, demo data)', () => {
  it('rules test shows what would fire and why, and writes nothing', () => {
    const res = custops('rules', 'test', '--as-of', asOf, '--format', 'json');
    expect(res.code, res.stderr).toBe(0);
    const out = JSON.parse(res.stdout) as { candidates: { ruleId: string; exists: boolean; why: string }[] };
    expect(out.candidates.length).toBeGreaterThan(10);
    expect(out.candidates.every((c) => !c.exists && c.why.length > 0)).toBe(true);
    expect(out.candidates.find((c) => c.ruleId === 'win-back')?.why).toMatch(/last paid order \d{4}-\d{2}-\d{2}, no paid order for \d+ months \[months_since_paid_order=\d+ days_since_paid_order=\d+\]/);
    expect(query('SELECT COUNT(*) AS n FROM tasks')).toEqual([{ n: 0 }]);
  });

  it('rules run creates tasks once; a second run creates nothing; tasks lists them', () => {
    const first = custops('rules', 'run', '--as-of', asOf, '--format', 'json');
    expect(first.code, first.stderr).toBe(0);
    const created = (JSON.parse(first.stdout) as { created: unknown[] }).created.length;
    expect(created).toBeGreaterThan(10);
    const second = custops('rules', 'run', '--as-of', asOf);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain(`0 tasks created, ${created} already existed.`);
    expect(query('SELECT COUNT(*) AS n FROM tasks')).toEqual([{ n: created }]);
    const zh = custops('--lang', 'zh', 'tasks', '--overdue', '--now', '2025-07-20');
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toMatch(/跟进任务（\d+）/);
    expect(zh.stdout).toContain('逾期');
    expect(zh.stdout).toContain('挽回');
  });

  it('tasks done closes a complaint response and creates its follow-up', () => {
    const [{ id }] = query<{ id: number }>("SELECT id FROM tasks WHERE rule_id = 'complaint' ORDER BY id LIMIT 1");
    const done = custops('tasks', 'done', String(id), '--note', 'called the customer');
    expect(done.code, done.stderr).toBe(0);
    expect(done.stderr).toContain(`Task #${id} done.`);
    expect(done.stderr).toMatch(/Follow-up task #\d+ created, due \d{4}-\d{2}-\d{2} \d{2}:\d{2}\./);
    expect(query(`SELECT event, note FROM task_history WHERE task_id = ${id} ORDER BY id`)).toEqual([
      { event: 'created', note: null },
      { event: 'done', note: 'called the customer' },
    ]);
    expect(query(`SELECT action, status FROM tasks WHERE parent_id = ${id}`)).toEqual([{ action: 'follow_up', status: 'open' }]);
  });

  it('service sla reports attainment by level and lists breaches', () => {
    const res = custops('service', 'sla', '--as-of', asOf);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('SLA summary');
    expect(res.stdout).toMatch(/Strategic \/ gold|Key \/ silver|Others/);
    expect(res.stdout).toMatch(/Breaches \(\d+\)/);
  });

  it('status --kpi shows the key figures', () => {
    const res = custops('status', '--kpi', '--as-of', asOf, '--format', 'json');
    expect(res.code, res.stderr).toBe(0);
    const k = JSON.parse(res.stdout) as { retention: { rate: number }; sla: { rate: number }; clvByTier: unknown[] };
    expect(k.retention.rate).toBeGreaterThan(0);
    expect(k.sla.rate).toBeGreaterThan(0);
    expect(k.clvByTier).toHaveLength(3);
    const zh = custops('--lang', 'zh', 'status', '--kpi', '--as-of', asOf);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toContain(`关键指标（截至 ${asOf}）`);
    expect(zh.stdout).toContain(`${(k.retention.rate * 100).toFixed(1)}%`);
    expect(zh.stdout).toMatch(/SLA 达成率\s*│\s*\d+\.\d%/);
    expect(zh.stdout).toMatch(/客户终身价值（战略客户）\s*│\s*(¥[\d,]+\.\d\d|—)/);
  });

  it('a bad rule in custops.yaml fails with file, line and key', () => {
    const config = join(dir, 'bad.yaml');
    writeFileSync(config, 'rules:\n  list:\n    - id: x\n      kind: no_order\n      when: "nps <= 6"\n      action: win_back\n      due: 7d\n');
    const res = custops('--config', config, 'rules', 'test', '--as-of', asOf);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/bad\.yaml:5: rules\.list\.0\.when: bad condition "nps <= 6" at column 1: unknown field nps/);
  });
});
