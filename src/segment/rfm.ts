import { InputError } from '../errors.js';
import { EIGHT_TYPES, RFM_SEGMENTS, type Bilingual } from './labels.js';
import type { EntityMetrics } from './metrics.js';
import { quantileScores } from './score.js';

export type ScoreRange = readonly [number, number];

/** One segment rule: the entity matches when each score lies in its range (inclusive). */
export interface RfmRule {
  /** Segment key: a built-in key (champions, loyal, …) or your own name. */
  name: string;
  r: ScoreRange;
  f: ScoreRange;
  m: ScoreRange;
  label?: Bilingual;
  action?: Bilingual;
}

const ANY: ScoreRange = [1, 5];
const rule = (name: string, r: ScoreRange, f: ScoreRange, m: ScoreRange = ANY): RfmRule => ({ name, r, f, m });

/**
 * Named rule presets, first match wins.
 * - standard: the widely copied R×F map (Champions 5[4-5], Loyal [3-4][4-5], Potential Loyalist
 *   [4-5][2-3], New 51, Promising 41, Need Attention 33, About to Sleep 3[1-2], At Risk [1-2][3-4],
 *   Can't Lose Them [1-2]5, Hibernating [1-2][1-2]) with R rfm's Lost ([1-2][1-2][1-2]) placed
 *   before Hibernating, so all eleven segments are reachable and every cell is covered.
 * - r-rfm: the default bounds of R's rfm_segment() (ten segments on R, F and M), then Others.
 */
export const RFM_PRESETS: Record<string, readonly RfmRule[]> = {
  standard: [
    rule('champions', [5, 5], [4, 5]),
    rule('loyal', [3, 4], [4, 5]),
    rule('potential_loyalist', [4, 5], [2, 3]),
    rule('new', [5, 5], [1, 1]),
    rule('promising', [4, 4], [1, 1]),
    rule('need_attention', [3, 3], [3, 3]),
    rule('about_to_sleep', [3, 3], [1, 2]),
    rule('at_risk', [1, 2], [3, 4]),
    rule('cant_lose', [1, 2], [5, 5]),
    rule('lost', [1, 2], [1, 2], [1, 2]),
    rule('hibernating', [1, 2], [1, 2]),
  ],
  'r-rfm': [
    rule('champions', [4, 5], [4, 5], [4, 5]),
    rule('loyal', [2, 5], [3, 5], [3, 5]),
    rule('potential_loyalist', [3, 5], [1, 3], [1, 3]),
    rule('new', [4, 5], [1, 1], [1, 1]),
    rule('promising', [3, 4], [1, 1], [1, 1]),
    rule('need_attention', [2, 3], [2, 3], [2, 3]),
    rule('about_to_sleep', [2, 3], [1, 2], [1, 2]),
    rule('at_risk', [1, 2], [2, 5], [2, 5]),
    rule('cant_lose', [1, 1], [4, 5], [4, 5]),
    rule('lost', [1, 2], [1, 2], [1, 2]),
  ],
};

export const OTHERS = 'others';

/**
 * Best-to-worst order of the built-in segments, used to call a move between two snapshots an
 * upgrade or a downgrade (custom rule names rank by their position in the rule list).
 */
export const RFM_VALUE_ORDER: readonly string[] = [
  'champions', 'loyal', 'potential_loyalist', 'new', 'promising', 'need_attention',
  'cant_lose', 'at_risk', 'about_to_sleep', 'hibernating', 'lost',
];

/** Rank of a segment for up/downgrades (0 = best), or null for Others. */
export function segmentRank(segment: string, rules: readonly RfmRule[]): number | null {
  if (segment === OTHERS) return null;
  const builtIn = RFM_VALUE_ORDER.indexOf(segment);
  if (builtIn >= 0 && rules.every((r) => RFM_VALUE_ORDER.includes(r.name))) return builtIn;
  const i = rules.findIndex((r) => r.name === segment);
  return i >= 0 ? i : null;
}

/** "4-5", "5" or 5 → [lo, hi] within 1..5. */
export function parseScoreRange(value: string | number): ScoreRange {
  const text = String(value).trim();
  const m = /^([1-5])(?:\s*-\s*([1-5]))?$/.exec(text);
  if (!m) throw InputError.of('rfm.range', { value: JSON.stringify(value) });
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  if (hi < lo) throw InputError.of('rfm.rangeOrder', { value: JSON.stringify(value) });
  return [lo, hi];
}

const inRange = (v: number, [lo, hi]: ScoreRange): boolean => v >= lo && v <= hi;

export function segmentOf(r: number, f: number, m: number, rules: readonly RfmRule[]): string {
  for (const x of rules) if (inRange(r, x.r) && inRange(f, x.f) && inRange(m, x.m)) return x.name;
  return OTHERS;
}

export interface RfmMeans {
  recencyDays: number;
  frequency: number;
  monetaryCents: number;
}

/**
 * Eight-type model on raw values against the population means: recent = fewer days than
 * average, frequent = more orders than average, important = spent more than average
 * (strict comparisons, so a value exactly at the mean counts as below).
 */
export function eightTypeOf(m: Pick<EntityMetrics, 'recencyDays' | 'frequency' | 'monetaryCents'>, means: RfmMeans): string {
  const recent = m.recencyDays < means.recencyDays;
  const frequent = m.frequency > means.frequency;
  const important = m.monetaryCents > means.monetaryCents;
  const kind = recent ? (frequent ? 'value' : 'develop') : frequent ? 'keep' : 'retain';
  return `${important ? 'important' : 'general'}_${kind}`;
}

export interface RfmEntity extends EntityMetrics {
  r: number;
  f: number;
  m: number;
  /** "545" style cell code. */
  cell: string;
  segment: string;
  type8: string;
}

export interface RfmOptions {
  rules?: readonly RfmRule[];
  /** Fewer entities than this → InputError: quintiles of a handful of customers mean nothing. */
  minSample?: number;
}

export interface RfmResult {
  rows: RfmEntity[];
  means: RfmMeans;
}

export function checkSample(n: number, minSample: number): void {
  if (n < minSample) {
    throw InputError.of('rfm.tooFew', { min: minSample, n });
  }
}

export function meansOf(metrics: readonly Pick<EntityMetrics, 'recencyDays' | 'frequency' | 'monetaryCents'>[]): RfmMeans {
  const n = metrics.length || 1;
  let r = 0;
  let f = 0;
  let m = 0;
  for (const x of metrics) {
    r += x.recencyDays;
    f += x.frequency;
    m += x.monetaryCents;
  }
  return { recencyDays: r / n, frequency: f / n, monetaryCents: m / n };
}

/** Scores, named segment and eight-type label for every entity (same order as the input). */
export function rfm(metrics: readonly EntityMetrics[], options: RfmOptions = {}): RfmResult {
  const rules = options.rules ?? RFM_PRESETS.standard;
  checkSample(metrics.length, options.minSample ?? 1);
  const rs = quantileScores(metrics.map((x) => x.recencyDays), 5, false);
  const fs = quantileScores(metrics.map((x) => x.frequency), 5, true);
  const ms = quantileScores(metrics.map((x) => x.monetaryCents), 5, true);
  const means = meansOf(metrics);
  const rows = metrics.map((x, i) => ({
    ...x,
    r: rs[i],
    f: fs[i],
    m: ms[i],
    cell: `${rs[i]}${fs[i]}${ms[i]}`,
    segment: segmentOf(rs[i], fs[i], ms[i], rules),
    type8: eightTypeOf(x, means),
  }));
  return { rows, means };
}

/** Size, revenue and average R/F/M of a group of customers (a segment, a cluster). */
export interface GroupTotals {
  customers: number;
  share: number;
  revenueCents: number;
  revenueShare: number;
  avgRecencyDays: number;
  avgFrequency: number;
  avgMonetaryCents: number;
}

/** One line of the per-segment table. */
export interface SegmentSummary extends GroupTotals {
  segment: string;
}

/** Streaming per-segment totals, so the store path can feed a million rows without keeping them. */
export class SegmentSummaryBuilder {
  private readonly acc = new Map<string, { n: number; cents: number; r: number; f: number }>();

  add(segment: string, x: Pick<EntityMetrics, 'recencyDays' | 'frequency' | 'monetaryCents'>): void {
    let a = this.acc.get(segment);
    if (!a) {
      a = { n: 0, cents: 0, r: 0, f: 0 };
      this.acc.set(segment, a);
    }
    a.n += 1;
    a.cents += x.monetaryCents;
    a.r += x.recencyDays;
    a.f += x.frequency;
  }

  /** Segments in `order` first (those present), then any others by name. */
  finish(order: readonly string[] = []): SegmentSummary[] {
    let n = 0;
    let cents = 0;
    for (const a of this.acc.values()) {
      n += a.n;
      cents += a.cents;
    }
    const keys = [...order.filter((k, i) => this.acc.has(k) && order.indexOf(k) === i), ...[...this.acc.keys()].filter((k) => !order.includes(k)).sort()];
    return keys.map((segment) => {
      const a = this.acc.get(segment)!;
      return {
        segment,
        customers: a.n,
        share: n ? a.n / n : 0,
        revenueCents: a.cents,
        revenueShare: cents ? a.cents / cents : 0,
        avgRecencyDays: a.r / a.n,
        avgFrequency: a.f / a.n,
        avgMonetaryCents: a.cents / a.n,
      };
    });
  }
}

export function summariseBy(rows: readonly RfmEntity[], key: 'segment' | 'type8', order?: readonly string[]): SegmentSummary[] {
  const b = new SegmentSummaryBuilder();
  for (const row of rows) b.add(row[key], row);
  return b.finish(order ?? (key === 'segment' ? [...Object.keys(RFM_SEGMENTS)] : Object.keys(EIGHT_TYPES)));
}

/** Rule order for a rule list, ending with Others. */
export function segmentOrder(rules: readonly RfmRule[]): string[] {
  return [...new Set([...rules.map((r) => r.name), OTHERS])];
}
