/**
 * What each kind of rule watches, and the fields its `when` condition may read. Money is in yuan
 * (元) as people write thresholds; text fields compare with == and != ("tier == '重点客户'").
 */
export const RULE_KINDS = ['contract_end', 'no_order', 'activity_drop', 'complaint', 'tier_change'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const CUSTOMER_FIELDS = {
  tier: 'value tier name (segment tier set, e.g. 重点客户)',
  tier_en: 'value tier name in English (e.g. Key)',
  level: 'customer level as imported (客户等级 column)',
  province: 'province',
  city: 'city',
  industry: 'industry',
  channel: 'acquisition channel',
  paid_orders: 'paid orders up to the as-of day',
  spend_12m: 'paid spend in yuan over the 12 months up to the as-of day',
  days_since_paid_order: 'days since the last paid order (empty when never bought)',
  months_since_paid_order: 'whole calendar months since the last paid order (empty when never bought)',
  contract_days_left: 'days from the as-of day to the contract end date (negative once ended; empty without a date)',
} as const;

export const ACTIVITY_FIELDS = {
  declining_weeks: 'consecutive weeks, up to the last complete week, whose activity fell by at least min_drop',
  last_week: 'activity of the last complete week (orders, or revenue in yuan)',
  previous_week: 'activity of the week before it',
  drop: 'share the last week fell compared with the week before (0.1 = 10%)',
} as const;

export const SEGMENT_FIELDS = {
  segment: 'segment value (tier name, channel, province or industry)',
  customers: 'customers in the segment',
  ...ACTIVITY_FIELDS,
} as const;

export const FEEDBACK_FIELDS = {
  nps: 'NPS answer 0–10 (detractor: 0–6)',
  csat: 'CSAT answer',
  ces: 'CES answer',
  sentiment: "sentiment of the comment: 'negative', 'neutral' or 'positive' (empty without a comment)",
  sentiment_score: 'sentiment score −1 … 1',
  feedback_channel: 'channel of the feedback',
  tier: CUSTOMER_FIELDS.tier,
  tier_en: CUSTOMER_FIELDS.tier_en,
  level: CUSTOMER_FIELDS.level,
} as const;

export const TIER_CHANGE_FIELDS = {
  ...CUSTOMER_FIELDS,
  previous_tier: 'value tier at the end of the month `window` months before',
  previous_tier_en: 'previous tier in English',
  tiers_down: 'how many tiers lower the customer is now (negative = upgraded)',
} as const;

/** Field names a rule's condition may use, by kind (activity_drop depends on its scope). */
export function fieldsFor(kind: RuleKind, scope: 'customer' | 'segment' = 'customer'): string[] {
  switch (kind) {
    case 'contract_end':
    case 'no_order':
      return Object.keys(CUSTOMER_FIELDS);
    case 'activity_drop':
      return scope === 'segment' ? Object.keys(SEGMENT_FIELDS) : [...Object.keys(CUSTOMER_FIELDS), ...Object.keys(ACTIVITY_FIELDS)];
    case 'complaint':
      return Object.keys(FEEDBACK_FIELDS);
    case 'tier_change':
      return Object.keys(TIER_CHANGE_FIELDS);
  }
}
