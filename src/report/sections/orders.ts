import { change, type OrdersSection, type Period, type WeekPoint } from '../model.js';
import { hasLineItems, orderCountSql } from '../../segment/facts.js';
import { trailingWeeks } from '../weeks.js';
import { countedStatusSql, ENTITY, type SectionInput } from './input.js';

interface WeekTotals {
  orders: number;
  revenueCents: number;
  buyers: number;
}

/**
 * Orders and revenue per week: counted orders (excluded statuses as in segment.exclude_status)
 * dated in the week, their amount, and the distinct customers (entities) who placed them.
 * Orders not linked to a customer count as orders and revenue but not as buyers.
 */
export function ordersSection(input: SectionInput): OrdersSection {
  const { db, settings } = input;
  const excluded = settings.segment.exclude_status;
  const stmt = db.prepare(
    `SELECT ${orderCountSql(hasLineItems(db), '', 'o')} AS orders, COALESCE(SUM(o.amount_cents), 0) AS revenueCents,
            COUNT(DISTINCT CASE WHEN c.id IS NULL THEN NULL ELSE ${ENTITY} END) AS buyers
       FROM orders o LEFT JOIN customers c ON c.id = o.customer_id
      WHERE o.order_day BETWEEN @start AND @end${countedStatusSql(excluded)}`,
  );
  const totals = (p: Pick<Period, 'start' | 'end'>): WeekTotals => stmt.get({ start: p.start, end: p.end }) as WeekTotals;
  const now = totals(input.week);
  const before = totals(input.previousWeek);
  const average = (t: WeekTotals): number | null => (t.orders > 0 ? Math.round(t.revenueCents / t.orders) : null);
  const trend: WeekPoint[] = trailingWeeks(input.asOf, settings.report.trend_weeks).map((w) => ({ ...w, ...totals(w) }));
  return {
    orders: change(now.orders, before.orders),
    revenueCents: change(now.revenueCents, before.revenueCents),
    buyers: change(now.buyers, before.buyers),
    averageOrderCents: change(average(now), average(before)),
    excludedStatuses: [...excluded],
    trend,
  };
}
