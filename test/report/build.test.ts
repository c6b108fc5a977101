import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.js';
import { defaultConfig } from '../../src/config.js';
import { buildWeeklyReport } from '../../src/report/build.js';
import { weeklyReportSchema, type WeeklyReport } from '../../src/report/model.js';
import { saveReport } from '../../src/report/store.js';
import { syncFeedback } from '../../src/feedback/sync.js';
import { defaultFeedbackConfig } from '../../src/feedback/config.js';
import { runRules } from '../../src/rules/engine.js';
import { AS_OF, fixtureStore } from './fixture.js';

const NOW = new Date('2025-03-17T08:00:00Z');
let db: Db;
let report: WeeklyReport;

beforeAll(async () => {
  ({ db } = await fixtureStore());
  report = buildWeeklyReport(db, { asOf: AS_OF, lang: 'en', config: defaultConfig(), now: NOW });
});
afterAll(() => db.close());

describe('weekly report numbers on the fixture (hand-computed)', () => {
  it('frames the ISO week up to as-of against the same days a week earlier', () => {
    expect(report.week).toEqual({ label: '2025-W11', start: '2025-03-10', end: '2025-03-16' });
    expect(report.previousWeek).toEqual({ label: '2025-W10', start: '2025-03-03', end: '2025-03-09' });
  });

  it('counts customers: total at each week end and new ones by first sight', () => {
    expect(report.customers.total).toEqual({ current: 7, previous: 5, delta: 2, deltaPct: 0.4 });
    // C3 and C4 this week; C2 registered 03-04 but first ordered 02-01, so was not new last week.
    expect(report.customers.new).toMatchObject({ current: 2, previous: 0, delta: 2 });
    expect(report.customers.records).toBe(7);
    expect(report.customers.dataQualityScore.current).toBeGreaterThan(50);
    expect(report.customers.dataQualityScore.previous).toBeNull();
  });

  it('counts orders and revenue without cancelled and refunded orders', () => {
    expect(report.orders.orders).toMatchObject({ current: 2, previous: 2, delta: 0 });
    expect(report.orders.revenueCents).toMatchObject({ current: 50000, previous: 13000, delta: 37000 });
    expect(report.orders.buyers).toMatchObject({ current: 2, previous: 2 });
    expect(report.orders.averageOrderCents).toMatchObject({ current: 25000, previous: 6500 });
    const last = report.orders.trend[report.orders.trend.length - 1];
    expect(last).toEqual({ label: '2025-W11', start: '2025-03-10', end: '2025-03-16', orders: 2, revenueCents: 50000, buyers: 2 });
    expect(report.orders.trend).toHaveLength(12);
  });

  it('carries the key figures of status --kpi at both week ends', () => {
    const k = report.retention;
    // Bought 2024-09-16…12-16 (the 3 months before the last 3): only C5, who did not come back.
    expect(k.retentionRate).toMatchObject({ current: 0, previous: 0, delta: 0 });
    expect(k.churnRate).toMatchObject({ current: 1, previous: 1 });
    expect(k.retentionBase).toBe(1);
    // Last 12 months: C1 (06-01, 03-11; the 03-15 order was refunded) and C2 (02-01, 03-05) bought on two days,
    // C3 (03-14 cancelled), C5 and C6 on one → 2/5. A week earlier C1 had one day only → C2 of C1, C2, C5, C6.
    expect(k.repurchaseRate).toMatchObject({ current: 0.4, previous: 0.25 });
    expect(k.repurchaseRate.delta).toBeCloseTo(0.15, 10);
    expect(k.repurchaseBase).toBe(5);
    // No service tickets in the fixture: nothing to average, never zero.
    expect(k.firstResponseMinutes).toEqual({ current: null, previous: null, delta: null, deltaPct: null });
    expect(k.slaAttainment.current).toBeNull();
    expect(k.periodMonths).toBe(3);
    expect(k.clvByTier.map((t) => t.label)).toEqual(['Strategic', 'Key', 'Regular']);
    expect(k.clvByTier.reduce((n, t) => n + t.customers, 0)).toBeGreaterThan(0);
  });

  it('lists churn warnings by value at risk, with the week-earlier count', () => {
    expect(report.churn.rows.map((r) => r.code)).toEqual(['C5']);
    expect(report.churn.rows[0]).toMatchObject({ lastOrderDay: '2024-10-01', orders: 1, revenueCents: 500000, valueAtRiskCents: 500000, daysSinceLastOrder: 166 });
    // A week earlier C1 (last order 2024-06-01) was also on the list.
    expect(report.churn.total).toMatchObject({ current: 1, previous: 2 });
  });

  it('scores NPS and CSAT per week', () => {
    expect(report.feedback.responses).toMatchObject({ current: 4, previous: 2 });
    expect(report.feedback.nps.value).toMatchObject({ current: 25, previous: 0, delta: 25 });
    expect(report.feedback.nps.n).toBe(4);
    expect(report.feedback.csat.value).toMatchObject({ current: 0.5, previous: 0.5 });
    expect(report.feedback.ces.value.current).toBeNull();
  });

  it('shows tiers and says why RFM is missing with 6 buyers', () => {
    expect(report.tiers.available).toBe(true);
    expect(report.tiers.rows.reduce((n, r) => n + r.customers, 0)).toBe(7);
    expect(report.rfm.available).toBe(false);
    expect(report.notes.some((n) => n.section === 'rfm')).toBe(true);
    expect(report.migration.available).toBe(true);
    expect(report.migration.cells.reduce((n, c) => n + c.customers, 0)).toBe(7);
  });

  it('marks stage sections not run yet as unavailable with a note', () => {
    expect(report.alerts.available).toBe(true);
    expect(report.alerts.open.current).toBe(0);
    expect(report.topics.available).toBe(false);
    expect(report.notes.map((n) => n.section)).toContain('feedback');
  });

  it('matches its schema', () => {
    expect(weeklyReportSchema.safeParse(report).success).toBe(true);
  });
});

describe('weekly report after the feedback and rules stages ran', () => {
  let after: WeeklyReport;
  beforeAll(() => {
    syncFeedback(db, defaultFeedbackConfig(), { now: `${AS_OF}T23:59:59`, appConfig: defaultConfig() });
    runRules(db, defaultConfig(), AS_OF, { now: `${AS_OF}T23:59:59` });
    after = buildWeeklyReport(db, { asOf: AS_OF, lang: 'zh', config: defaultConfig(), now: NOW });
  });

  it('counts alerts open and overdue at each week end', () => {
    // F6 (2025-03-06, NPS 6, CSAT 2) was due 03-08; F3 (03-13, NPS 3) due 03-15: both overdue now, F6 a week earlier.
    expect(after.alerts.open).toMatchObject({ current: 2, previous: 1 });
    expect(after.alerts.overdue).toMatchObject({ current: 2, previous: 1 });
    expect(after.alerts.raised).toMatchObject({ current: 1, previous: 1 });
    expect(after.alerts.rows.map((r) => r.code).sort()).toEqual(['C3', 'C5']);
    expect(after.alerts.rows.every((r) => r.overdue)).toBe(true);
  });

  it('lists pain points from the analysed comments and upcoming tasks', () => {
    expect(after.topics.available).toBe(true);
    expect(after.topics.rows.length).toBeGreaterThan(0);
    expect(after.topics.rows.map((r) => r.key)).toContain('logistics');
    expect(after.tasks.available).toBe(true);
    expect(after.tasks.open).toBeGreaterThan(0);
    const dues = after.tasks.rows.map((r) => r.due);
    expect(dues).toEqual([...dues].sort());
    expect(after.lang).toBe('zh');
  });

  it('takes last week’s data-quality score and merges from the kept report', () => {
    const lastWeek = buildWeeklyReport(db, { asOf: '2025-03-09', lang: 'en', config: defaultConfig(), now: NOW });
    saveReport(db, { ...lastWeek, customers: { ...lastWeek.customers, dataQualityScore: { ...lastWeek.customers.dataQualityScore, current: 42 } } });
    const next = buildWeeklyReport(db, { asOf: AS_OF, lang: 'en', config: defaultConfig(), now: NOW });
    expect(next.customers.dataQualityScore.previous).toBe(42);
    expect(next.notes.some((n) => n.message.includes('No report kept'))).toBe(false);
  });
});
