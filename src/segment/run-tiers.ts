import type { Db } from '../store/db.js';
import { conditionFields } from './condition.js';
import { yearsBetween } from './dates.js';
import { ATTRIBUTE_FIELDS, dayCache, dayStringCache, entityAttributes, indexOfEntity, isOrderOnlyEntity, loadFacts, type AttributeField, type EntityAttributesRow, type Facts } from './facts.js';
import { Grouped } from './grouped.js';
import type { FieldValue } from './condition.js';
import { compileTierSet, type CompiledTierSet, type TIER_FIELDS, type TierSet } from './tiers.js';

export interface TiersRunOptions {
  asOf: string;
  excludeStatuses: readonly string[];
  sets: Record<string, TierSet>;
  by?: AttributeField;
}

export interface TierSummary {
  set: string;
  /** Tier name (as written in the rules, usually Chinese), or null for entities no rule matched. */
  tier: string | null;
  tierEn: string | null;
  /** Position of the tier in its rule list (0 = first, highest); null when unmatched. */
  rank: number | null;
  customers: number;
  share: number;
  revenueCents: number;
  revenueShare: number;
  avgRevenueCents: number;
}

/** One entity's tier line, as exported and snapshotted. Money in cents. */
export interface TierEntityRow {
  entity_id: number;
  annual_revenue_cents: number | null;
  years: number;
  spend_cents: number;
  spend_12m_cents: number;
  orders: number;
  orders_12m: number;
  last_day: string | null;
  /** Tier per rule set name. */
  tiers: Record<string, string | null>;
}

export interface TiersRun {
  asOf: string;
  entities: number;
  sets: CompiledTierSet[];
  summary: (TierSummary & { group?: string })[];
  rows(): Generator<TierEntityRow>;
}

class TierSummaryBuilder {
  private readonly acc = new Map<number, { n: number; cents: number }>();
  constructor(private readonly set: CompiledTierSet) {}

  add(tier: number, cents: number): void {
    let a = this.acc.get(tier);
    if (!a) {
      a = { n: 0, cents: 0 };
      this.acc.set(tier, a);
    }
    a.n++;
    a.cents += cents;
  }

  finish(): TierSummary[] {
    let n = 0;
    let cents = 0;
    for (const a of this.acc.values()) {
      n += a.n;
      cents += a.cents;
    }
    const order = [...this.set.tiers.keys(), -1].filter((i) => this.acc.has(i));
    return order.map((i) => {
      const a = this.acc.get(i)!;
      return {
        set: this.set.name,
        tier: i < 0 ? null : this.set.tiers[i].name,
        tierEn: i < 0 ? null : this.set.tiers[i].en,
        rank: i < 0 ? null : i,
        customers: a.n,
        share: n ? a.n / n : 0,
        revenueCents: a.cents,
        revenueShare: cents ? a.cents / cents : 0,
        avgRevenueCents: a.cents / a.n,
      };
    });
  }
}

function textFieldsFor(sets: Record<string, TierSet>, by?: AttributeField): AttributeField[] {
  const used = new Set<string>(by ? [by] : []);
  for (const set of Object.values(sets)) for (const r of set.rules) if (r.when) for (const f of conditionFields(r.when)) used.add(f);
  return ATTRIBUTE_FIELDS.filter((f) => used.has(f));
}

/**
 * The tier fields of one entity, as tiers.ts's tierFields() computes them from an EntityProfile,
 * but from day numbers with cached conversions: a million entities share a few thousand days.
 */
function tierValuer(facts: Facts, asOf: string): (attr: EntityAttributesRow, i: number) => Record<keyof typeof TIER_FIELDS, FieldValue> {
  const toDay = dayCache();
  const toString = dayStringCache();
  const years = new Map<number, number>();
  const yearsFrom = (start: number): number => {
    let y = years.get(start);
    if (y === undefined) {
      y = yearsBetween(toString(start), asOf);
      years.set(start, y);
    }
    return y;
  };
  return (attr, i) => {
    const has = i >= 0;
    const spend = has ? facts.monetary[i] : 0;
    const orders = has ? facts.frequency[i] : 0;
    const spend12m = has ? facts.spend12m![i] : 0;
    let start = has ? facts.firstDay[i] : Infinity;
    if (attr.registeredDay !== null) {
      const reg = toDay(attr.registeredDay);
      if (reg <= facts.asOfDay && reg < start) start = reg;
    }
    return {
      annual_revenue: (attr.annualRevenueCents ?? spend12m) / 100,
      years: start === Infinity ? 0 : yearsFrom(start),
      spend: spend / 100,
      spend_12m: spend12m / 100,
      orders,
      orders_12m: has ? facts.orders12m![i] : 0,
      aov: orders ? spend / 100 / orders : null,
      recency_days: has ? facts.asOfDay - facts.lastDay[i] : null,
      province: attr.text.province ?? null,
      city: attr.text.city ?? null,
      industry: attr.text.industry ?? null,
      channel: attr.text.channel ?? null,
    };
  };
}

/** Every entity ascending: order-only entities (from facts; they sort first), then customer-based ones. */
function* allEntities(db: Db, facts: Facts, textFields: AttributeField[]): Generator<EntityAttributesRow> {
  for (let i = 0; i < facts.n && isOrderOnlyEntity(facts.entityId[i]); i++) {
    yield { entityId: facts.entityId[i], annualRevenueCents: null, registeredDay: null, text: Object.fromEntries(textFields.map((f) => [f, null])) };
  }
  yield* entityAttributes(db, textFields);
}

/**
 * Tiers for every entity, with or without orders (B2B tiers often come from an imported annual
 * revenue alone). Entities stream from the customers table; their order facts are looked up in
 * the in-memory columns.
 */
export function runTiers(db: Db, options: TiersRunOptions): TiersRun {
  return tiersOverFacts(db, loadFacts(db, { asOf: options.asOf, excludeStatuses: options.excludeStatuses, last12m: true }), options);
}

/** Tiers from facts already loaded with `last12m` (lets a report share one aggregate pass). */
export function tiersOverFacts(db: Db, facts: Facts, options: Omit<TiersRunOptions, 'excludeStatuses'>): TiersRun {
  if (!facts.spend12m) throw new Error('tiersOverFacts needs facts loaded with last12m');
  const sets = Object.entries(options.sets).map(([name, set]) => compileTierSet(name, set));
  const textFields = textFieldsFor(options.sets, options.by);
  const grouped = new Grouped(() => sets.map((s) => new TierSummaryBuilder(s)));
  const valuesOf = tierValuer(facts, options.asOf);
  let entities = 0;
  for (const attr of allEntities(db, facts, textFields)) {
    const i = indexOfEntity(facts, attr.entityId);
    const values = valuesOf(attr, i);
    const builders = grouped.get(options.by ? (attr.text[options.by] ?? '') : '');
    const spend = i >= 0 ? facts.monetary[i] : 0;
    sets.forEach((s, k) => builders[k].add(s.assign(values), spend));
    entities++;
  }
  return {
    asOf: options.asOf,
    entities,
    sets,
    summary: grouped.finish((builders) => builders.flatMap((b) => b.finish()), options.by !== undefined),
    *rows() {
      const toString = dayStringCache();
      for (const attr of allEntities(db, facts, textFields)) {
        const i = indexOfEntity(facts, attr.entityId);
        const values = valuesOf(attr, i);
        yield {
          entity_id: attr.entityId,
          annual_revenue_cents: attr.annualRevenueCents,
          years: Number((values.years as number).toFixed(3)),
          spend_cents: i >= 0 ? facts.monetary[i] : 0,
          spend_12m_cents: i >= 0 ? facts.spend12m![i] : 0,
          orders: i >= 0 ? facts.frequency[i] : 0,
          orders_12m: i >= 0 ? facts.orders12m![i] : 0,
          last_day: i >= 0 ? toString(facts.lastDay[i]) : null,
          tiers: Object.fromEntries(sets.map((s) => {
            const i = s.assign(values);
            return [s.name, i < 0 ? null : s.tiers[i].name];
          })),
        };
      }
    },
  };
}
