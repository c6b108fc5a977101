/** The record kinds `custops clean` checks, and how their imported fields map to normalised columns. */
export type CleanKind = 'customers' | 'orders' | 'feedback';
export const cleanKinds: CleanKind[] = ['customers', 'orders', 'feedback'];

/** Raw field → the normalised column beside it (fields without one are checked on their cleaned text). */
export const normalisedColumnOf: Record<CleanKind, Record<string, string>> = {
  customers: {
    name: 'name_norm', phone: 'phone_e164', email: 'email_norm', company: 'company_key', province: 'province_norm', city: 'city_norm',
    registered_at: 'registered_date', birth_date: 'birth_date_norm', contract_end: 'contract_end_date', annual_revenue: 'annual_revenue_cents',
  },
  orders: {
    order_date: 'order_day', amount: 'amount_cents', status: 'status_norm', quantity: 'quantity_n', phone: 'phone_e164', email: 'email_norm',
  },
  feedback: { submitted_at: 'submitted_ts', nps: 'nps_n', csat: 'csat_n', ces: 'ces_n', phone: 'phone_e164', email: 'email_norm' },
};

/** The normalised columns each normaliser writes, in table order. */
export const normalisedColumns: Record<CleanKind, string[]> = {
  customers: ['name_norm', 'name_key', 'phone_e164', 'phone_ok', 'email_norm', 'email_ok', 'email_suggest', 'company_key', 'province_norm', 'city_norm', 'registered_date', 'birth_date_norm', 'contract_end_date', 'annual_revenue_cents'],
  orders: ['order_day', 'amount_cents', 'status_norm', 'quantity_n', 'phone_e164', 'email_norm'],
  feedback: ['submitted_ts', 'nps_n', 'csat_n', 'ces_n', 'phone_e164', 'email_norm'],
};

/** Normalised columns whose value is in cents (rules compare them in yuan). */
export const centColumns = new Set(['amount_cents', 'annual_revenue_cents']);

export const codeFieldOf: Record<CleanKind, string> = { customers: 'customer_code', orders: 'order_code', feedback: 'feedback_code' };

/** Fields whose uniqueness the scorecard always shows. */
export const identityFields: Record<CleanKind, string[]> = {
  customers: ['customer_code', 'phone', 'email'],
  orders: ['order_code'],
  feedback: ['feedback_code'],
};

/** Problems that are worth a look but do not make a value invalid. */
export const warningProblems = new Set(['phone_multiple', 'email_multiple', 'region_mismatch', 'placeholder_value']);

/** Problems that leave the normalised column empty although the cell held a value (it could not be read). */
export const unreadableProblems = [
  'phone_invalid', 'date_invalid', 'money_invalid', 'province_unknown', 'status_unknown', 'quantity_invalid', 'score_invalid', 'score_out_of_range',
];

export function severityOf(problem: string): 'error' | 'warning' {
  return warningProblems.has(problem) ? 'warning' : 'error';
}
