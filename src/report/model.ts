import { z } from 'zod';

/**
 * The weekly report as data. Every renderer (terminal, Markdown, HTML, XLSX, JSON) reads this and
 * nothing else, and docs/report-schema.json is generated from these schemas (`z.toJSONSchema`),
 * so the JSON output, its documentation and the types here cannot drift apart.
 *
 * Conventions: money in integer cents (分); rates and shares as fractions 0…1; days 'YYYY-MM-DD';
 * `null` means "cannot be computed" (no data, or the stage has not run), never zero.
 */
export const REPORT_SCHEMA_ID = 'urn:custops:weekly-report:1';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('a day, YYYY-MM-DD');
const num = z.number().nullable();

export const changeSchema = z
  .object({
    current: num.describe('value for the report week (flows) or at its last day (stocks)'),
    previous: num.describe('the same for the previous week'),
    delta: num.describe('current − previous'),
    deltaPct: num.describe('(current − previous) / |previous|, null when previous is 0 or unknown'),
  })
  .strict()
  .describe('A value with its week-over-week change');
export type Change = z.infer<typeof changeSchema>;

export const periodSchema = z
  .object({
    label: z.string().describe('ISO week, e.g. 2025-W47'),
    start: day.describe('Monday of the week'),
    end: day.describe('last day counted (the as-of day, or the same weekday a week earlier)'),
  })
  .strict();
export type Period = z.infer<typeof periodSchema>;

const source = z.string().describe('where the numbers come from: the stage function used, or "sql" for the built-in fallback');

export const noteSchema = z.object({ section: z.string(), message: z.string() }).strict();
export type Note = z.infer<typeof noteSchema>;

export const customersSchema = z
  .object({
    total: changeSchema.describe('customers (entities after de-duplication) known by the end of the week'),
    new: changeSchema.describe('customers first seen in the week (registration or first order)'),
    mergedDuplicates: changeSchema.describe('customer records merged into another record (cumulative); delta = merged this week'),
    records: z.number().int().describe('customer records in the store'),
    dataQualityScore: changeSchema.describe('data-quality score 0–100'),
    qualitySource: source,
    mergeSource: source,
  })
  .strict();

export const weekPointSchema = z
  .object({
    label: z.string(),
    start: day,
    end: day,
    orders: z.number().int(),
    revenueCents: z.number(),
    buyers: z.number().int(),
  })
  .strict();
export type WeekPoint = z.infer<typeof weekPointSchema>;

export const ordersSchema = z
  .object({
    orders: changeSchema.describe('counted orders placed in the week (cancelled/refunded excluded)'),
    revenueCents: changeSchema,
    buyers: changeSchema.describe('distinct customers who ordered'),
    averageOrderCents: changeSchema,
    excludedStatuses: z.array(z.string()),
    trend: z.array(weekPointSchema).describe('the last weeks, oldest first; the last one is the report week'),
  })
  .strict();

export const retentionSchema = z
  .object({
    retentionRate: changeSchema.describe('of the customers who bought in the periodMonths before the last periodMonths, the share who bought again in the last periodMonths'),
    churnRate: changeSchema.describe('1 − retentionRate: of the same customers, the share with no purchase in the last periodMonths'),
    repurchaseRate: changeSchema.describe('of the buyers of the last repurchaseMonths, the share who bought on two or more days'),
    firstResponseMinutes: changeSchema.describe('mean elapsed minutes to the first response, service tickets opened in the last periodMonths'),
    slaAttainment: changeSchema.describe('share of the tickets opened in the last periodMonths that met their service level (first response and resolution)'),
    retentionBase: z.number().int().describe('customers the retention and churn rates are shares of'),
    repurchaseBase: z.number().int().describe('buyers the repurchase rate is a share of'),
    respondedTickets: z.number().int(),
    slaTickets: z.number().int().describe('tickets with a met/breached outcome'),
    periodMonths: z.number().int(),
    repurchaseMonths: z.number().int(),
    clvMethod: z.enum(['model', 'historical']).nullable().describe('model: BG/NBD + Gamma-Gamma over clvHorizonMonths; historical: paid spend to date'),
    clvHorizonMonths: z.number().int(),
    clvByTier: z
      .array(
        z
          .object({
            key: z.string(),
            label: z.string(),
            customers: z.number().int(),
            valueCents: num.describe('mean CLV at the end of the report week'),
            previousValueCents: num.describe('the same a week earlier'),
          })
          .strict(),
      )
      .describe('customer lifetime value by value tier, best tier first'),
    source,
  })
  .strict()
  .describe('the key figures of `custops status --kpi`, with their week-over-week change');

export const groupRowSchema = z
  .object({
    key: z.string().describe('stable id of the tier or segment'),
    label: z.string().describe('name in the report language'),
    customers: z.number().int(),
    previousCustomers: z.number().int().nullable(),
    share: z.number(),
    revenueCents: z.number(),
    revenueShare: z.number(),
  })
  .strict();
export type GroupRow = z.infer<typeof groupRowSchema>;

export const groupsSchema = z
  .object({
    available: z.boolean(),
    title: z.string().describe('which tier set or RFM scheme'),
    rows: z.array(groupRowSchema),
    source,
  })
  .strict();
export type Groups = z.infer<typeof groupsSchema>;

export const rfmGridSchema = z
  .object({
    recencyScores: z.array(z.number().int()),
    frequencyScores: z.array(z.number().int()),
    customers: z.array(z.array(z.number().int())).describe('customers[r−1][f−1]'),
  })
  .strict();

export const paretoSchema = z
  .object({
    available: z.boolean(),
    points: z.array(z.object({ customerShare: z.number(), revenueShare: z.number() }).strict()).describe('Lorenz-style curve, customers sorted by revenue, best first'),
    top20RevenueShare: num.describe('share of revenue from the top 20% customers'),
    source,
  })
  .strict();

export const migrationSchema = z
  .object({
    available: z.boolean(),
    from: day.nullable(),
    to: day.nullable(),
    categories: z.array(z.object({ key: z.string(), label: z.string() }).strict()).describe('tiers, best first'),
    cells: z.array(z.object({ from: z.string(), to: z.string(), customers: z.number().int() }).strict()).describe('customers per (from tier, to tier); "" = not yet a customer / unranked'),
    upgraded: z.number().int(),
    downgraded: z.number().int(),
    source,
  })
  .strict();

export const churnWarningSchema = z
  .object({
    entityId: z.number().int(),
    code: z.string().nullable(),
    name: z.string().nullable(),
    tier: z.string().nullable(),
    lastOrderDay: day.nullable(),
    daysSinceLastOrder: z.number().int().nullable(),
    orders: z.number().int(),
    revenueCents: z.number(),
    valueAtRiskCents: z.number(),
  })
  .strict();

export const churnSchema = z
  .object({
    available: z.boolean(),
    warningMonths: z.number().int(),
    total: changeSchema.describe('customers on the churn warning list'),
    valueAtRiskCents: changeSchema,
    rows: z.array(churnWarningSchema).describe('the top ones by value at risk'),
    source,
  })
  .strict();

export const scoreSchema = z
  .object({
    value: changeSchema,
    n: z.number().int().describe('answers in the report week'),
    margin: num.describe('95% margin of error (NPS points, or share for CSAT)'),
  })
  .strict();

export const feedbackSchema = z
  .object({
    responses: changeSchema,
    nps: scoreSchema.describe('NPS −100…100'),
    csat: scoreSchema.describe('CSAT: share of top-box answers, 0…1'),
    ces: scoreSchema.describe('CES: mean score on the configured scale'),
    trend: z
      .array(z.object({ label: z.string(), start: day, responses: z.number().int(), nps: num, csat: num, ces: num }).strict())
      .describe('the last weeks, oldest first'),
    source,
  })
  .strict();

export const topicsSchema = z
  .object({
    available: z.boolean(),
    comments: z.number().int().describe('comments analysed over the topic window'),
    windowDays: z.number().int(),
    rows: z
      .array(
        z
          .object({
            key: z.string(),
            label: z.string(),
            mentions: z.number().int(),
            share: z.number(),
            negativeShare: num,
            npsImpact: num.describe('NPS points the topic costs (negative) or adds'),
          })
          .strict(),
      )
      .describe('top pain points first'),
    heatmap: z
      .object({ columns: z.array(z.string()), rows: z.array(z.object({ label: z.string(), values: z.array(num) }).strict()) })
      .strict()
      .nullable()
      .describe('negative share per topic (rows) and week (columns)'),
    source,
  })
  .strict();

export const alertRowSchema = z
  .object({
    id: z.number().int(),
    customer: z.string().nullable(),
    code: z.string().nullable(),
    tier: z.string().nullable(),
    reasons: z.array(z.string()),
    score: z.string().describe('NPS / CSAT shown as text, e.g. "NPS 3"'),
    comment: z.string().nullable(),
    due: z.string().nullable(),
    overdue: z.boolean(),
    status: z.string(),
  })
  .strict();

export const alertsSchema = z
  .object({
    available: z.boolean(),
    open: changeSchema,
    overdue: changeSchema,
    raised: changeSchema.describe('alerts raised in the week'),
    rows: z.array(alertRowSchema).describe('open alerts, overdue first'),
    source,
  })
  .strict();

export const taskRowSchema = z
  .object({
    id: z.number().int(),
    due: z.string(),
    overdue: z.boolean(),
    action: z.string(),
    customer: z.string().nullable(),
    tier: z.string().nullable(),
    owner: z.string(),
    reason: z.string(),
  })
  .strict();

export const tasksSchema = z
  .object({
    available: z.boolean(),
    open: z.number().int(),
    overdue: z.number().int(),
    horizonDays: z.number().int(),
    rows: z.array(taskRowSchema).describe('open tasks due within the horizon (and overdue ones), soonest first'),
    source,
  })
  .strict();

export const weeklyReportSchema = z
  .object({
    $schema: z.literal(REPORT_SCHEMA_ID),
    kind: z.literal('custops.weekly-report'),
    version: z.literal(1),
    lang: z.enum(['zh', 'en']),
    generatedAt: z.string().describe('ISO timestamp'),
    asOf: day,
    week: periodSchema,
    previousWeek: periodSchema,
    customers: customersSchema,
    orders: ordersSchema,
    retention: retentionSchema,
    tiers: groupsSchema,
    rfm: groupsSchema.extend({ grid: rfmGridSchema.nullable() }),
    pareto: paretoSchema,
    migration: migrationSchema,
    churn: churnSchema,
    feedback: feedbackSchema,
    topics: topicsSchema,
    alerts: alertsSchema,
    tasks: tasksSchema,
    notes: z.array(noteSchema).describe('what could not be computed and how to fix it'),
  })
  .strict()
  .describe('custops weekly report (`custops report weekly --output report.json`)');

export type WeeklyReport = z.infer<typeof weeklyReportSchema>;
export type CustomersSection = z.infer<typeof customersSchema>;
export type OrdersSection = z.infer<typeof ordersSchema>;
export type RetentionSection = z.infer<typeof retentionSchema>;
export type RfmSection = WeeklyReport['rfm'];
export type ParetoSection = z.infer<typeof paretoSchema>;
export type MigrationSection = z.infer<typeof migrationSchema>;
export type ChurnSection = z.infer<typeof churnSchema>;
export type FeedbackSection = z.infer<typeof feedbackSchema>;
export type TopicsSection = z.infer<typeof topicsSchema>;
export type AlertsSection = z.infer<typeof alertsSchema>;
export type TasksSection = z.infer<typeof tasksSchema>;

/** The JSON Schema of the JSON output (docs/report-schema.json is this, pretty-printed). */
export function reportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(weeklyReportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $id: REPORT_SCHEMA_ID, title: 'custops weekly report', ...schema };
}

export function change(current: number | null, previous: number | null): Change {
  const delta = current !== null && previous !== null ? current - previous : null;
  const deltaPct = delta !== null && previous !== null && previous !== 0 ? delta / Math.abs(previous) : null;
  return { current, previous, delta, deltaPct };
}
