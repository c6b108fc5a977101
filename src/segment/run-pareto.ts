import type { Db } from '../store/db.js';
import { attributeColumn, loadFacts, type AttributeField, type Facts } from './facts.js';
import { ParetoBuilder, type AbcClass, type ParetoOptions, type ParetoResult } from './pareto.js';

export interface ParetoRunOptions extends ParetoOptions {
  asOf: string;
  excludeStatuses: readonly string[];
  by?: AttributeField;
}

export interface ParetoEntityRow {
  entity_id: number;
  rank: number;
  revenue_cents: number;
  cumulative_share: number;
  abc: AbcClass;
}

export interface ParetoRun {
  asOf: string;
  /** One result per group ('' when not grouped), groups by name. */
  results: { group: string; result: ParetoResult }[];
  rows(): Generator<ParetoEntityRow & { group?: string }>;
}

export function runPareto(db: Db, options: ParetoRunOptions): ParetoRun {
  const facts = loadFacts(db, { asOf: options.asOf, excludeStatuses: options.excludeStatuses });
  return paretoOverFacts(facts, options, options.by ? attributeColumn(db, facts, options.by) : undefined);
}

/** Biggest revenue first within each group, ties by entity id. */
export function paretoOverFacts(facts: Facts, options: ParetoOptions, groups?: string[]): ParetoRun {
  const { n, monetary, entityId } = facts;
  const g = (i: number): string => groups?.[i] ?? '';
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (g(a) < g(b) ? -1 : g(a) > g(b) ? 1 : 0) || monetary[b] - monetary[a] || entityId[a] - entityId[b],
  );
  const spans: { group: string; start: number; end: number; total: number }[] = [];
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const last = spans[spans.length - 1];
    if (!last || last.group !== g(i)) spans.push({ group: g(i), start: k, end: k + 1, total: monetary[i] });
    else {
      last.end = k + 1;
      last.total += monetary[i];
    }
  }
  const cls = new Uint8Array(n);
  const results = spans.map((s) => {
    const builder = new ParetoBuilder(s.end - s.start, s.total, options);
    for (let k = s.start; k < s.end; k++) cls[order[k]] = 'ABC'.indexOf(builder.add(monetary[order[k]]));
    return { group: s.group, result: builder.finish() };
  });
  return {
    asOf: facts.asOf,
    results,
    *rows() {
      for (const s of spans) {
        let cum = 0;
        for (let k = s.start; k < s.end; k++) {
          const i = order[k];
          cum += monetary[i];
          yield {
            ...(groups ? { group: s.group } : {}),
            entity_id: entityId[i],
            rank: k - s.start + 1,
            revenue_cents: monetary[i],
            cumulative_share: s.total > 0 ? cum / s.total : 0,
            abc: 'ABC'[cls[i]] as AbcClass,
          };
        }
      }
    },
  };
}
