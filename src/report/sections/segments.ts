import { change, type ChurnSection, type Groups, type GroupRow, type MigrationSection, type ParetoSection, type RfmSection } from '../model.js';
import { runRfm, type RfmRun } from '../../segment/run-rfm.js';
import { runPareto } from '../../segment/run-pareto.js';
import { rfmRules } from '../../segment/config.js';
import { RFM_SEGMENTS, pick } from '../../segment/labels.js';
import { entityNames } from '../../segment/facts.js';
import { diffSnapshots, listSnapshots } from '../../segment/snapshots.js';
import { tableExists } from '../../store/exportables.js';
import { createTranslator } from '../../output/i18n.js';
import { messages } from '../../output/messages/report.js';
import type { LifecycleEntityRow } from '../../segment/run-lifecycle.js';
import { lifecycleAt, reportTierSet, tierOf, tiersAt } from './segment-runs.js';
import type { SectionInput } from './input.js';

const t = createTranslator(messages);

/** Customers and revenue per value tier now, and customers per tier a week earlier. */
export function tiersSection(input: SectionInput): Groups {
  const chosen = reportTierSet(input);
  const now = tiersAt(input, input.week.end);
  const before = tiersAt(input, input.previousWeek.end);
  if (!chosen || !now || !before) {
    input.note('tiers', t(input.lang, 'note.noTierSet'));
    return { available: false, title: '', rows: [], source: 'segment.runTiers' };
  }
  const label = chosen.set.label ? pick(chosen.set.label, input.lang) : chosen.name;
  const previous = new Map(before.run.summary.map((s) => [s.tier ?? '', s.customers]));
  const rows: GroupRow[] = now.run.summary.map((s) => ({
    key: s.tier ?? '',
    label: s.tier === null ? t(input.lang, 'label.unmatched') : input.lang === 'zh' ? s.tier : (s.tierEn ?? s.tier),
    customers: s.customers,
    previousCustomers: previous.get(s.tier ?? '') ?? 0,
    share: s.share,
    revenueCents: s.revenueCents,
    revenueShare: s.revenueShare,
  }));
  return { available: true, title: label, rows, source: 'segment.runTiers' };
}

/** RFM as of a day, or why it cannot be computed (too few customers with orders for quintiles: segment.rfm.min_sample). */
function rfmAt(input: SectionInput, asOf: string): { run?: RfmRun; error?: string } {
  const segment = input.settings.segment;
  return input.memo(`rfm:${asOf}`, () => {
    try {
      return { run: runRfm(input.db, { asOf, excludeStatuses: segment.exclude_status, rules: rfmRules(segment), minSample: segment.rfm.min_sample }) };
    } catch (err) {
      return { error: (err as Error).message };
    }
  });
}

/** RFM segments (the configured scheme) with customers a week earlier, and the R×F grid for the heat map. */
export function rfmSection(input: SectionInput): RfmSection {
  const { run: now, error } = rfmAt(input, input.week.end);
  if (!now) {
    input.note('rfm', t(input.lang, 'note.rfmUnavailable', { reason: error ?? '' }));
    return { available: false, title: t(input.lang, 'label.rfmTitle'), rows: [], grid: null, source: 'segment.runRfm' };
  }
  const before = rfmAt(input, input.previousWeek.end).run;
  const previous = new Map(before ? before.segments.map((s) => [s.segment, s.customers]) : []);
  const labelOf = (segment: string): string => {
    const rule = now.rules.find((r) => r.name === segment);
    if (rule?.label) return pick(rule.label, input.lang);
    const known = RFM_SEGMENTS[segment];
    return known ? pick(known.label, input.lang) : segment;
  };
  const rows: GroupRow[] = now.segments
    .filter((s) => s.customers > 0)
    .map((s) => ({
      key: s.segment,
      label: labelOf(s.segment),
      customers: s.customers,
      previousCustomers: before ? (previous.get(s.segment) ?? 0) : null,
      share: s.share,
      revenueCents: s.revenueCents,
      revenueShare: s.revenueShare,
    }));
  const grid = Array.from({ length: 5 }, () => new Array<number>(5).fill(0));
  for (const row of now.rows()) if (row.r >= 1 && row.r <= 5 && row.f >= 1 && row.f <= 5) grid[row.r - 1][row.f - 1]++;
  return {
    available: true,
    title: t(input.lang, 'label.rfmTitle'),
    rows,
    grid: { recencyScores: [1, 2, 3, 4, 5], frequencyScores: [1, 2, 3, 4, 5], customers: grid },
    source: 'segment.runRfm',
  };
}

/** The Pareto curve (customers sorted by revenue) sampled at ≤ 51 points, and the top-20% share. */
export function paretoSection(input: SectionInput): ParetoSection {
  const p = input.settings.segment.pareto;
  const run = runPareto(input.db, { asOf: input.week.end, excludeStatuses: input.settings.segment.exclude_status, aShare: p.a_share, bShare: p.b_share, topShare: 0.2, curvePoints: 50 });
  const result = run.results[0]?.result;
  if (!result || result.customers === 0) return { available: false, points: [], top20RevenueShare: null, source: 'segment.runPareto' };
  return {
    available: true,
    points: result.curve.map((c) => ({ customerShare: c.customerShare, revenueShare: c.revenueShare })),
    top20RevenueShare: result.topRevenueShare,
    source: 'segment.runPareto',
  };
}

/**
 * Tier migration over the week: from the saved snapshots of both days when the segment stage saved
 * them (`custops segment tiers --save`), else by computing the tiers as of both days.
 */
export function migrationSection(input: SectionInput): MigrationSection {
  const from = input.previousWeek.end;
  const to = input.week.end;
  const chosen = reportTierSet(input);
  const empty: MigrationSection = { available: false, from, to, categories: [], cells: [], upgraded: 0, downgraded: 0, source: 'segment.runTiers' };
  if (!chosen) return empty;
  const labelOf = (name: string, en?: string): string => (input.lang === 'zh' ? name : (en ?? name));
  const model = `tiers.${chosen.name}`;
  if (tableExists(input.db, 'segment_snapshots')) {
    const days = new Set(listSnapshots(input.db, model).map((s) => s.as_of));
    if (days.has(from) && days.has(to)) {
      const diff = diffSnapshots(input.db, model, { from, to });
      const enOf = new Map(chosen.set.rules.map((r) => [r.name, r.en]));
      return {
        available: true,
        from,
        to,
        categories: diff.labels.filter((l): l is string => l !== null).map((l) => ({ key: l, label: labelOf(l, enOf.get(l)) })),
        cells: diff.cells.filter((c) => c.count > 0).map((c) => ({ from: c.fromPresent ? (c.from ?? '') : '', to: c.toPresent ? (c.to ?? '') : '', customers: c.count })),
        upgraded: diff.upgraded,
        downgraded: diff.downgraded,
        source: `segment.diffSnapshots(${model})`,
      };
    }
  }
  const a = tiersAt(input, from);
  const b = tiersAt(input, to);
  if (!a || !b) return empty;
  const counts = new Map<string, number>();
  let upgraded = 0;
  let downgraded = 0;
  const before = new Map<number, number>();
  const aligned = a.entityIds.length === b.entityIds.length && a.entityIds.every((id, i) => id === b.entityIds[i]);
  if (!aligned) for (let i = 0; i < a.entityIds.length; i++) before.set(a.entityIds[i], a.ranks[i]);
  for (let i = 0; i < b.entityIds.length; i++) {
    const fromRank = aligned ? a.ranks[i] : (before.get(b.entityIds[i]) ?? -1);
    const toRank = b.ranks[i];
    const key = `${fromRank}>${toRank}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (fromRank >= 0 && toRank >= 0 && toRank < fromRank) upgraded++;
    if (fromRank >= 0 && toRank >= 0 && toRank > fromRank) downgraded++;
  }
  const name = (rank: number): string => (rank < 0 ? '' : b.tiers[rank].name);
  return {
    available: true,
    from,
    to,
    categories: b.tiers.map((tier) => ({ key: tier.name, label: labelOf(tier.name, tier.en) })),
    cells: [...counts].map(([key, customers]) => {
      const [f, tt] = key.split('>').map(Number);
      return { from: name(f), to: name(tt), customers };
    }),
    upgraded,
    downgraded,
    source: 'segment.runTiers (as of both days)',
  };
}

/** Churn warnings (segment lifecycle): the top N by value at risk, with totals now and a week earlier. */
export function churnSection(input: SectionInput): ChurnSection {
  const months = input.settings.segment.lifecycle.warning_months;
  const now = lifecycleAt(input, input.week.end);
  const before = lifecycleAt(input, input.previousWeek.end);
  const top: LifecycleEntityRow[] = [];
  for (const row of now.warnings()) {
    top.push(row);
    if (top.length >= input.settings.report.churn_warnings) break;
  }
  const names = entityNames(input.db, top.map((r) => r.entity_id));
  const tiers = tiersAt(input, input.week.end);
  return {
    available: true,
    warningMonths: months,
    total: change(now.warningCount, before.warningCount),
    valueAtRiskCents: change(now.warningValueCents, before.warningValueCents),
    rows: top.map((r) => ({
      entityId: r.entity_id,
      code: names.get(r.entity_id)?.code ?? null,
      name: names.get(r.entity_id)?.name ?? null,
      tier: tiers ? tierOf(tiers, r.entity_id, input.lang) : null,
      lastOrderDay: r.last_day,
      daysSinceLastOrder: r.recency_days,
      orders: r.frequency,
      revenueCents: r.monetary_cents,
      valueAtRiskCents: r.value_at_risk_cents,
    })),
    source: 'segment.runLifecycle',
  };
}
