import { change, type RetentionSection } from '../model.js';
import { kpis, type Kpis } from '../../rules/kpi.js';
import type { SectionInput } from './input.js';

/**
 * The key figures of `custops status --kpi` (rules stage), at the end of the report week and at the
 * end of the week before, so the report and the command always agree: retention, churn and
 * repurchase rates, average first-response time, SLA attainment and CLV by value tier.
 */
export function retentionSection(input: SectionInput): RetentionSection {
  const at = (day: string): Kpis => input.memo(`kpis:${day}`, () => kpis(input.db, input.settings.config, day));
  const now = at(input.week.end);
  const before = at(input.previousWeek.end);
  const previousClv = new Map(before.clvByTier.map((t) => [t.tier, t.valueCents]));
  return {
    retentionRate: change(now.retention.rate, before.retention.rate),
    churnRate: change(now.churn.rate, before.churn.rate),
    repurchaseRate: change(now.repurchase.rate, before.repurchase.rate),
    firstResponseMinutes: change(now.firstResponse.averageMinutes, before.firstResponse.averageMinutes),
    slaAttainment: change(now.sla.rate, before.sla.rate),
    retentionBase: now.retention.base,
    repurchaseBase: now.repurchase.base,
    respondedTickets: now.firstResponse.tickets,
    slaTickets: now.sla.base,
    periodMonths: now.periodMonths,
    repurchaseMonths: now.repurchaseMonths,
    clvMethod: now.clvMethod,
    clvHorizonMonths: now.clvHorizonMonths,
    clvByTier: now.clvByTier.map((t) => ({
      key: t.tier,
      label: input.lang === 'en' ? t.tierEn : t.tier,
      customers: t.customers,
      valueCents: t.valueCents,
      previousValueCents: previousClv.get(t.tier) ?? null,
    })),
    source: 'rules.kpis (as custops status --kpi)',
  };
}
