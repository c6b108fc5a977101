import type { Db } from '../store/db.js';
import { attributeColumn, dayStringCache, loadFacts, type AttributeField, type Facts } from './facts.js';
import { EIGHT_TYPES } from './labels.js';
import { Grouped } from './grouped.js';
import { checkSample, eightTypeOf, segmentOf, segmentOrder, SegmentSummaryBuilder, type RfmMeans, type RfmRule, type SegmentSummary } from './rfm.js';
import { quantileScorer } from './score.js';

export interface RfmRunOptions {
  asOf: string;
  excludeStatuses: readonly string[];
  rules: readonly RfmRule[];
  minSample: number;
  by?: AttributeField;
}

/** One entity's RFM line, as exported and snapshotted. */
export interface RfmEntityRow {
  entity_id: number;
  first_day: string;
  last_day: string;
  recency_days: number;
  frequency: number;
  monetary_cents: number;
  r: number;
  f: number;
  m: number;
  cell: string;
  segment: string;
  type8: string;
}

export interface RfmRun {
  asOf: string;
  entities: number;
  means: RfmMeans;
  rules: readonly RfmRule[];
  segments: (SegmentSummary & { group?: string })[];
  types: (SegmentSummary & { group?: string })[];
  rows(): Generator<RfmEntityRow>;
}

/** RFM over the store: one aggregate pass, quintiles on typed columns, labels per entity. */
export function runRfm(db: Db, options: RfmRunOptions): RfmRun {
  const facts = loadFacts(db, { asOf: options.asOf, excludeStatuses: options.excludeStatuses });
  return rfmOverFacts(facts, options, options.by ? attributeColumn(db, facts, options.by) : undefined);
}

export function rfmOverFacts(facts: Facts, options: Pick<RfmRunOptions, 'rules' | 'minSample'>, groups?: string[]): RfmRun {
  const { n } = facts;
  checkSample(n, options.minSample);
  const recency = new Float64Array(n);
  let sumR = 0;
  let sumF = 0;
  let sumM = 0;
  for (let i = 0; i < n; i++) {
    recency[i] = facts.asOfDay - facts.lastDay[i];
    sumR += recency[i];
    sumF += facts.frequency[i];
    sumM += facts.monetary[i];
  }
  const means = { recencyDays: sumR / n, frequency: sumF / n, monetaryCents: sumM / n };
  const rScore = quantileScorer(recency, 5, false);
  const fScore = quantileScorer(facts.frequency, 5, true);
  const mScore = quantileScorer(facts.monetary, 5, true);

  const r = new Int8Array(n);
  const f = new Int8Array(n);
  const m = new Int8Array(n);
  const segmentKeys = segmentOrder(options.rules);
  const segmentIndex = new Map(segmentKeys.map((k, i) => [k, i]));
  const typeKeys = Object.keys(EIGHT_TYPES);
  const typeIndex = new Map(typeKeys.map((k, i) => [k, i]));
  const segment = new Uint8Array(n);
  const type8 = new Uint8Array(n);
  const bySegment = new Grouped(() => new SegmentSummaryBuilder());
  const byType = new Grouped(() => new SegmentSummaryBuilder());
  const line = { recencyDays: 0, frequency: 0, monetaryCents: 0 };
  for (let i = 0; i < n; i++) {
    r[i] = rScore(recency[i]);
    f[i] = fScore(facts.frequency[i]);
    m[i] = mScore(facts.monetary[i]);
    line.recencyDays = recency[i];
    line.frequency = facts.frequency[i];
    line.monetaryCents = facts.monetary[i];
    const s = segmentOf(r[i], f[i], m[i], options.rules);
    const t = eightTypeOf(line, means);
    segment[i] = segmentIndex.get(s)!;
    type8[i] = typeIndex.get(t)!;
    const g = groups?.[i] ?? '';
    bySegment.get(g).add(s, line);
    byType.get(g).add(t, line);
  }
  const grouped = groups !== undefined;
  return {
    asOf: facts.asOf,
    entities: n,
    means,
    rules: options.rules,
    segments: bySegment.finish((b) => b.finish(segmentKeys), grouped),
    types: byType.finish((b) => b.finish(typeKeys), grouped),
    *rows() {
      const toString = dayStringCache();
      for (let i = 0; i < n; i++) {
        yield {
          entity_id: facts.entityId[i],
          first_day: toString(facts.firstDay[i]),
          last_day: toString(facts.lastDay[i]),
          recency_days: recency[i],
          frequency: facts.frequency[i],
          monetary_cents: facts.monetary[i],
          r: r[i],
          f: f[i],
          m: m[i],
          cell: `${r[i]}${f[i]}${m[i]}`,
          segment: segmentKeys[segment[i]],
          type8: typeKeys[type8[i]],
        };
      }
    },
  };
}
