import type { Db } from '../store/db.js';
import { attributeColumn, loadFacts, type AttributeField, type Facts } from './facts.js';
import { Grouped } from './grouped.js';
import { growthOf, growthWindows, median, quadrantOf, QuadrantSummaryBuilder, type MatrixOptions, type Quadrant, type QuadrantSummary } from './matrix.js';

export interface MatrixRunOptions extends MatrixOptions {
  asOf: string;
  excludeStatuses: readonly string[];
  by?: AttributeField;
}

export interface MatrixEntityRow {
  entity_id: number;
  value_cents: number;
  recent_cents: number;
  previous_cents: number;
  growth: number | null;
  quadrant: Quadrant;
}

export interface MatrixRun {
  asOf: string;
  windowMonths: number;
  recentStart: string;
  previousStart: string;
  valueThresholdCents: number;
  growthThreshold: number;
  quadrants: (QuadrantSummary & { group?: string })[];
  rows(): Generator<MatrixEntityRow>;
}

export function runMatrix(db: Db, options: MatrixRunOptions): MatrixRun {
  const windowMonths = options.windowMonths ?? 6;
  const windows = growthWindows(options.asOf, windowMonths);
  const facts = loadFacts(db, { asOf: options.asOf, excludeStatuses: options.excludeStatuses, windows });
  return matrixOverFacts(facts, { ...options, windowMonths }, options.by ? attributeColumn(db, facts, options.by) : undefined);
}

export function matrixOverFacts(facts: Facts, options: MatrixOptions, groups?: string[]): MatrixRun {
  const { n } = facts;
  const recent = facts.recent!;
  const previous = facts.previous!;
  const threshold = options.valueThreshold ?? 'median';
  let line: number;
  if (typeof threshold === 'number') line = Math.round(threshold * 100);
  else if (n === 0) line = 0;
  else if (threshold === 'mean') line = facts.monetary.reduce((s, v) => s + v, 0) / n;
  else line = median(Float64Array.from(facts.monetary).sort());
  const growthThreshold = options.growthThreshold ?? 0;
  const quadrant = new Uint8Array(n);
  const quadrantKeys: Quadrant[] = ['high_value', 'growing', 'at_risk', 'potential'];
  const grouped = new Grouped(() => new QuadrantSummaryBuilder());
  const row = (i: number): MatrixEntityRow => {
    const growth = growthOf(recent[i], previous[i]);
    return { entity_id: facts.entityId[i], value_cents: facts.monetary[i], recent_cents: recent[i], previous_cents: previous[i], growth, quadrant: quadrantKeys[quadrant[i]] };
  };
  for (let i = 0; i < n; i++) {
    const growth = growthOf(recent[i], previous[i]);
    const q = quadrantOf(facts.monetary[i], growth, line, growthThreshold);
    quadrant[i] = quadrantKeys.indexOf(q);
    grouped.get(groups?.[i] ?? '').add({ entityId: facts.entityId[i], valueCents: facts.monetary[i], recentCents: recent[i], previousCents: previous[i], growth, quadrant: q });
  }
  const windows = growthWindows(facts.asOf, options.windowMonths ?? 6);
  return {
    asOf: facts.asOf,
    windowMonths: options.windowMonths ?? 6,
    ...windows,
    valueThresholdCents: line,
    growthThreshold,
    quadrants: grouped.finish((b) => b.finish(), groups !== undefined),
    *rows() {
      for (let i = 0; i < n; i++) yield row(i);
    },
  };
}
