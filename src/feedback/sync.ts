import type { Config } from '../config.js';
import type { Db } from '../store/db.js';
import { raiseAlerts } from './alerts.js';
import type { FeedbackConfig } from './config.js';
import { entityLabels } from './labels.js';
import { analyseFeedback, type AnalysisSummary } from './store.js';

export interface SyncResult extends AnalysisSummary {
  raised: number;
}

/**
 * Brings the analysis and the follow-up list up to date: new or changed comments are analysed, new
 * qualifying feedback raises items (deadline by the customer's value tier when tiers can be computed).
 */
export function syncFeedback(db: Db, config: FeedbackConfig, options: { now: string; appConfig: Config; runId?: number }): SyncResult {
  const analysis = analyseFeedback(db, config);
  const raised = raiseAlerts(db, config, {
    now: options.now,
    runId: options.runId,
    tierOf: customerTierLookup(db, options.appConfig, options.now.slice(0, 10), config.alerts.tier_set),
  });
  return { ...analysis, raised };
}

/** Customer id → tier name, computed on first use; null when tiers cannot be computed (no orders yet). */
export function customerTierLookup(db: Db, appConfig: Config, asOf: string, tierSet?: string): (customerId: number | null) => string | null {
  let tiers: Map<number, string> | null | undefined;
  const entityOf = db.prepare('SELECT COALESCE(entity_id, -id) AS e FROM customers WHERE id = ?');
  return (customerId) => {
    if (customerId === null) return null;
    if (tiers === undefined) {
      try {
        tiers = entityLabels(db, 'tier', { config: appConfig, asOf, tierSet });
      } catch {
        tiers = null;
      }
    }
    if (!tiers) return null;
    const row = entityOf.get(customerId) as { e: number } | undefined;
    return row ? (tiers.get(row.e) ?? null) : null;
  };
}
