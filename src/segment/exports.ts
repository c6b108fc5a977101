import type { Column } from '../output/columns.js';
import type { Lang } from '../output/i18n.js';
import type { Db } from '../store/db.js';
import { rfmRules, tierSets, type SegmentConfig } from './config.js';
import { EIGHT_TYPES, segmentAction, segmentLabel, STAGE_LABELS } from './labels.js';
import { runClv } from './run-clv.js';
import { runLifecycle } from './run-lifecycle.js';
import { runRfm } from './run-rfm.js';
import { runTiers } from './run-tiers.js';

export interface SegmentExportable {
  columns: Column[];
  rows: Iterable<Record<string, unknown>>;
}

export interface SegmentExportOptions {
  config: SegmentConfig;
  asOf: string;
  lang: Lang;
}

const col = (key: string, type?: Column['type']): Column => ({ key, header: key, ...(type ? { type } : {}) });

/**
 * One row per entity for `custops export rfm|tiers|lifecycle|clv`: entity_id, the raw metrics and
 * the labels (stable key plus the label in the interface language). Money columns are cents
 * typed 'money', so writers put yuan in CSV/XLSX. Rows stream from the run's columns.
 */
export function segmentExportables(options: SegmentExportOptions): Record<'rfm' | 'tiers' | 'lifecycle' | 'clv', (db: Db) => SegmentExportable> {
  const { config, asOf, lang } = options;
  const excludeStatuses = config.exclude_status;
  return {
    rfm(db) {
      const rules = rfmRules(config);
      const run = runRfm(db, { asOf, excludeStatuses, rules, minSample: config.rfm.min_sample });
      return {
        columns: [
          col('entity_id', 'int'), col('first_day'), col('last_day'), col('recency_days', 'int'), col('frequency', 'int'), col('monetary', 'money'),
          col('r', 'int'), col('f', 'int'), col('m', 'int'), col('rfm_cell'), col('segment'), col('segment_label'), col('type8'), col('type8_label'), col('action'),
        ],
        rows: (function* () {
          for (const r of run.rows()) {
            yield {
              entity_id: r.entity_id, first_day: r.first_day, last_day: r.last_day, recency_days: r.recency_days, frequency: r.frequency, monetary: r.monetary_cents,
              r: r.r, f: r.f, m: r.m, rfm_cell: r.cell, segment: r.segment, segment_label: segmentLabel(r.segment, lang, rules),
              type8: r.type8, type8_label: EIGHT_TYPES[r.type8].label[lang], action: segmentAction(r.segment, lang, rules),
            };
          }
        })(),
      };
    },
    tiers(db) {
      const sets = tierSets(config);
      const run = runTiers(db, { asOf, excludeStatuses, sets });
      const names = run.sets.map((s) => s.name);
      return {
        columns: [
          col('entity_id', 'int'), col('annual_revenue', 'money'), col('years', 'number'), col('spend', 'money'), col('spend_12m', 'money'),
          col('orders', 'int'), col('orders_12m', 'int'), col('last_day'),
          ...names.flatMap((s) => [col(`tier_${s}`), col(`tier_${s}_en`)]),
        ],
        rows: (function* () {
          for (const r of run.rows()) {
            const row: Record<string, unknown> = {
              entity_id: r.entity_id, annual_revenue: r.annual_revenue_cents, years: r.years, spend: r.spend_cents, spend_12m: r.spend_12m_cents,
              orders: r.orders, orders_12m: r.orders_12m, last_day: r.last_day,
            };
            for (const s of run.sets) {
              const tier = r.tiers[s.name];
              row[`tier_${s.name}`] = tier;
              row[`tier_${s.name}_en`] = tier === null ? null : s.tiers.find((x) => x.name === tier)?.en ?? tier;
            }
            yield row;
          }
        })(),
      };
    },
    lifecycle(db) {
      const l = config.lifecycle;
      const run = runLifecycle(db, { asOf, excludeStatuses, newDays: l.new_days, activeDays: l.active_days, churnDays: l.churn_days, warningMonths: l.warning_months, warnChurned: l.warn_churned });
      return {
        columns: [
          col('entity_id', 'int'), col('first_day'), col('last_day'), col('recency_days', 'int'), col('tenure_days', 'int'), col('frequency', 'int'), col('monetary', 'money'),
          col('stage'), col('stage_label'), col('churn_warning'), col('value_at_risk', 'money'),
        ],
        rows: (function* () {
          for (const r of run.rows()) {
            yield {
              entity_id: r.entity_id, first_day: r.first_day, last_day: r.last_day, recency_days: r.recency_days, tenure_days: r.tenure_days, frequency: r.frequency,
              monetary: r.monetary_cents, stage: r.stage, stage_label: STAGE_LABELS[r.stage][lang], churn_warning: r.warning, value_at_risk: r.value_at_risk_cents,
            };
          }
        })(),
      };
    },
    clv(db) {
      const c = config.clv;
      const run = runClv(db, { asOf, excludeStatuses, unit: c.time_unit, horizonMonths: c.horizon_months, annualDiscountRate: c.annual_discount_rate, margin: c.margin, fitSample: c.fit_sample });
      return {
        columns: [
          col('entity_id', 'int'), col('first_day'), col('last_day'), col('repeat_purchases', 'int'), col(`recency_${c.time_unit}s`, 'number'), col(`age_${c.time_unit}s`, 'number'),
          col('historical', 'money'), col('p_alive', 'number'), col('expected_purchases', 'number'), col('expected_average', 'money'), col('clv', 'money'),
        ],
        rows: (function* () {
          for (const r of run.rows()) {
            yield {
              entity_id: r.entity_id, first_day: r.first_day, last_day: r.last_day, repeat_purchases: r.frequency,
              [`recency_${c.time_unit}s`]: Number(r.recency.toFixed(4)), [`age_${c.time_unit}s`]: Number(r.T.toFixed(4)),
              historical: r.historical_cents, p_alive: Number(r.p_alive.toFixed(6)), expected_purchases: Number(r.expected_purchases.toFixed(6)),
              expected_average: r.expected_average_cents, clv: r.clv_cents,
            };
          }
        })(),
      };
    },
  };
}
