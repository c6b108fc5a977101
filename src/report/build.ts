import type { Db } from '../store/db.js';
import type { Config } from '../config.js';
import type { Lang } from '../output/i18n.js';
import { createTranslator } from '../output/i18n.js';
import { messages } from '../output/messages/report.js';
import { change, REPORT_SCHEMA_ID, type Note, type WeeklyReport } from './model.js';
import { reportSettings } from './config.js';
import { reportWeeks } from './weeks.js';
import { previousReport } from './store.js';
import type { SectionInput } from './sections/input.js';
import { customersSection } from './sections/customers.js';
import { ordersSection } from './sections/orders.js';
import { retentionSection } from './sections/retention.js';
import { churnSection, migrationSection, paretoSection, rfmSection, tiersSection } from './sections/segments.js';
import { feedbackSection, topicsSection } from './sections/feedback.js';
import { alertsSection, tasksSection } from './sections/followup.js';

const t = createTranslator(messages);

export interface BuildOptions {
  asOf: string;
  lang: Lang;
  config?: Config;
  /** When the report is made (generatedAt); tests pin it. */
  now?: Date;
}

/**
 * Builds the weekly report from the store. Core numbers (customers, orders, revenue, rates) come
 * from SQL over the core tables; the rest from the stages' public functions. A stage section that
 * cannot be computed (stage not run, too few customers) is marked unavailable with a note saying
 * what to run, instead of failing the whole report — a cron job still gets the rest.
 */
export function buildWeeklyReport(db: Db, options: BuildOptions): WeeklyReport {
  const { week, previousWeek } = reportWeeks(options.asOf);
  const notes: Note[] = [];
  const cache = new Map<string, unknown>();
  const input: SectionInput = {
    db,
    asOf: options.asOf,
    week,
    previousWeek,
    lang: options.lang,
    settings: reportSettings(options.config),
    previousReport: previousReport(db, previousWeek),
    notes,
    note: (section, message) => notes.push({ section, message }),
    memo<T>(key: string, make: () => T): T {
      if (!cache.has(key)) cache.set(key, make());
      return cache.get(key) as T;
    },
  };
  const guarded = <T>(section: string, fallback: () => T, build: () => T): T => {
    try {
      return build();
    } catch (err) {
      input.note(section, t(options.lang, 'note.sectionFailed', { reason: (err as Error).message }));
      return fallback();
    }
  };
  const none = change(null, null);

  if (!hasMergedEntities(db)) input.note('customers', t(options.lang, 'note.noDedupe'));
  if (!input.previousReport) input.note('customers', t(options.lang, 'note.noPreviousReport', { week: previousWeek.label }));

  const report: WeeklyReport = {
    $schema: REPORT_SCHEMA_ID,
    kind: 'custops.weekly-report',
    version: 1,
    lang: options.lang,
    generatedAt: (options.now ?? new Date()).toISOString(),
    asOf: options.asOf,
    week,
    previousWeek,
    customers: customersSection(input),
    orders: ordersSection(input),
    retention: guarded(
      'retention',
      () => ({ retentionRate: none, churnRate: none, repurchaseRate: none, firstResponseMinutes: none, slaAttainment: none, retentionBase: 0, repurchaseBase: 0, respondedTickets: 0, slaTickets: 0, periodMonths: 0, repurchaseMonths: 0, clvMethod: null, clvHorizonMonths: 0, clvByTier: [], source: 'failed' }),
      () => retentionSection(input),
    ),
    tiers: guarded('tiers', () => ({ available: false, title: '', rows: [], source: 'failed' }), () => tiersSection(input)),
    rfm: guarded('rfm', () => ({ available: false, title: '', rows: [], grid: null, source: 'failed' }), () => rfmSection(input)),
    pareto: guarded('pareto', () => ({ available: false, points: [], top20RevenueShare: null, source: 'failed' }), () => paretoSection(input)),
    migration: guarded('migration', () => ({ available: false, from: null, to: null, categories: [], cells: [], upgraded: 0, downgraded: 0, source: 'failed' }), () => migrationSection(input)),
    churn: guarded('churn', () => ({ available: false, warningMonths: input.settings.segment.lifecycle.warning_months, total: none, valueAtRiskCents: none, rows: [], source: 'failed' }), () => churnSection(input)),
    feedback: feedbackSection(input),
    topics: guarded('topics', () => ({ available: false, comments: 0, windowDays: input.settings.report.topics_window_days, rows: [], heatmap: null, source: 'failed' }), () => topicsSection(input)),
    alerts: guarded('alerts', () => ({ available: false, open: none, overdue: none, raised: none, rows: [], source: 'failed' }), () => alertsSection(input)),
    tasks: guarded('tasks', () => ({ available: false, open: 0, overdue: 0, horizonDays: input.settings.report.task_horizon_days, rows: [], source: 'failed' }), () => tasksSection(input)),
    notes,
  };
  return report;
}

function hasMergedEntities(db: Db): boolean {
  return db.prepare('SELECT 1 FROM customers WHERE entity_id IS NOT NULL LIMIT 1').get() !== undefined;
}
