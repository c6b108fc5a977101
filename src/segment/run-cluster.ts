import type { Db } from '../store/db.js';
import { loadFacts, type Facts } from './facts.js';
import { clusterColumns, type ClusterOptions, type ClusterResult } from './kmeans.js';

export type ExtraFeature = 'tenure_days' | 'aov';

export interface ClusterRunOptions extends ClusterOptions {
  asOf: string;
  excludeStatuses: readonly string[];
  extraFeatures?: readonly ExtraFeature[];
}

export interface ClusterEntityRow {
  entity_id: number;
  cluster: number;
  recency_days: number;
  frequency: number;
  monetary_cents: number;
}

export interface ClusterRun extends Omit<ClusterResult, 'clusters'> {
  asOf: string;
  entities: number;
  rows(): Generator<ClusterEntityRow>;
}

export function runCluster(db: Db, options: ClusterRunOptions): ClusterRun {
  return clusterOverFacts(loadFacts(db, { asOf: options.asOf, excludeStatuses: options.excludeStatuses }), options);
}

export function clusterOverFacts(facts: Facts, options: ClusterOptions & { extraFeatures?: readonly ExtraFeature[] }): ClusterRun {
  const { n } = facts;
  const recency = Float64Array.from({ length: n }, (_, i) => facts.asOfDay - facts.lastDay[i]);
  const extra: Record<string, Float64Array> = {};
  for (const name of options.extraFeatures ?? []) {
    // log1p is applied to every extra feature: tenure and order value are skewed like R/F/M.
    extra[name] = Float64Array.from({ length: n }, (_, i) => (name === 'tenure_days' ? facts.asOfDay - facts.firstDay[i] : facts.monetary[i] / 100 / facts.frequency[i]));
  }
  const result = clusterColumns({ n, recencyDays: recency, frequency: facts.frequency, monetaryCents: facts.monetary, extra }, { ...options, logExtra: true });
  const { clusters, ...rest } = result;
  return {
    ...rest,
    asOf: facts.asOf,
    entities: n,
    *rows() {
      for (let i = 0; i < n; i++) {
        yield { entity_id: facts.entityId[i], cluster: clusters[i], recency_days: recency[i], frequency: facts.frequency[i], monetary_cents: facts.monetary[i] };
      }
    },
  };
}
