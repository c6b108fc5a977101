import type { Config } from '../config.js';
import { defaultSegmentConfig, rfmRules, tierSets, type SegmentConfig } from '../segment/config.js';
import { runRfm } from '../segment/run-rfm.js';
import { runTiers } from '../segment/run-tiers.js';
import type { Db } from '../store/db.js';

// Value tier and RFM segment per entity, from the segment stage (src/segment), for the tier and
// segment cuts of feedback scores and for per-tier follow-up deadlines. Entities follow the store's
// convention: COALESCE(customers.entity_id, -customers.id).

export type LabelKind = 'tier' | 'segment';

export function segmentConfigOf(config: Config): SegmentConfig {
  const section = (config as Partial<Record<'segment', SegmentConfig>>).segment;
  return section ?? defaultSegmentConfig();
}

/** Entity → tier name (first tier set, or `tierSet`) or RFM segment name, as of a day. */
export function entityLabels(db: Db, kind: LabelKind, options: { config: Config; asOf: string; tierSet?: string }): Map<number, string> {
  const segment = segmentConfigOf(options.config);
  const out = new Map<number, string>();
  if (kind === 'tier') {
    const sets = tierSets(segment);
    const name = options.tierSet ?? Object.keys(sets)[0];
    if (!name || !sets[name]) return out;
    const run = runTiers(db, { asOf: options.asOf, excludeStatuses: segment.exclude_status, sets: { [name]: sets[name] } });
    for (const row of run.rows()) {
      const tier = row.tiers[name];
      if (tier) out.set(row.entity_id, tier);
    }
    return out;
  }
  const run = runRfm(db, { asOf: options.asOf, excludeStatuses: segment.exclude_status, rules: rfmRules(segment), minSample: segment.rfm.min_sample });
  for (const row of run.rows()) out.set(row.entity_id, row.segment);
  return out;
}
