import { Option, type Command } from 'commander';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import type { Column } from '../output/columns.js';
import { formatMoneyCents } from '../output/columns.js';
import { createTranslator, type Lang } from '../output/i18n.js';
import { messages } from '../output/messages/segment.js';
import { note, print, printJson, renderRows, tableText, type Row } from '../output/render.js';
import { rfmRules, segmentSection, tierSets, type SegmentConfig } from '../segment/config.js';
import { parseDay, today } from '../segment/dates.js';
import { ATTRIBUTE_FIELDS, entityNames, type AttributeField } from '../segment/facts.js';
import { EIGHT_TYPES, QUADRANT_LABELS, segmentAction, segmentLabel, STAGE_LABELS } from '../segment/labels.js';
import type { RfmRule, SegmentSummary } from '../segment/rfm.js';
import { runCluster } from '../segment/run-cluster.js';
import { runClv } from '../segment/run-clv.js';
import { runLifecycle } from '../segment/run-lifecycle.js';
import { runMatrix } from '../segment/run-matrix.js';
import { runPareto } from '../segment/run-pareto.js';
import { runRfm } from '../segment/run-rfm.js';
import { runTiers } from '../segment/run-tiers.js';
import { eightTypeMembers, lifecycleMembers, matrixMembers, paretoMembers, rfmMembers, tierMembers } from '../segment/snapshot-members.js';
import { diffSnapshots, saveSnapshot, type SnapshotMember } from '../segment/snapshots.js';
import type { Db } from '../store/db.js';
import { finishRun, startRun } from '../store/runs.js';
import { withContext } from './action.js';

const t = createTranslator(messages);

interface CommonFlags {
  asOf?: string;
  by?: AttributeField;
  save?: boolean;
  limit?: string;
}

const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;
const count = (n: number): string => n.toLocaleString('en-US');

function asOfOf(flags: CommonFlags): string {
  return flags.asOf ? parseDay(flags.asOf) : today();
}

function limitOf(flags: CommonFlags): number {
  const n = flags.limit === undefined ? 20 : Number(flags.limit);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--limit ${flags.limit} is not a whole number`, 'for example --limit 50');
  return n;
}

function intFlag(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(`${name} ${value} is not a whole number`);
  return n;
}

function common(cmd: Command, lang: Lang, options: { by?: boolean; save?: boolean; limit?: boolean } = {}): Command {
  cmd.option('--as-of <date>', t(lang, 'opt.asOf'));
  if (options.by !== false) cmd.addOption(new Option('--by <field>', t(lang, 'opt.by')).choices([...ATTRIBUTE_FIELDS]));
  if (options.save) cmd.option('--save', t(lang, 'opt.save'));
  if (options.limit) cmd.option('--limit <n>', t(lang, 'opt.limit'));
  return cmd;
}

/** Machine output (json/csv/--output) gets whole lists; people get the first --limit rows. */
const forMachines = (ctx: Context): boolean => ctx.format !== 'table' || Boolean(ctx.output);

function groupLabel(lang: Lang, group: string | undefined): string | undefined {
  return group === undefined ? undefined : group === '' ? t(lang, 'unknown') : group;
}

/** Saves snapshots in one logged run; each model's members stream straight into the store. */
function saveModels(ctx: Context, db: Db, command: string, asOf: string, models: [string, () => Iterable<SnapshotMember>][], params: unknown): void {
  const runId = startRun(db, command, { asOf, models: models.map(([m]) => m) });
  try {
    for (const [model, members] of models) {
      const info = saveSnapshot(db, { model, asOf, runId, params }, members());
      note(ctx, t(ctx.lang, 'head.saved', { model, asOf, n: count(info.entities) }));
    }
    finishRun(db, runId, 'ok');
  } catch (err) {
    finishRun(db, runId, 'failed', { error: (err as Error).message });
    throw err;
  }
}

function summaryColumns(lang: Lang, first: { key: string; header: string }, grouped: boolean, withAction: boolean): Column[] {
  return [
    ...(grouped ? [{ key: 'group', header: t(lang, 'col.group') }] : []),
    first,
    { key: 'customers', header: t(lang, 'col.customers'), type: 'int' },
    { key: 'share', header: t(lang, 'col.share'), type: 'percent' },
    { key: 'revenue', header: t(lang, 'col.revenue'), type: 'money' },
    { key: 'revenueShare', header: t(lang, 'col.revenueShare'), type: 'percent' },
    { key: 'avgR', header: t(lang, 'col.avgR'), type: 'number', digits: 1 },
    { key: 'avgF', header: t(lang, 'col.avgF'), type: 'number', digits: 2 },
    { key: 'avgM', header: t(lang, 'col.avgM'), type: 'money' },
    ...(withAction ? [{ key: 'action', header: t(lang, 'col.action') }] : []),
  ];
}

function summaryRow(lang: Lang, s: SegmentSummary & { group?: string }, label: string, action: string): Row {
  return {
    ...(s.group !== undefined ? { group: groupLabel(lang, s.group) } : {}),
    key: s.segment,
    label,
    customers: s.customers,
    share: s.share,
    revenue: s.revenueCents,
    revenueShare: s.revenueShare,
    avgR: s.avgRecencyDays,
    avgF: s.avgFrequency,
    avgM: Math.round(s.avgMonetaryCents),
    action,
  };
}

function heading(ctx: Context, asOf: string, n: number): void {
  if (ctx.format === 'table' && !ctx.output) print(ctx, t(ctx.lang, 'head.asOf', { asOf, n: n.toLocaleString('en-US') }));
}

async function rfmCommand(ctx: Context, flags: CommonFlags & { minSample?: string }): Promise<void> {
  const { lang } = ctx;
  const cfg = segmentSection(ctx.config());
  const asOf = asOfOf(flags);
  const db = ctx.openDb({ create: false });
  const rules = rfmRules(cfg);
  const run = runRfm(db, { asOf, excludeStatuses: cfg.exclude_status, rules, minSample: intFlag(flags.minSample, '--min-sample') ?? cfg.rfm.min_sample, by: flags.by });
  if (flags.save) saveModels(ctx, db, 'segment rfm', asOf, [['rfm', () => rfmMembers(run)], ['rfm8', () => eightTypeMembers(run)]], { preset: cfg.rfm.preset, rules });
  const segments = run.segments.map((s) => summaryRow(lang, s, segmentLabel(s.segment, lang, rules as RfmRule[]), segmentAction(s.segment, lang, rules as RfmRule[])));
  const types = run.types.map((s) => summaryRow(lang, s, EIGHT_TYPES[s.segment].label[lang], EIGHT_TYPES[s.segment].action[lang]));
  const grouped = flags.by !== undefined;
  const segColumns = summaryColumns(lang, { key: 'label', header: t(lang, 'col.segment') }, grouped, true);
  const typeColumns = summaryColumns(lang, { key: 'label', header: t(lang, 'col.type8') }, grouped, true);
  if (ctx.format === 'json' && !ctx.output) return printJson(ctx, { asOf, customers: run.entities, preset: cfg.rfm.rules?.length ? 'custom' : cfg.rfm.preset, means: run.means, segments, types });
  if (forMachines(ctx)) return renderRows(ctx, segments, segColumns);
  heading(ctx, asOf, run.entities);
  print(ctx, tableText(ctx, segments, segColumns, t(lang, 'title.segments', { preset: cfg.rfm.rules?.length ? 'custom' : cfg.rfm.preset })));
  const m = run.means;
  print(ctx, tableText(ctx, types, typeColumns, t(lang, 'title.types', { r: m.recencyDays.toFixed(1), f: m.frequency.toFixed(2), m: formatMoneyCents(m.monetaryCents) })));
}

async function tiersCommand(ctx: Context, flags: CommonFlags & { set?: string }): Promise<void> {
  const { lang } = ctx;
  const cfg = segmentSection(ctx.config());
  const asOf = asOfOf(flags);
  const all = tierSets(cfg);
  if (flags.set && !all[flags.set]) throw new UsageError(`no tier rule set "${flags.set}"`, `choose one of: ${Object.keys(all).join(', ')}`);
  const sets = flags.set ? { [flags.set]: all[flags.set] } : all;
  const db = ctx.openDb({ create: false });
  const run = runTiers(db, { asOf, excludeStatuses: cfg.exclude_status, sets, by: flags.by });
  if (flags.save) saveModels(ctx, db, 'segment tiers', asOf, run.sets.map((s) => [`tiers.${s.name}`, () => tierMembers(run, s.name)]), { sets });
  const rows = run.summary.map((s) => ({
    ...(s.group !== undefined ? { group: groupLabel(lang, s.group) } : {}),
    set: sets[s.set].label?.[lang] ?? s.set,
    setKey: s.set,
    tier: s.tier === null ? t(lang, 'none') : lang === 'zh' ? s.tier : s.tierEn,
    tierKey: s.tier,
    customers: s.customers,
    share: s.share,
    revenue: s.revenueCents,
    revenueShare: s.revenueShare,
    avgRevenue: Math.round(s.avgRevenueCents),
  }));
  const columns: Column[] = [
    ...(flags.by ? [{ key: 'group', header: t(lang, 'col.group') }] : []),
    { key: 'set', header: t(lang, 'col.set') },
    { key: 'tier', header: t(lang, 'col.tier') },
    { key: 'customers', header: t(lang, 'col.customers'), type: 'int' },
    { key: 'share', header: t(lang, 'col.share'), type: 'percent' },
    { key: 'revenue', header: t(lang, 'col.revenue'), type: 'money' },
    { key: 'revenueShare', header: t(lang, 'col.revenueShare'), type: 'percent' },
    { key: 'avgRevenue', header: t(lang, 'col.avgRevenue'), type: 'money' },
  ];
  if (ctx.format === 'json' && !ctx.output) return printJson(ctx, { asOf, customers: run.entities, tiers: rows });
  if (forMachines(ctx)) return renderRows(ctx, rows, columns);
  heading(ctx, asOf, run.entities);
  for (const s of run.sets) {
    const title = t(lang, 'title.tiers', { set: sets[s.name].label?.[lang] ?? s.name });
    print(ctx, tableText(ctx, rows.filter((r) => r.setKey === s.name), columns.filter((c) => c.key !== 'set'), title));
  }
}

async function paretoCommand(ctx: Context, flags: CommonFlags): Promise<void> {
  const { lang } = ctx;
  const cfg = segmentSection(ctx.config());
  const asOf = asOfOf(flags);
  const db = ctx.openDb({ create: false });
  const p = cfg.pareto;
  const run = runPareto(db, { asOf, excludeStatuses: cfg.exclude_status, aShare: p.a_share, bShare: p.b_share, topShare: p.top_share, by: flags.by });
  if (flags.save) saveModels(ctx, db, 'segment pareto', asOf, [['pareto', () => paretoMembers(run)]], p);
  const classes = run.results.flatMap(({ group, result }) =>
    result.classes.map((c) => ({
      ...(flags.by ? { group: groupLabel(lang, group) } : {}),
      label: c.cls,
      customers: c.customers,
      share: c.customerShare,
      revenue: c.revenueCents,
      revenueShare: c.revenueShare,
    })),
  );
  const columns: Column[] = [
    ...(flags.by ? [{ key: 'group', header: t(lang, 'col.group') }] : []),
    { key: 'label', header: t(lang, 'col.class') },
    { key: 'customers', header: t(lang, 'col.customers'), type: 'int' },
    { key: 'share', header: t(lang, 'col.share'), type: 'percent' },
    { key: 'revenue', header: t(lang, 'col.revenue'), type: 'money' },
    { key: 'revenueShare', header: t(lang, 'col.revenueShare'), type: 'percent' },
  ];
  if (ctx.format === 'json' && !ctx.output) return printJson(ctx, { asOf, results: run.results });
  if (forMachines(ctx)) return renderRows(ctx, classes, columns);
  heading(ctx, asOf, run.results.reduce((s, r) => s + r.result.customers, 0));
  for (const { group, result } of run.results) {
    const prefix = flags.by ? `[${groupLabel(lang, group)}] ` : '';
    print(ctx, prefix + t(lang, 'pareto.top', { top: pct(result.topShare), n: result.topCustomers.toLocaleString('en-US'), share: pct(result.topRevenueShare), c80: pct(result.customerShareFor80) }));
  }
  print(ctx, tableText(ctx, classes, columns, t(lang, 'title.abc', { a: pct(p.a_share), b: pct(p.b_share) })));
}

function nameColumns(lang: Lang): Column[] {
  return [
    { key: 'entity_id', header: t(lang, 'col.entity') },
    { key: 'code', header: t(lang, 'col.code') },
    { key: 'name', header: t(lang, 'col.name') },
  ];
}

function withNames<T extends { entity_id: number }>(db: Db, rows: T[]): (T & { name: string | null; code: string | null })[] {
  const names = entityNames(db, rows.map((r) => r.entity_id));
  return rows.map((r) => ({ ...r, name: names.get(r.entity_id)?.name ?? null, code: names.get(r.entity_id)?.code ?? null }));
}

async function lifecycleCommand(ctx: Context, flags: CommonFlags): Promise<void> {
  const { lang } = ctx;
  const cfg = segmentSection(ctx.config());
  const asOf = asOfOf(flags);
  const db = ctx.openDb({ create: false });
  const l = cfg.lifecycle;
  const run = runLifecycle(db, { asOf, excludeStatuses: cfg.exclude_status, newDays: l.new_days, activeDays: l.active_days, churnDays: l.churn_days, warningMonths: l.warning_months, warnChurned: l.warn_churned, by: flags.by });
  if (flags.save) saveModels(ctx, db, 'segment lifecycle', asOf, [['lifecycle', () => lifecycleMembers(run)]], l);
  const stages = run.stages.map((s) => ({
    ...(s.group !== undefined ? { group: groupLabel(lang, s.group) } : {}),
    key: s.stage,
    label: STAGE_LABELS[s.stage][lang],
    customers: s.customers,
    share: s.share,
    revenue: s.revenueCents,
    revenueShare: s.revenueShare,
  }));
  const stageColumns: Column[] = [
    ...(flags.by ? [{ key: 'group', header: t(lang, 'col.group') }] : []),
    { key: 'label', header: t(lang, 'col.stage') },
    { key: 'customers', header: t(lang, 'col.customers'), type: 'int' },
    { key: 'share', header: t(lang, 'col.share'), type: 'percent' },
    { key: 'revenue', header: t(lang, 'col.revenue'), type: 'money' },
    { key: 'revenueShare', header: t(lang, 'col.revenueShare'), type: 'percent' },
  ];
  const warningColumns: Column[] = [
    ...nameColumns(lang),
    { key: 'stage_label', header: t(lang, 'col.stage') },
    { key: 'last_day', header: t(lang, 'col.lastDay') },
    { key: 'recency_days', header: t(lang, 'col.recency'), type: 'int' },
    { key: 'frequency', header: t(lang, 'col.orders'), type: 'int' },
    { key: 'monetary_cents', header: t(lang, 'col.spend'), type: 'money' },
    { key: 'value_at_risk_cents', header: t(lang, 'col.valueAtRisk'), type: 'money' },
  ];
  const limit = limitOf(flags);
  const warningRows = (max: number): Row[] => {
    const out = [];
    for (const w of run.warnings()) {
      if (out.length >= max) break;
      out.push({ ...w, stage_label: STAGE_LABELS[w.stage][lang] });
    }
    return withNames(db, out);
  };
  if (ctx.format === 'json' && !ctx.output) {
    return printJson(ctx, { asOf, customers: run.entities, stages, warnings: { count: run.warningCount, valueAtRiskCents: run.warningValueCents, customers: warningRows(Infinity) } });
  }
  // Machine output is the warning list: the part a cron job acts on.
  if (forMachines(ctx)) return renderRows(ctx, warningRows(Infinity), warningColumns);
  heading(ctx, asOf, run.entities);
  print(ctx, tableText(ctx, stages, stageColumns, t(lang, 'title.stages', { newDays: l.new_days, activeDays: l.active_days, churnDays: l.churn_days })));
  const shown = warningRows(limit);
  const title = t(lang, 'title.warnings', { months: l.warning_months, n: run.warningCount.toLocaleString('en-US'), value: formatMoneyCents(run.warningValueCents), shown: shown.length });
  print(ctx, tableText(ctx, shown, warningColumns, title));
}

async function matrixCommand(ctx: Context, flags: CommonFlags & { window?: string }): Promise<void> {
  const { lang } = ctx;
  const cfg = segmentSection(ctx.config());
  const asOf = asOfOf(flags);
  const db = ctx.openDb({ create: false });
  const mx = cfg.matrix;
  const windowMonths = intFlag(flags.window, '--window') ?? mx.window_months;
  const run = runMatrix(db, { asOf, excludeStatuses: cfg.exclude_status, windowMonths, valueThreshold: mx.value_threshold, growthThreshold: mx.growth_threshold, by: flags.by });
  if (flags.save) saveModels(ctx, db, 'segment matrix', asOf, [['matrix', () => matrixMembers(run)]], { ...mx, window_months: windowMonths });
  const rows = run.quadrants.map((q) => ({
    ...(q.group !== undefined ? { group: groupLabel(lang, q.group) } : {}),
    key: q.quadrant,
    label: QUADRANT_LABELS[q.quadrant][lang],
    customers: q.customers,
    share: q.share,
    value: q.valueCents,
    valueShare: q.valueShare,
    recent: q.recentCents,
    previous: q.previousCents,
  }));
  const columns: Column[] = [
    ...(flags.by ? [{ key: 'group', header: t(lang, 'col.group') }] : []),
    { key: 'label', header: t(lang, 'col.quadrant') },
    { key: 'customers', header: t(lang, 'col.customers'), type: 'int' },
    { key: 'share', header: t(lang, 'col.share'), type: 'percent' },
    { key: 'value', header: t(lang, 'col.value'), type: 'money' },
    { key: 'valueShare', header: t(lang, 'col.revenueShare'), type: 'percent' },
    { key: 'recent', header: t(lang, 'col.recent'), type: 'money' },
    { key: 'previous', header: t(lang, 'col.previous'), type: 'money' },
  ];
  if (ctx.format === 'json' && !ctx.output) {
    const { rows: _rows, ...meta } = run;
    void _rows;
    return printJson(ctx, { ...meta, quadrants: rows });
  }
  if (forMachines(ctx)) return renderRows(ctx, rows, columns);
  heading(ctx, asOf, rows.reduce((s, r) => s + r.customers, 0));
  print(ctx, tableText(ctx, rows, columns, t(lang, 'title.matrix', { w: windowMonths, line: formatMoneyCents(run.valueThresholdCents), growth: pct(run.growthThreshold) })));
}

async function clusterCommand(ctx: Context, flags: CommonFlags & { k?: string; seed?: string }): Promise<void> {
  const { lang } = ctx;
  const cfg = segmentSection(ctx.config());
  const asOf = asOfOf(flags);
  const db = ctx.openDb({ create: false });
  const c = cfg.cluster;
  const run = runCluster(db, {
    asOf,
    excludeStatuses: cfg.exclude_status,
    k: intFlag(flags.k, '--k') ?? c.k,
    kMin: c.k_min,
    kMax: c.k_max,
    seed: intFlag(flags.seed, '--seed') ?? c.seed,
    fitSample: c.fit_sample,
    silhouetteSample: c.silhouette_sample,
    extraFeatures: c.extra_features,
  });
  const describe = (p: (typeof run.profiles)[number]): string =>
    [p.recent ? 'profile.recent' : 'profile.lapsed', p.frequent ? 'profile.frequent' : 'profile.infrequent', p.highSpend ? 'profile.highSpend' : 'profile.lowSpend'].map((k) => t(lang, k)).join(' · ');
  const extraNames = Object.keys(run.profiles[0]?.extra ?? {});
  const rows = run.profiles.map((p) => ({
    cluster: p.cluster,
    profile: describe(p),
    customers: p.customers,
    share: p.share,
    revenue: p.revenueCents,
    revenueShare: p.revenueShare,
    avgR: p.avgRecencyDays,
    avgF: p.avgFrequency,
    avgM: Math.round(p.avgMonetaryCents),
    ...Object.fromEntries(extraNames.map((x) => [x, p.extra[x]])),
  }));
  const columns: Column[] = [
    { key: 'cluster', header: t(lang, 'col.cluster'), type: 'int' },
    { key: 'profile', header: t(lang, 'col.profile') },
    ...summaryColumns(lang, { key: 'unused', header: '' }, false, false).filter((col) => col.key !== 'unused'),
    ...extraNames.map((x) => ({ key: x, header: x, type: 'number' as const, digits: 1 })),
  ];
  if (ctx.format === 'json' && !ctx.output) return printJson(ctx, { asOf, customers: run.entities, k: run.k, silhouettes: run.silhouettes, clusters: rows });
  if (forMachines(ctx)) return renderRows(ctx, rows, columns);
  heading(ctx, asOf, run.entities);
  if (run.silhouettes.length > 1) {
    print(ctx, tableText(ctx, run.silhouettes, [
      { key: 'k', header: t(lang, 'col.k'), type: 'int' },
      { key: 'silhouette', header: t(lang, 'col.silhouette'), type: 'number', digits: 3 },
    ], t(lang, 'title.silhouette', { k: run.k })));
  }
  print(ctx, tableText(ctx, rows, columns, t(lang, 'title.clusters', { k: run.k })));
}

async function clvCommand(ctx: Context, flags: CommonFlags & { horizon?: string }): Promise<void> {
  const { lang } = ctx;
  const cfg = segmentSection(ctx.config());
  const asOf = asOfOf(flags);
  const db = ctx.openDb({ create: false });
  const c = cfg.clv;
  const horizonMonths = intFlag(flags.horizon, '--horizon') ?? c.horizon_months;
  const run = runClv(db, { asOf, excludeStatuses: cfg.exclude_status, unit: c.time_unit, horizonMonths, annualDiscountRate: c.annual_discount_rate, margin: c.margin, fitSample: c.fit_sample });
  const { bgnbd, gammaGamma } = run.model;
  for (const [name, fit] of [['BG/NBD', bgnbd], ['Gamma-Gamma', gammaGamma]] as const) {
    if (fit.atBound) note(ctx, t(lang, 'clv.bound', { model: name }));
    else if (!fit.converged) note(ctx, t(lang, 'clv.notConverged', { model: name }));
  }
  const params = [
    ...Object.entries(bgnbd.params).map(([k, v]) => ({ model: 'BG/NBD', param: k, estimate: v })),
    { model: 'BG/NBD', param: t(lang, 'clv.ll'), estimate: bgnbd.logLikelihood },
    ...Object.entries(gammaGamma.params).map(([k, v]) => ({ model: 'Gamma-Gamma', param: k, estimate: v })),
    { model: 'Gamma-Gamma', param: t(lang, 'clv.ll'), estimate: gammaGamma.logLikelihood },
  ];
  const totals = run.totals;
  const limit = limitOf(flags);
  const topColumns: Column[] = [
    ...nameColumns(lang),
    { key: 'last_day', header: t(lang, 'col.lastDay') },
    { key: 'frequency', header: t(lang, 'col.repeat'), type: 'int' },
    { key: 'historical_cents', header: t(lang, 'col.historical'), type: 'money' },
    { key: 'p_alive', header: t(lang, 'col.pAlive'), type: 'percent' },
    { key: 'expected_purchases', header: t(lang, 'col.expPurchases'), type: 'number', digits: 2 },
    { key: 'expected_average_cents', header: t(lang, 'col.expAverage'), type: 'money' },
    { key: 'clv_cents', header: t(lang, 'col.clv'), type: 'money' },
  ];
  if (ctx.format === 'json' && !ctx.output) {
    return printJson(ctx, { asOf, unit: c.time_unit, horizonMonths, annualDiscountRate: c.annual_discount_rate, fittedOn: run.fittedOn, bgnbd, gammaGamma, totals, top: withNames(db, run.top(limit)) });
  }
  if (forMachines(ctx)) return renderRows(ctx, withNames(db, run.top(limit)), topColumns);
  heading(ctx, asOf, totals.customers);
  print(ctx, tableText(ctx, params, [
    { key: 'model', header: t(lang, 'col.model') },
    { key: 'param', header: t(lang, 'col.param') },
    { key: 'estimate', header: t(lang, 'col.estimate'), type: 'number', digits: 4 },
  ], t(lang, 'title.clvParams', { unit: t(lang, `unit.${c.time_unit}`) })));
  const totalRows = [
    { metric: t(lang, 'clv.customers'), amount: totals.customers.toLocaleString('en-US') },
    { metric: t(lang, 'clv.fitted'), amount: run.fittedOn.toLocaleString('en-US') },
    { metric: t(lang, 'clv.repeat'), amount: totals.repeatBuyers.toLocaleString('en-US') },
    { metric: t(lang, 'clv.historical'), amount: formatMoneyCents(totals.historicalCents) },
    { metric: t(lang, 'clv.expected'), amount: totals.expectedPurchases.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) },
    { metric: t(lang, 'clv.value'), amount: formatMoneyCents(totals.clvCents) },
    { metric: t(lang, 'clv.alive'), amount: pct(totals.meanProbabilityAlive) },
  ];
  print(ctx, tableText(ctx, totalRows, [
    { key: 'metric', header: t(lang, 'col.metric') },
    { key: 'amount', header: t(lang, 'col.amount') },
  ], t(lang, 'title.clvTotals', { months: horizonMonths, rate: pct(c.annual_discount_rate) })));
  print(ctx, tableText(ctx, withNames(db, run.top(limit)), topColumns, t(lang, 'title.clvTop', { n: limit })));
}

/** How a snapshot label reads for people, per model. */
function labelReader(lang: Lang, model: string, cfg: SegmentConfig): (label: string | null) => string {
  const none = t(lang, 'none');
  if (model === 'rfm') {
    const rules = rfmRules(cfg);
    return (l) => (l === null ? none : segmentLabel(l, lang, rules));
  }
  if (model === 'rfm8') return (l) => (l === null ? none : EIGHT_TYPES[l]?.label[lang] ?? l);
  if (model === 'lifecycle') return (l) => (l === null ? none : STAGE_LABELS[l]?.[lang] ?? l);
  if (model === 'matrix') return (l) => (l === null ? none : QUADRANT_LABELS[l]?.[lang] ?? l);
  if (model.startsWith('tiers.')) {
    const set = tierSets(cfg)[model.slice(6)];
    return (l) => (l === null ? none : lang === 'en' ? set?.rules.find((r) => r.name === l)?.en ?? l : l);
  }
  return (l) => l ?? none;
}

async function diffCommand(ctx: Context, flags: CommonFlags & { model?: string; from?: string; to?: string }): Promise<void> {
  const { lang } = ctx;
  const cfg = segmentSection(ctx.config());
  const model = flags.model ?? 'rfm';
  const db = ctx.openDb({ create: false });
  const diff = diffSnapshots(db, model, { from: flags.from ? parseDay(flags.from, '--from') : undefined, to: flags.to ? parseDay(flags.to, '--to') : undefined });
  const read = labelReader(lang, model, cfg);
  const absent = t(lang, 'absent');
  // Matrix: one row per "from" label, one column per "to" label; absent entities get their own row/column.
  const toKeys = [...diff.labels.map((l) => ({ label: l, present: true })), { label: null, present: false }];
  const fromKeys = [...diff.labels.map((l) => ({ label: l, present: true })), { label: null, present: false }];
  const cellCount = (from: { label: string | null; present: boolean }, to: { label: string | null; present: boolean }): number =>
    diff.cells.filter((c) => c.fromPresent === from.present && c.toPresent === to.present && (!from.present || c.from === from.label) && (!to.present || c.to === to.label)).reduce((s, c) => s + c.count, 0);
  const matrixRows = fromKeys
    .map((f) => ({ from: f.present ? read(f.label) : absent, ...Object.fromEntries(toKeys.map((to, j) => [`c${j}`, cellCount(f, to)])) }))
    .filter((r) => toKeys.some((_, j) => (r as Record<string, unknown>)[`c${j}`] !== 0));
  const usedColumns = toKeys.map((to, j) => ({ to, j })).filter(({ j }) => matrixRows.some((r) => (r as Record<string, unknown>)[`c${j}`] !== 0));
  const matrixColumns: Column[] = [
    { key: 'from', header: t(lang, 'col.from') },
    ...usedColumns.map(({ to, j }) => ({ key: `c${j}`, header: to.present ? read(to.label) : absent, type: 'int' as const })),
  ];
  const limit = limitOf(flags);
  const moveRows = (direction: 'up' | 'down', max: number): Row[] =>
    withNames(db, diff.moves(direction, max === Infinity ? -1 : max)).map((m) => ({ ...m, from: read(m.from), to: read(m.to) }));
  const moveColumns: Column[] = [
    ...nameColumns(lang),
    { key: 'from', header: t(lang, 'col.fromLabel') },
    { key: 'to', header: t(lang, 'col.to') },
    { key: 'value_cents', header: t(lang, 'col.value'), type: 'money' },
  ];
  const summary = { up: diff.upgraded, down: diff.downgraded, same: diff.unchanged, entered: diff.entered, left: diff.left };
  if (ctx.format === 'json' && !ctx.output) {
    return printJson(ctx, { model, from: diff.from.as_of, to: diff.to.as_of, ...summary, cells: diff.cells, upgraded: moveRows('up', Infinity), downgraded: moveRows('down', Infinity) });
  }
  if (forMachines(ctx)) return renderRows(ctx, matrixRows, matrixColumns);
  print(ctx, tableText(ctx, matrixRows, matrixColumns, t(lang, 'title.diff', { model, from: diff.from.as_of, to: diff.to.as_of })));
  print(ctx, t(lang, 'diff.summary', Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, count(v)]))));
  const up = moveRows('up', limit);
  if (up.length) print(ctx, tableText(ctx, up, moveColumns, t(lang, 'title.up', { n: count(diff.upgraded), shown: up.length })));
  const down = moveRows('down', limit);
  if (down.length) print(ctx, tableText(ctx, down, moveColumns, t(lang, 'title.down', { n: count(diff.downgraded), shown: down.length })));
}

export function register(program: Command, lang: Lang): void {
  const segment = program.command('segment').description(t(lang, 'segment.desc'));
  common(segment.command('rfm').description(t(lang, 'segment.rfm.desc')), lang, { save: true })
    .option('--min-sample <n>', t(lang, 'opt.minSample'))
    .action(withContext(lang, rfmCommand));
  common(segment.command('tiers').description(t(lang, 'segment.tiers.desc')), lang, { save: true })
    .option('--set <name>', t(lang, 'opt.set'))
    .action(withContext(lang, tiersCommand));
  common(segment.command('pareto').description(t(lang, 'segment.pareto.desc')), lang, { save: true }).action(withContext(lang, paretoCommand));
  common(segment.command('lifecycle').description(t(lang, 'segment.lifecycle.desc')), lang, { save: true, limit: true }).action(withContext(lang, lifecycleCommand));
  common(segment.command('matrix').description(t(lang, 'segment.matrix.desc')), lang, { save: true })
    .option('--window <months>', t(lang, 'opt.window'))
    .action(withContext(lang, matrixCommand));
  common(segment.command('cluster').description(t(lang, 'segment.cluster.desc')), lang, { by: false })
    .option('--k <n>', t(lang, 'opt.k'))
    .option('--seed <n>', t(lang, 'opt.seed'))
    .action(withContext(lang, clusterCommand));
  common(segment.command('clv').description(t(lang, 'segment.clv.desc')), lang, { by: false, limit: true })
    .option('--horizon <months>', t(lang, 'opt.horizon'))
    .action(withContext(lang, clvCommand));
  segment
    .command('diff')
    .description(t(lang, 'segment.diff.desc'))
    .option('--model <model>', t(lang, 'opt.model'), 'rfm')
    .option('--from <date>', t(lang, 'opt.from'))
    .option('--to <date>', t(lang, 'opt.to'))
    .option('--limit <n>', t(lang, 'opt.limit'))
    .action(withContext(lang, diffCommand));
}
