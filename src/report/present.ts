import { createTranslator, type Lang } from '../output/i18n.js';
import { messages } from '../output/messages/report.js';
import type { Change, WeeklyReport } from './model.js';
import type { Better, ValueFormat } from './format.js';

/**
 * The report laid out for people, once, for every human format: each section has its headline
 * numbers (with week-over-week change), its tables and its charts, all with translated words.
 * Renderers (terminal, Markdown, HTML, XLSX) only decide how these look.
 */
export interface KpiRow {
  key: string;
  label: string;
  change: Change;
  format: ValueFormat;
  better: Better;
  /** How the number is defined, when that is not obvious. */
  hint?: string;
}

export type CellFormat = ValueFormat | 'text' | 'date' | 'bool';

export interface TableColumn {
  key: string;
  header: string;
  format: CellFormat;
}

export interface ReportTable {
  id: string;
  title: string;
  columns: TableColumn[];
  rows: Record<string, unknown>[];
}

export type ChartSpec =
  | { type: 'bar'; id: string; title: string; labels: string[]; values: number[]; format: ValueFormat }
  | { type: 'line'; id: string; title: string; labels: string[]; series: { name: string; values: (number | null)[] }[]; format: ValueFormat }
  | { type: 'pareto'; id: string; title: string; points: { x: number; y: number }[] }
  | { type: 'heatmap'; id: string; title: string; rowLabels: string[]; columnLabels: string[]; values: (number | null)[][]; format: ValueFormat }
  | { type: 'matrix'; id: string; title: string; rowLabels: string[]; columnLabels: string[]; values: number[][]; corner: string };

export interface PresentedSection {
  id: string;
  title: string;
  kpis: KpiRow[];
  tables: ReportTable[];
  charts: ChartSpec[];
  /** One-line facts under the title (e.g. "the top 20% bring 64% of revenue"). */
  lines: string[];
  /** Set when the section has nothing to show, saying why. */
  unavailable?: string;
}

export interface PresentedReport {
  lang: Lang;
  title: string;
  period: string;
  versus: string;
  generated: string;
  sections: PresentedSection[];
  notes: { section: string; message: string }[];
}

const t = createTranslator(messages);

export function presentReport(r: WeeklyReport): PresentedReport {
  const { lang } = r;
  const tr = (key: string, vars?: Record<string, string | number>): string => t(lang, key, vars);
  const col = (key: string, header: string, format: CellFormat = 'text'): TableColumn => ({ key, header: tr(header), format });
  const kpi = (key: string, label: string, change: Change, format: ValueFormat, better: Better, hint?: string): KpiRow => ({ key, label: tr(label), change, format, better, hint });
  const section = (id: string, parts: Partial<PresentedSection>): PresentedSection => ({ id, title: tr(`sec.${id}`), kpis: [], tables: [], charts: [], lines: [], ...parts });
  const unavailable = (reason?: string): string => reason ?? tr('report.unavailable');
  const noteFor = (id: string): string | undefined => r.notes.find((n) => n.section === id)?.message;

  const sections: PresentedSection[] = [];

  sections.push(
    section('customers', {
      kpis: [
        kpi('customers.total', 'm.total', r.customers.total, 'int', 'up'),
        kpi('customers.new', 'm.new', r.customers.new, 'int', 'up'),
        kpi('customers.merged', 'm.merged', r.customers.mergedDuplicates, 'int', 'none'),
        kpi('customers.quality', 'm.quality', r.customers.dataQualityScore, 'score', 'up'),
      ],
    }),
  );

  const trendLabels = r.orders.trend.map((w) => w.label.slice(5));
  sections.push(
    section('orders', {
      kpis: [
        kpi('orders.orders', 'm.orders', r.orders.orders, 'int', 'up'),
        kpi('orders.revenue', 'm.revenue', r.orders.revenueCents, 'money', 'up'),
        kpi('orders.buyers', 'm.buyers', r.orders.buyers, 'int', 'up'),
        kpi('orders.aov', 'm.aov', r.orders.averageOrderCents, 'money', 'up'),
      ],
      charts: [
        { type: 'bar', id: 'revenue-trend', title: `${tr('m.revenue')} · ${tr('report.trendTitle', { n: r.orders.trend.length })}`, labels: trendLabels, values: r.orders.trend.map((w) => w.revenueCents), format: 'money' },
      ],
      tables: [
        {
          id: 'orders-trend',
          title: tr('report.trendTitle', { n: r.orders.trend.length }),
          columns: [col('week', 'col.week'), col('start', 'col.start', 'date'), col('end', 'col.end', 'date'), col('orders', 'col.orders', 'int'), col('revenue', 'col.revenue', 'money'), col('buyers', 'col.buyers', 'int')],
          rows: r.orders.trend.map((w) => ({ week: w.label, start: w.start, end: w.end, orders: w.orders, revenue: w.revenueCents, buyers: w.buyers })),
        },
      ],
    }),
  );

  const k = r.retention;
  const months = k.periodMonths;
  sections.push(
    section('retention', {
      kpis: [
        kpi('retention.retention', 'm.retention', k.retentionRate, 'percent', 'up', tr('def.retention', { n: months, base: k.retentionBase })),
        kpi('retention.churn', 'm.churn', k.churnRate, 'percent', 'down', tr('def.churn', { n: months, base: k.retentionBase })),
        kpi('retention.repurchase', 'm.repurchase', k.repurchaseRate, 'percent', 'up', tr('def.repurchase', { n: k.repurchaseMonths, base: k.repurchaseBase })),
        kpi('retention.firstResponse', 'm.firstResponse', k.firstResponseMinutes, 'minutes', 'down', tr('def.firstResponse', { n: months, base: k.respondedTickets })),
        kpi('retention.sla', 'm.sla', k.slaAttainment, 'percent', 'up', tr('def.sla', { n: months, base: k.slaTickets })),
      ],
      lines: k.clvMethod === null ? [] : [tr(k.clvMethod === 'model' ? 'def.clvModel' : 'def.clvHistorical', { months: k.clvHorizonMonths })],
      tables:
        k.clvByTier.length === 0
          ? []
          : [
              {
                id: 'clv-by-tier',
                title: tr('report.clvTitle'),
                columns: [col('tier', 'col.tier'), col('customers', 'col.customers', 'int'), col('clv', 'col.clv', 'money'), col('previous', 'col.prevClv', 'money')],
                rows: k.clvByTier.map((x) => ({ tier: x.label, customers: x.customers, clv: x.valueCents, previous: x.previousValueCents })),
              },
            ],
    }),
  );

  const groupTable = (id: string, title: string, first: string, rows: WeeklyReport['tiers']['rows']): ReportTable => ({
    id,
    title,
    columns: [col('label', first), col('customers', 'col.customers', 'int'), col('previous', 'col.prevCustomers', 'int'), col('share', 'col.share', 'percent'), col('revenue', 'col.revenue', 'money'), col('revenueShare', 'col.revenueShare', 'percent')],
    rows: rows.map((g) => ({ label: g.label, customers: g.customers, previous: g.previousCustomers, share: g.share, revenue: g.revenueCents, revenueShare: g.revenueShare })),
  });

  sections.push(
    r.tiers.available
      ? section('tiers', {
          tables: [groupTable('tiers', r.tiers.title, 'col.tier', r.tiers.rows)],
          charts: [{ type: 'bar', id: 'tiers-bar', title: `${r.tiers.title} · ${tr('col.customers')}`, labels: r.tiers.rows.map((g) => g.label), values: r.tiers.rows.map((g) => g.customers), format: 'int' }],
        })
      : section('tiers', { unavailable: unavailable(noteFor('tiers')) }),
  );

  sections.push(
    r.rfm.available
      ? section('rfm', {
          tables: [groupTable('rfm', r.rfm.title, 'col.segment', r.rfm.rows)],
          charts: r.rfm.grid
            ? [
                {
                  type: 'heatmap',
                  id: 'rfm-grid',
                  title: tr('report.gridTitle'),
                  rowLabels: [...r.rfm.grid.recencyScores].reverse().map((s) => `R${s}`),
                  columnLabels: r.rfm.grid.frequencyScores.map((s) => `F${s}`),
                  values: [...r.rfm.grid.customers].reverse(),
                  format: 'int',
                },
              ]
            : [],
        })
      : section('rfm', { unavailable: unavailable(noteFor('rfm')) }),
  );

  sections.push(
    r.pareto.available
      ? section('pareto', {
          lines: r.pareto.top20RevenueShare === null ? [] : [tr('report.top20', { share: `${(r.pareto.top20RevenueShare * 100).toFixed(1)}%` })],
          charts: [{ type: 'pareto', id: 'pareto', title: tr('report.paretoTitle'), points: r.pareto.points.map((p) => ({ x: p.customerShare, y: p.revenueShare })) }],
        })
      : section('pareto', { unavailable: unavailable(noteFor('pareto')) }),
  );

  sections.push(presentMigration(r, tr, col, unavailable(noteFor('migration'))));

  sections.push(
    r.churn.available
      ? section('churn', {
          kpis: [kpi('churn.warnings', 'm.warnings', r.churn.total, 'int', 'down'), kpi('churn.valueAtRisk', 'm.valueAtRisk', r.churn.valueAtRiskCents, 'money', 'down')],
          tables: [
            {
              id: 'churn',
              title: tr('sec.churn'),
              columns: [col('code', 'col.code'), col('name', 'col.name'), col('tier', 'col.tier'), col('lastOrder', 'col.lastOrder', 'date'), col('days', 'col.daysSince', 'int'), col('orders', 'col.orders', 'int'), col('revenue', 'col.revenue', 'money'), col('risk', 'col.valueAtRisk', 'money')],
              rows: r.churn.rows.map((w) => ({ code: w.code, name: w.name, tier: w.tier, lastOrder: w.lastOrderDay, days: w.daysSinceLastOrder, orders: w.orders, revenue: w.revenueCents, risk: w.valueAtRiskCents })),
            },
          ],
        })
      : section('churn', { unavailable: unavailable(noteFor('churn')) }),
  );

  const trendWeeks = r.feedback.trend.map((w) => w.label.slice(5));
  sections.push(
    section('feedback', {
      kpis: [
        kpi('feedback.responses', 'm.responses', r.feedback.responses, 'int', 'none'),
        kpi('feedback.nps', 'm.nps', r.feedback.nps.value, 'score', 'up', r.feedback.nps.margin === null ? undefined : `n=${r.feedback.nps.n}, ±${r.feedback.nps.margin.toFixed(1)}`),
        kpi('feedback.csat', 'm.csat', r.feedback.csat.value, 'percent', 'up', r.feedback.csat.margin === null ? undefined : `n=${r.feedback.csat.n}, ±${(r.feedback.csat.margin * 100).toFixed(1)} pp`),
        kpi('feedback.ces', 'm.ces', r.feedback.ces.value, 'decimal', 'up', r.feedback.ces.margin === null ? undefined : `n=${r.feedback.ces.n}, ±${r.feedback.ces.margin.toFixed(2)}`),
      ],
      charts: [
        { type: 'line', id: 'nps-trend', title: `NPS · ${tr('report.trendTitle', { n: trendWeeks.length })}`, labels: trendWeeks, series: [{ name: 'NPS', values: r.feedback.trend.map((w) => w.nps) }], format: 'score' },
        { type: 'line', id: 'csat-trend', title: `CSAT · ${tr('report.trendTitle', { n: trendWeeks.length })}`, labels: trendWeeks, series: [{ name: 'CSAT', values: r.feedback.trend.map((w) => w.csat) }], format: 'percent' },
      ],
      tables: [
        {
          id: 'feedback-trend',
          title: tr('report.trendTitle', { n: trendWeeks.length }),
          columns: [col('week', 'col.week'), col('responses', 'col.responses', 'int'), col('nps', 'm.nps', 'score'), col('csat', 'm.csat', 'percent'), col('ces', 'm.ces', 'decimal')],
          rows: r.feedback.trend.map((w) => ({ week: w.label, responses: w.responses, nps: w.nps, csat: w.csat, ces: w.ces })),
        },
      ],
    }),
  );

  sections.push(
    r.topics.available
      ? section('topics', {
          tables: [
            {
              id: 'topics',
              title: tr('sec.topics'),
              columns: [col('topic', 'col.topic'), col('mentions', 'col.mentions', 'int'), col('share', 'col.share', 'percent'), col('negative', 'col.negShare', 'percent'), col('impact', 'col.npsImpact', 'score')],
              rows: r.topics.rows.map((x) => ({ topic: x.label, mentions: x.mentions, share: x.share, negative: x.negativeShare, impact: x.npsImpact })),
            },
          ],
          charts: r.topics.heatmap
            ? [{ type: 'heatmap', id: 'topic-heat', title: tr('report.heatTitle'), rowLabels: r.topics.heatmap.rows.map((x) => x.label), columnLabels: r.topics.heatmap.columns.map((c) => c.slice(5)), values: r.topics.heatmap.rows.map((x) => x.values), format: 'percent' }]
            : [],
        })
      : section('topics', { unavailable: unavailable(noteFor('topics') ?? noteFor('feedback')) }),
  );

  sections.push(
    r.alerts.available
      ? section('alerts', {
          kpis: [kpi('alerts.open', 'm.alertsOpen', r.alerts.open, 'int', 'down'), kpi('alerts.overdue', 'm.alertsOverdue', r.alerts.overdue, 'int', 'down'), kpi('alerts.raised', 'm.alertsRaised', r.alerts.raised, 'int', 'down')],
          tables: [
            {
              id: 'alerts',
              title: tr('sec.alerts'),
              columns: [col('customer', 'col.name'), col('code', 'col.code'), col('tier', 'col.tier'), col('reasons', 'col.reasons'), col('score', 'col.score'), col('comment', 'col.comment'), col('due', 'col.due'), col('overdue', 'col.overdue', 'bool'), col('status', 'col.status')],
              rows: r.alerts.rows.map((a) => ({ ...a, reasons: a.reasons.join(', '), due: a.due?.replace('T', ' ').slice(0, 16) ?? null })),
            },
          ],
        })
      : section('alerts', { unavailable: unavailable(noteFor('alerts')) }),
  );

  sections.push(
    r.tasks.available
      ? section('tasks', {
          kpis: [kpi('tasks.open', 'm.tasksOpen', { current: r.tasks.open, previous: null, delta: null, deltaPct: null }, 'int', 'down'), kpi('tasks.overdue', 'm.tasksOverdue', { current: r.tasks.overdue, previous: null, delta: null, deltaPct: null }, 'int', 'down')],
          tables: [
            {
              id: 'tasks',
              title: tr('sec.tasks'),
              columns: [col('due', 'col.due'), col('overdue', 'col.overdue', 'bool'), col('action', 'col.action'), col('customer', 'col.name'), col('tier', 'col.tier'), col('owner', 'col.owner'), col('reason', 'col.reason')],
              rows: r.tasks.rows.map((x) => ({ ...x, due: x.due.replace('T', ' ').slice(0, 16) })),
            },
          ],
        })
      : section('tasks', { unavailable: unavailable(noteFor('tasks')) }),
  );

  return {
    lang,
    title: tr('report.title'),
    period: tr('report.period', { week: r.week.label, start: r.week.start, end: r.week.end }),
    versus: tr('report.versus', { week: r.previousWeek.label, start: r.previousWeek.start, end: r.previousWeek.end }),
    generated: tr('report.generated', { at: r.generatedAt.slice(0, 16).replace('T', ' ') }),
    sections,
    notes: r.notes.map((n) => ({ section: tr(`sec.${n.section}`), message: n.message })),
  };
}

function presentMigration(
  r: WeeklyReport,
  tr: (key: string, vars?: Record<string, string | number>) => string,
  col: (key: string, header: string, format?: CellFormat) => TableColumn,
  unavailableText: string,
): PresentedSection {
  const base = { id: 'migration', title: tr('sec.migration'), kpis: [], tables: [], charts: [], lines: [] };
  const m = r.migration;
  if (!m.available) return { ...base, unavailable: unavailableText };
  const keys = [...m.categories.map((c) => c.key)];
  const labels = new Map(m.categories.map((c) => [c.key, c.label]));
  const hasOther = m.cells.some((c) => c.from === '' || c.to === '');
  if (hasOther) keys.push('');
  const label = (key: string, side: 'from' | 'to'): string => (key === '' ? (side === 'from' ? tr('report.newCustomer') : tr('label.unmatched')) : (labels.get(key) ?? key));
  const values = keys.map((f) => keys.map((to) => m.cells.filter((c) => c.from === f && c.to === to).reduce((n, c) => n + c.customers, 0)));
  return {
    ...base,
    lines: [`${m.from} → ${m.to}: ${tr('report.upDown', { up: m.upgraded, down: m.downgraded })}`],
    charts: [{ type: 'matrix', id: 'migration', title: tr('report.migrationFrom'), rowLabels: keys.map((k) => label(k, 'from')), columnLabels: keys.map((k) => label(k, 'to')), values, corner: `${tr('col.from')} \\ ${tr('col.to')}` }],
    tables: [
      {
        id: 'migration',
        title: tr('sec.migration'),
        columns: [col('from', 'col.from'), col('to', 'col.to'), col('customers', 'col.customers', 'int')],
        rows: m.cells
          .filter((c) => c.customers > 0)
          .sort((a, b) => keys.indexOf(a.from) - keys.indexOf(b.from) || keys.indexOf(a.to) - keys.indexOf(b.to))
          .map((c) => ({ from: label(c.from, 'from'), to: label(c.to, 'to'), customers: c.customers })),
      },
    ],
  };
}
