import { parseDate, parseMoney } from '../clean/index.js';
import type { Kind } from './fields.js';
import type { Value } from './records.js';

const scoreColumns: [string, string][] = [['nps', 'nps_n'], ['csat', 'csat_n'], ['ces', 'ces_n']];
const ticketTimes: [string, string][] = [['opened_at', 'opened_ts'], ['first_response_at', 'first_response_ts'], ['resolved_at', 'resolved_ts']];
/** A customer needs at least one of these. */
const identifying = ['customer_code', 'name', 'given_name', 'family_name', 'phone', 'email', 'company', 'id_number'];

/**
 * The few checks that make a row unusable at import (it goes to rejects, nothing is lost).
 * Everything else (bad phone, odd e-mail) is imported and flagged later by `custops clean`.
 */
export function rejectionFor(kind: Kind, raw: Record<string, string | null>, values: Record<string, Value>): { field: string; reason: string } | null {
  if (kind === 'orders') {
    // a placeholder ("-", "—", "无", "¥ -" as Excel's accounting format shows zero) is missing, not unreadable
    if (values.order_day === null || values.order_day === undefined) {
      if (!raw.order_date || parseDate(raw.order_date).reason === 'empty') return { field: 'order_date', reason: 'order date is missing' };
      return { field: 'order_date', reason: `cannot read the date "${raw.order_date}"` };
    }
    if (values.amount_cents === null || values.amount_cents === undefined) {
      const amount = raw.amount && parseMoney(raw.amount).reason !== 'empty' ? raw.amount : null;
      if (!amount && !raw.unit_price) return { field: 'amount', reason: 'amount is missing' };
      return amount ? { field: 'amount', reason: `cannot read the amount "${raw.amount}"` } : { field: 'unit_price', reason: `cannot read the amount from unit price "${raw.unit_price}" × quantity "${raw.quantity ?? ''}"` };
    }
    return null;
  }
  if (kind === 'feedback') {
    for (const [field, col] of scoreColumns) {
      if (raw[field] && (values[col] === null || values[col] === undefined)) return { field, reason: `"${raw[field]}" is not a valid ${field.toUpperCase()} score` };
    }
    if (!raw.nps && !raw.csat && !raw.ces && !raw.comment) return { field: 'comment', reason: 'no score and no comment' };
    if (raw.submitted_at && !values.submitted_ts) return { field: 'submitted_at', reason: `cannot read the date "${raw.submitted_at}"` };
    return null;
  }
  if (kind === 'tickets') {
    if (!raw.opened_at) return { field: 'opened_at', reason: 'opening time is missing' };
    for (const [field, col] of ticketTimes) if (raw[field] && !values[col]) return { field, reason: `cannot read the time "${raw[field]}"` };
    return null;
  }
  for (const f of identifying) if (raw[f]) return null;
  return { field: 'name', reason: 'no name, code, phone, e-mail or company' };
}
