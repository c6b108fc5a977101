import { change, type RetentionSection } from '../model.js';
import { addDays } from '../weeks.js';
import { lifecycleAt } from './segment-runs.js';
import { countedStatusSql, ENTITY, ratio, type SectionInput } from './input.js';

interface Rates {
  retention: number | null;
  repurchase: number | null;
  churn: number | null;
}

/**
 * Rates at the end of each week, over a trailing window of W days (report.rate_window_days):
 * retention = buyers of the window before the last one who bought again in the last one;
 * repurchase = buyers of the last window with two or more orders in it;
 * churn = churned entities (segment lifecycle: no order for churn_days) among all who ever ordered.
 */
export function retentionSection(input: SectionInput): RetentionSection {
  const { db, settings } = input;
  const windowDays = settings.report.rate_window_days;
  const excluded = settings.segment.exclude_status;
  const buyers = db.prepare(
    `WITH b AS (
       SELECT ${ENTITY} AS e,
              SUM(o.order_day > @lastStart) AS n_last,
              SUM(o.order_day <= @lastStart) AS n_before
         FROM orders o JOIN customers c ON c.id = o.customer_id
        WHERE o.order_day > @beforeStart AND o.order_day <= @asOf${countedStatusSql(excluded)}
        GROUP BY 1
     )
     SELECT COALESCE(SUM(n_before > 0), 0) AS before, COALESCE(SUM(n_before > 0 AND n_last > 0), 0) AS retained,
            COALESCE(SUM(n_last > 0), 0) AS last, COALESCE(SUM(n_last > 1), 0) AS repeat
       FROM b`,
  );
  const ratesAt = (asOf: string): Rates => {
    const b = buyers.get({ asOf, lastStart: addDays(asOf, -windowDays), beforeStart: addDays(asOf, -2 * windowDays) }) as Record<string, number>;
    const run = lifecycleAt(input, asOf);
    const churned = run.stages.filter((s) => s.stage === 'churned').reduce((n, s) => n + s.customers, 0);
    return { retention: ratio(b.retained, b.before), repurchase: ratio(b.repeat, b.last), churn: ratio(churned, run.entities) };
  };
  const now = ratesAt(input.week.end);
  const before = ratesAt(input.previousWeek.end);
  return {
    retentionRate: change(now.retention, before.retention),
    churnRate: change(now.churn, before.churn),
    repurchaseRate: change(now.repurchase, before.repurchase),
    windowDays,
    churnDays: settings.segment.lifecycle.churn_days,
    source: 'sql (retention, repurchase); segment.runLifecycle (churn)',
  };
}
