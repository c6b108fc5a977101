import type { FeedbackConfig } from './config.js';
import { ces, csat, meanChange, npsChange, nps, proportionChange, type Change } from './metrics.js';
import type { FeedbackRow } from './store.js';

// NPS / CSAT / CES per group: all answers, a period (month, ISO week) or an attribute (channel,
// province, value tier, RFM segment). Small groups are marked, never dropped; periods carry the change
// from the previous period with a significance flag.

export type Cut = 'all' | 'month' | 'week' | 'channel' | 'province' | 'tier' | 'segment';
export const CUTS: readonly Cut[] = ['all', 'month', 'week', 'channel', 'province', 'tier', 'segment'];
export const NO_VALUE = '—';

export interface GroupSummary {
  group: string;
  responses: number;
  comments: number;
  nps_n: number;
  nps: number | null;
  nps_margin: number | null;
  nps_low: number | null;
  nps_high: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  csat_n: number;
  csat: number | null;
  csat_low: number | null;
  csat_high: number | null;
  ces_n: number;
  ces_mean: number | null;
  ces_easy: number | null;
  negative_share: number | null;
  /** Fewer answers than `min_responses`: read with care. */
  small: boolean;
  nps_change?: number | null;
  nps_change_significant?: boolean;
  csat_change?: number | null;
  csat_change_significant?: boolean;
  ces_change?: number | null;
  ces_change_significant?: boolean;
}

interface Bucket {
  nps: number[];
  csat: number[];
  ces: number[];
  responses: number;
  comments: number;
  negative: number;
}

export interface SummaryOptions {
  by: Cut;
  config: FeedbackConfig;
  /** Tier or segment of an entity, for the tier and segment cuts. */
  labelOf?: (entity: number | null) => string | null;
}

export function groupKey(row: FeedbackRow, options: SummaryOptions): string {
  switch (options.by) {
    case 'all':
      return 'all';
    case 'month':
      return row.day ? row.day.slice(0, 7) : NO_VALUE;
    case 'week':
      return row.day ? isoWeek(row.day) : NO_VALUE;
    case 'channel':
      return row.channel ?? NO_VALUE;
    case 'province':
      return row.province ?? NO_VALUE;
    case 'tier':
    case 'segment':
      return options.labelOf?.(row.entity) ?? NO_VALUE;
  }
}

/** ISO-8601 week of a 'YYYY-MM-DD' day: '2025-W03'. */
export function isoWeek(day: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  const weekday = date.getUTCDay() || 7; // Monday 1 … Sunday 7
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export function summarise(rows: Iterable<FeedbackRow>, options: SummaryOptions): GroupSummary[] {
  const buckets = new Map<string, Bucket>();
  for (const row of rows) {
    const key = groupKey(row, options);
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = { nps: [], csat: [], ces: [], responses: 0, comments: 0, negative: 0 }));
    const answered = row.nps !== null || row.csat !== null || row.ces !== null || Boolean(row.comment?.trim());
    if (!answered) continue;
    bucket.responses++;
    if (row.nps !== null) bucket.nps.push(row.nps);
    if (row.csat !== null) bucket.csat.push(row.csat);
    if (row.ces !== null) bucket.ces.push(row.ces);
    if (row.sentiment !== null) {
      bucket.comments++;
      if (row.sentiment === 'negative') bucket.negative++;
    }
  }
  const c = options.config;
  const computed = [...buckets].map(([group, b]) => {
    const n = nps(b.nps);
    const s = csat(b.csat, { min: c.csat.scale_min, max: c.csat.scale_max, topBox: c.csat.top_box });
    const e = ces(b.ces, { min: c.ces.scale_min, max: c.ces.scale_max, easyMin: c.ces.easy_min });
    const summary: GroupSummary = {
      group,
      responses: b.responses,
      comments: b.comments,
      nps_n: n.n,
      nps: round(n.nps, 1),
      nps_margin: round(n.margin, 1),
      nps_low: round(n.low, 1),
      nps_high: round(n.high, 1),
      promoters: n.promoters,
      passives: n.passives,
      detractors: n.detractors,
      csat_n: s.n,
      csat: round(s.share, 4),
      csat_low: round(s.low, 4),
      csat_high: round(s.high, 4),
      ces_n: e.n,
      ces_mean: round(e.mean, 2),
      ces_easy: round(e.easy.share, 4),
      negative_share: b.comments > 0 ? round(b.negative / b.comments, 4) : null,
      small: b.responses < c.min_responses,
    };
    return { summary, n, s, e };
  });
  const periods = options.by === 'month' || options.by === 'week';
  if (periods) {
    computed.sort((a, b) => (a.summary.group === NO_VALUE ? 1 : b.summary.group === NO_VALUE ? -1 : a.summary.group.localeCompare(b.summary.group)));
    for (let k = 1; k < computed.length; k++) {
      const before = computed[k - 1];
      const after = computed[k];
      if (after.summary.group === NO_VALUE || before.summary.group === NO_VALUE) continue;
      // A change involving a small period is shown but never flagged significant: the normal
      // approximation behind the test does not hold there.
      const testable = !before.summary.small && !after.summary.small;
      apply(after.summary, 'nps', npsChange(before.n, after.n), 1, testable);
      apply(after.summary, 'csat', proportionChange(before.s, after.s), 4, testable);
      apply(after.summary, 'ces', meanChange(before.e, after.e), 2, testable);
    }
  } else {
    computed.sort((a, b) => b.summary.responses - a.summary.responses || a.summary.group.localeCompare(b.summary.group));
  }
  return computed.map((x) => x.summary);
}

function apply(summary: GroupSummary, metric: 'nps' | 'csat' | 'ces', change: Change, digits: number, testable: boolean): void {
  summary[`${metric}_change`] = round(change.delta, digits);
  summary[`${metric}_change_significant`] = testable && change.significant;
}

function round(value: number | null, digits: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
