import { InputError } from '../errors.js';
import { compileCondition, type Condition, type FieldValue } from './condition.js';
import { dayNumber, dayString, yearsBetween } from './dates.js';
import type { Bilingual } from './labels.js';

/** One tier: the first rule whose `when` holds names the entity's tier; no `when` = everyone left. */
export interface TierRule {
  name: string;
  en?: string;
  when?: string;
}

export interface TierSet {
  label?: Bilingual;
  rules: TierRule[];
}

/**
 * Fields tier conditions can use. Money is in yuan (元) as people write thresholds, not cents.
 * annual_revenue: the imported annual revenue column (largest among the entity's members), or,
 * when the entity has none, its paid spend over the 12 months up to --as-of.
 */
export const TIER_FIELDS = {
  annual_revenue: 'annual revenue in yuan (imported column, else spend over the last 12 months)',
  years: 'years as a customer: from the earlier of registration and first paid order to --as-of',
  spend: 'total paid spend in yuan up to --as-of',
  spend_12m: 'paid spend in yuan over the 12 months up to --as-of',
  orders: 'number of paid orders up to --as-of',
  orders_12m: 'paid orders in the 12 months up to --as-of',
  aov: 'average order value in yuan',
  recency_days: 'days since the last paid order',
  province: 'province (text)',
  city: 'city (text)',
  industry: 'industry (text)',
  channel: 'channel (text)',
} as const;

export const DEFAULT_TIER_SETS: Record<string, TierSet> = {
  value: {
    label: { zh: '价值分层', en: 'Value tier' },
    rules: [
      { name: '战略客户', en: 'Strategic', when: 'annual_revenue >= 5000000 and years >= 3' },
      // ≥ 5,000,000 but under three years also lands here: big, not yet strategic.
      { name: '重点客户', en: 'Key', when: 'annual_revenue >= 1000000' },
      { name: '普通客户', en: 'Regular' },
    ],
  },
  loyalty: {
    label: { zh: '会员等级', en: 'Loyalty tier' },
    rules: [
      { name: '铂金卡', en: 'Platinum', when: 'spend_12m >= 20000' },
      { name: '金卡', en: 'Gold', when: 'spend_12m >= 5000' },
      { name: '银卡', en: 'Silver', when: 'spend_12m >= 1000' },
      { name: '普通会员', en: 'Member' },
    ],
  },
};

/** Everything the store knows about one entity that tier rules may read. */
export interface EntityProfile {
  entityId: number;
  annualRevenueCents: number | null;
  registeredDay: string | null;
  firstDay: string | null;
  lastDay: string | null;
  orders: number;
  spendCents: number;
  orders12m: number;
  spend12mCents: number;
  province?: string | null;
  city?: string | null;
  industry?: string | null;
  channel?: string | null;
}

export function tierFields(p: EntityProfile, asOf: string): Record<keyof typeof TIER_FIELDS, FieldValue> {
  const asOfN = dayNumber(asOf);
  const starts = [p.registeredDay, p.firstDay].filter((d): d is string => d !== null).map(dayNumber).filter((d) => d <= asOfN);
  return {
    annual_revenue: (p.annualRevenueCents ?? p.spend12mCents) / 100,
    years: starts.length ? yearsBetween(dayString(Math.min(...starts)), asOf) : 0,
    spend: p.spendCents / 100,
    spend_12m: p.spend12mCents / 100,
    orders: p.orders,
    orders_12m: p.orders12m,
    aov: p.orders ? p.spendCents / 100 / p.orders : null,
    recency_days: p.lastDay === null ? null : asOfN - dayNumber(p.lastDay),
    province: p.province ?? null,
    city: p.city ?? null,
    industry: p.industry ?? null,
    channel: p.channel ?? null,
  };
}

export interface CompiledTierSet {
  name: string;
  tiers: { name: string; en: string }[];
  /** Index into tiers of the first matching rule, or -1 when none matches. */
  assign(values: Readonly<Record<string, FieldValue>>): number;
}

export function compileTierSet(name: string, set: TierSet): CompiledTierSet {
  if (set.rules.length === 0) throw InputError.of('tiers.noRules', { name });
  const conditions: (Condition | null)[] = set.rules.map((r) => {
    if (r.when === undefined || r.when.trim() === '') return null;
    try {
      return compileCondition(r.when, Object.keys(TIER_FIELDS));
    } catch (err) {
      throw InputError.of('tiers.badWhen', { name, tier: r.name, reason: (err as Error).message });
    }
  });
  return {
    name,
    tiers: set.rules.map((r) => ({ name: r.name, en: r.en ?? r.name })),
    assign(values) {
      for (let i = 0; i < conditions.length; i++) {
        const c = conditions[i];
        if (c === null || c(values)) return i;
      }
      return -1;
    },
  };
}

export interface TierAssignment {
  entityId: number;
  /** Tier name per set (null when no rule matched). */
  tiers: Record<string, string | null>;
}

export function assignTiers(profiles: readonly EntityProfile[], sets: Record<string, TierSet>, asOf: string): TierAssignment[] {
  const compiled = Object.entries(sets).map(([name, set]) => compileTierSet(name, set));
  return profiles.map((p) => {
    const values = tierFields(p, asOf);
    const tiers: Record<string, string | null> = {};
    for (const c of compiled) {
      const i = c.assign(values);
      tiers[c.name] = i < 0 ? null : c.tiers[i].name;
    }
    return { entityId: p.entityId, tiers };
  });
}
