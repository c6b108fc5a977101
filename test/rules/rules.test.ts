import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.js';
import { evaluateRules, runRules } from '../../src/rules/engine.js';
import { closeTask, exportTasks, listTasks } from '../../src/rules/tasks.js';
import { explainTask } from '../../src/rules/explain.js';
import { rulesConfigOf } from '../../src/rules/config.js';
import { wholeMonthsBetween } from '../../src/rules/facts.js';
import { decliningWeeks, fell } from '../../src/rules/kinds/activity.js';
import { addCustomer, addFeedback, addOrder, configWith, memoryStore, taskCount } from './store.js';

const only = (id: string) => configWith({ list: rulesConfigOf(configWith()).list.filter((r) => r.id === id) });
const fired = (db: Db, config: ReturnType<typeof configWith>, asOf: string): string[] =>
  evaluateRules(db, config, asOf).results.flatMap((r) => r.candidates.map((c) => c.customerCode ?? c.subject ?? ''));

let db: Db;
beforeEach(() => {
  db = memoryStore();
});

describe('contract ending (< 30 days → renewal)', () => {
  it('fires at 29 days left, not at 30 or 31', () => {
    addCustomer(db, { code: 'D29', contractEnd: '2025-04-30' });
    addCustomer(db, { code: 'D30', contractEnd: '2025-05-01' });
    addCustomer(db, { code: 'D31', contractEnd: '2025-05-02' });
    addCustomer(db, { code: 'ENDED', contractEnd: '2025-03-31' });
    addCustomer(db, { code: 'NONE' });
    const config = only('contract-renewal');
    expect(fired(db, config, '2025-04-01')).toEqual(['D29']);
    expect(fired(db, config, '2025-04-02')).toEqual(['D29', 'D30']);
    const [c] = evaluateRules(db, config, '2025-04-01').results[0].candidates;
    expect(c.values.contract_days_left).toBe(29);
    expect(c.action).toBe('renewal');
    expect(c.dueTs).toBe('2025-04-08T00:00:00');
    expect(c.key).toBe('contract-renewal|c1|2025-04-30');
  });

  it('gives the task to the customer’s owner when there is one', () => {
    addCustomer(db, { code: 'A', contractEnd: '2025-04-10', owner: '王经理' });
    addCustomer(db, { code: 'B', contractEnd: '2025-04-10' });
    const owners = evaluateRules(db, only('contract-renewal'), '2025-04-01').results[0].candidates.map((c) => c.owner);
    expect(owners).toEqual(['王经理', '客户经理']);
  });
});

describe('churn warning (no paid order for 3 months → win-back)', () => {
  it('counts whole calendar months', () => {
    expect(wholeMonthsBetween('2025-01-15', '2025-04-15')).toBe(3);
    expect(wholeMonthsBetween('2025-01-15', '2025-04-14')).toBe(2);
    expect(wholeMonthsBetween('2025-01-31', '2025-04-30')).toBe(3);
    expect(wholeMonthsBetween('2025-01-31', '2025-04-29')).toBe(2);
  });

  it('fires exactly 3 months after the last paid order, not a day earlier', () => {
    const a = addCustomer(db, { code: 'A' });
    addOrder(db, a, '2024-12-01', 10000);
    addOrder(db, a, '2025-01-15', 10000);
    addOrder(db, a, '2025-03-01', 99900, 'cancelled'); // does not count
    addOrder(db, a, '2025-03-20', 5000, 'refunded');
    const config = only('win-back');
    expect(fired(db, config, '2025-04-14')).toEqual([]);
    expect(fired(db, config, '2025-04-15')).toEqual(['A']);
    const [c] = evaluateRules(db, config, '2025-04-15').results[0].candidates;
    expect(c.values.months_since_paid_order).toBe(3);
    expect(c.key).toBe('win-back|c1|2025-01-15');
  });

  it('counts orders without a status as paid, ignores never-buyers and customers lost a year ago', () => {
    const a = addCustomer(db, { code: 'NOSTATUS' });
    addOrder(db, a, '2025-01-10', 10000, null);
    addCustomer(db, { code: 'NEVER' });
    const old = addCustomer(db, { code: 'LOST' });
    addOrder(db, old, '2024-03-01', 10000);
    expect(fired(db, only('win-back'), '2025-04-15')).toEqual(['NOSTATUS']);
  });
});

describe('activity drop (≥ 5% three weeks in a row → retention)', () => {
  it('recognises a fall of at least the threshold', () => {
    expect(fell(1000, 950, 0.05)).toBe(true);
    expect(fell(1000, 951, 0.05)).toBe(false);
    expect(fell(0, 0, 0.05)).toBe(false);
    expect(decliningWeeks([700, 800, 900, 1000, 500], 0.05)).toBe(3);
    expect(decliningWeeks([700, 800, 1000, 1000], 0.05)).toBe(2);
  });

  // Weeks end on Sundays; as of Monday 2025-03-31 the last complete week is 24–30 March.
  const weekly = (id: number, amounts: number[]): void => {
    const sundays = ['2025-03-02', '2025-03-09', '2025-03-16', '2025-03-23', '2025-03-30'];
    amounts.forEach((cents, i) => addOrder(db, id, sundays[sundays.length - amounts.length + i], cents));
  };
  const weeklyRule = (scope: 'customer' | 'segment') =>
    configWith({ list: [{ id: 'drop', kind: 'activity_drop', scope, measure: 'revenue', window: '1w', min_drop: 0.05, when: 'declining_weeks >= 3', action: 'retention', due: '7d' }] });

  it('fires after three weeks of decline, not two', () => {
    weekly(addCustomer(db, { code: 'THREE' }), [100000, 95000, 90000, 80000]);
    weekly(addCustomer(db, { code: 'TWO' }), [100000, 100000, 90000, 80000]);
    weekly(addCustomer(db, { code: 'FLAT' }), [100000, 100000, 100000, 100000]);
    const [c, ...rest] = evaluateRules(db, weeklyRule('customer'), '2025-03-31').results[0].candidates;
    expect(rest).toEqual([]);
    expect(c.customerCode).toBe('THREE');
    expect(c.values.declining_weeks).toBe(3);
    expect(c.detail.series).toEqual([1000, 950, 900, 800]);
    // The streak began in the week ending 16 March; a fourth week of decline keeps the same task.
    expect(c.key).toBe('drop|c1|2025-03-16');
    expect(explainTask('en', { kind: c.kind, condition: c.condition, facts: JSON.stringify({ values: c.values, detail: c.detail }) })).toBe(
      'weekly revenue fell ≥ 5% 3 weeks in a row: 1000 → 950 → 900 → 800 [declining_weeks=3]',
    );
  });

  it('works on a segment’s summed activity (by value tier)', () => {
    weekly(addCustomer(db, { code: 'S1' }), [60000, 60000, 50000, 40000]);
    weekly(addCustomer(db, { code: 'S2' }), [40000, 35000, 40000, 40000]);
    // Regular tier total: 1000, 950, 900, 800 → three declining weeks.
    const candidates = evaluateRules(db, weeklyRule('segment'), '2025-03-31').results[0].candidates;
    expect(candidates.map((c) => [c.subject, c.values.declining_weeks, c.values.customers])).toEqual([['普通客户', 3, 2]]);
    expect(candidates[0].key).toBe('drop|s:tier=普通客户|2025-03-16');
  });

  it('uses rolling windows for customers by default: a weekly buyer who stopped', () => {
    const id = addCustomer(db, { code: 'STOPPED' });
    for (const day of ['2025-02-10', '2025-02-17', '2025-02-24', '2025-03-03', '2025-03-10']) addOrder(db, id, day, 10000);
    // Rolling 4-week revenue (yuan) at the weeks ending 9, 16, 23, 30 March and 6 April: 400, 400, 300, 200, 100.
    expect(fired(db, only('customer-activity-drop'), '2025-03-31')).toEqual([]);
    const [c] = evaluateRules(db, only('customer-activity-drop'), '2025-04-07').results[0].candidates;
    expect(c.customerCode).toBe('STOPPED');
    expect(c.detail.series).toEqual([400, 300, 200, 100]);
    // Weeks before the three-month win-back would fire.
    expect(fired(db, only('win-back'), '2025-04-07')).toEqual([]);
  });
});

describe('complaints (detractor or negative comment → respond in 48 h, follow up 72 h after)', () => {
  it('fires for NPS 0–6 and negative comments, not for NPS 7 or praise', () => {
    const a = addCustomer(db, { code: 'A' });
    addFeedback(db, a, '2025-04-09T10:00:00', 6);
    addFeedback(db, a, '2025-04-09T11:00:00', 7);
    addFeedback(db, a, '2025-04-09T12:00:00', null, '质量很差，用了两天就坏了，客服也不理人');
    addFeedback(db, a, '2025-04-09T13:00:00', null, '物流很快，包装也很好，非常满意');
    addFeedback(db, a, '2025-03-01T10:00:00', 2); // outside the 14-day window
    const candidates = evaluateRules(db, only('complaint'), '2025-04-10').results[0].candidates;
    expect(candidates.map((c) => c.triggerTs)).toEqual(['2025-04-09T10:00:00', '2025-04-09T12:00:00']);
    expect(candidates.map((c) => c.dueTs)).toEqual(['2025-04-11T10:00:00', '2025-04-11T12:00:00']);
    expect(candidates[1].values.sentiment).toBe('negative');
    expect(candidates[0].owner).toBe('客服组');
  });

  it('creates the follow-up 72 h after the response task is closed, once', () => {
    const a = addCustomer(db, { code: 'A' });
    addFeedback(db, a, '2025-04-09T10:00:00', 3, 'Terrible support');
    const config = configWith();
    const rules = rulesConfigOf(config);
    const first = runRules(db, config, '2025-04-10', { ruleId: 'complaint', now: '2025-04-10T09:00:00' });
    expect(first.created).toHaveLength(1);
    const closed = closeTask(db, first.created[0].id, { now: '2025-04-10T15:30:00', note: '已电话致歉并补发', rules, timeZone: 'Asia/Shanghai' });
    expect(closed.task.status).toBe('done');
    expect(closed.followUp?.due_ts).toBe('2025-04-13T15:30:00');
    expect(closed.followUp?.action).toBe('follow_up');
    expect(closed.followUp?.parent_id).toBe(first.created[0].id);
    expect(() => closeTask(db, first.created[0].id, { now: '2025-04-10T16:00:00', rules, timeZone: 'Asia/Shanghai' })).toThrow(/already done/);
    // A later run sees the closed response but creates neither a second response nor a second follow-up.
    const again = runRules(db, config, '2025-04-11', { ruleId: 'complaint', now: '2025-04-11T09:00:00' });
    expect(again.created).toEqual([]);
    expect(taskCount(db)).toBe(2);
    const history = db.prepare('SELECT event, note FROM task_history WHERE task_id = ? ORDER BY id').all(first.created[0].id);
    expect(history).toEqual([{ event: 'created', note: null }, { event: 'done', note: '已电话致歉并补发' }]);
  });
});

describe('tier downgrade → review', () => {
  it('compares with the tier at the end of last month and reports the change once', () => {
    // 1.2 million yuan makes a Key customer for the 12 months after the order.
    const down = addCustomer(db, { code: 'DOWN' });
    addOrder(db, down, '2024-03-10', 120_000_000);
    const stays = addCustomer(db, { code: 'STAYS' });
    addOrder(db, stays, '2024-06-01', 120_000_000);
    const config = only('tier-downgrade');
    const [c, ...rest] = evaluateRules(db, config, '2025-03-15').results[0].candidates;
    expect(rest).toEqual([]);
    expect(c.customerCode).toBe('DOWN');
    expect(c.values).toMatchObject({ previous_tier: '重点客户', tier: '普通客户', tiers_down: 1 });
    expect(c.detail.baseline).toBe('2025-02-28');
    expect(c.key).toBe('tier-downgrade|c1|2025-03');
    // Still February's snapshot all March; from April the baseline is already the lower tier.
    expect(fired(db, config, '2025-03-31')).toEqual(['DOWN']);
    expect(fired(db, config, '2025-04-02')).toEqual([]);
    expect(fired(db, config, '2025-02-28')).toEqual([]);
  });
});

describe('idempotent runs', () => {
  function seed(): void {
    const a = addCustomer(db, { code: 'A', contractEnd: '2025-04-20', owner: '李娜' });
    addOrder(db, a, '2025-01-02', 50000);
    const b = addCustomer(db, { code: 'B', level: '黄金' });
    addOrder(db, b, '2024-12-20', 80000);
    addFeedback(db, b, '2025-04-08T09:15:00', 2, '退款一直没到账');
  }

  it('test writes nothing; running twice creates nothing new', () => {
    seed();
    const config = configWith();
    const preview = evaluateRules(db, config, '2025-04-10').results.flatMap((r) => r.candidates);
    expect(taskCount(db)).toBe(0);
    expect(preview.map((c) => c.key).sort()).toEqual(['complaint|f1', 'contract-renewal|c1|2025-04-20', 'win-back|c1|2025-01-02', 'win-back|c2|2024-12-20']);
    const first = runRules(db, config, '2025-04-10', { now: '2025-04-10T08:00:00' });
    expect(first.created).toHaveLength(4);
    const second = runRules(db, config, '2025-04-10', { now: '2025-04-10T08:05:00' });
    expect(second.created).toEqual([]);
    expect(second.existing).toBe(4);
    // A later day with the same lapses and contract still creates nothing.
    expect(runRules(db, config, '2025-04-12', { now: '2025-04-12T08:00:00' }).created).toEqual([]);
    expect(taskCount(db)).toBe(4);
    const log = db.prepare('SELECT rule_id, matched, created FROM rule_runs WHERE rule_id = ? ORDER BY id').all('win-back');
    expect(log).toEqual([
      { rule_id: 'win-back', matched: 2, created: 2 },
      { rule_id: 'win-back', matched: 2, created: 0 },
      { rule_id: 'win-back', matched: 2, created: 0 },
    ]);
  });

  it('a closed task is not recreated; a new lapse is a new task', () => {
    seed();
    const config = configWith();
    const first = runRules(db, config, '2025-04-10', { now: '2025-04-10T08:00:00' });
    const winBackA = first.created.find((t) => t.dedup_key === 'win-back|c1|2025-01-02')!;
    closeTask(db, winBackA.id, { now: '2025-04-10T10:00:00', rules: rulesConfigOf(config), timeZone: 'Asia/Shanghai' });
    expect(runRules(db, config, '2025-04-11', { now: '2025-04-11T08:00:00' }).created).toEqual([]);
    addOrder(db, 1, '2025-04-20', 30000);
    const later = runRules(db, config, '2025-07-20', { ruleId: 'win-back', now: '2025-07-20T08:00:00' });
    expect(later.created.map((t) => t.dedup_key)).toEqual(['win-back|c1|2025-04-20']);
  });

  it('lists by owner, due day, overdue and tier, and exports with reasons', () => {
    seed();
    runRules(db, configWith(), '2025-04-10', { now: '2025-04-10T08:00:00' });
    expect(listTasks(db, { owner: '李娜' }).map((t) => t.rule_id)).toEqual(['contract-renewal', 'win-back']);
    expect(listTasks(db, { overdueAt: '2025-04-12T10:00:00' }).map((t) => t.rule_id)).toEqual(['complaint']);
    expect(listTasks(db, { dueBy: '2025-04-17' }).map((t) => t.rule_id)).toEqual(['complaint', 'contract-renewal']);
    expect(listTasks(db, { tier: '普通客户' })).toHaveLength(4);
    expect(listTasks(db, { tier: 'regular' })).toHaveLength(4);
    expect(listTasks(db, { tier: '战略客户' })).toHaveLength(0);
    expect(listTasks(db, { status: 'done' })).toHaveLength(0);
    const { columns, rows } = exportTasks(db, 'zh');
    expect(columns.map((c) => c.key)).toContain('reason');
    const exported = [...rows];
    expect(exported).toHaveLength(4);
    const renewal = exported.find((r) => r.rule_id === 'contract-renewal')!;
    expect(renewal.reason).toBe('合同 2025-04-20 到期，还剩 10 天 [contract_days_left=10]');
    expect(renewal.owner).toBe('李娜');
  });
});
