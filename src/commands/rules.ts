import type { Command } from 'commander';
import type { Context } from '../context.js';
import { createTranslator, type Lang } from '../output/i18n.js';
import { messages } from '../output/messages/rules.js';
import { formatMoneyCents, type Column } from '../output/columns.js';
import { note, print, printJson, renderRows, tableText } from '../output/render.js';
import { parseDay } from '../segment/dates.js';
import { serviceConfigOf } from '../service/config.js';
import { formatMinutes } from '../service/duration.js';
import { localNow } from '../service/worktime.js';
import { startRun, finishRun } from '../store/runs.js';
import {
  actionLabel, conditionValues, evaluateRules, existingKeys, explain, explainTask, kpis, rulesConfigOf, runRules, showTs, taskTier,
  type Candidate, type Kpis, type TaskRow,
} from '../rules/index.js';
import { ACTIVITY_FIELDS, CUSTOMER_FIELDS, FEEDBACK_FIELDS, SEGMENT_FIELDS, TIER_CHANGE_FIELDS } from '../rules/fields.js';
import { withContext } from './action.js';

const t = createTranslator(messages);

/** Today (or --as-of) in the service time zone. */
export function asOfDay(ctx: Context, value: string | undefined): string {
  return value === undefined ? localNow(serviceConfigOf(ctx.config()).timezone).slice(0, 10) : parseDay(value);
}

export function register(program: Command, lang: Lang): void {
  const rules = program.command('rules').description(t(lang, 'rules.desc'));
  rules
    .command('list')
    .description(t(lang, 'rules.list.desc'))
    .action(withContext(lang, (ctx) => listRules(ctx)));
  rules
    .command('fields')
    .description(t(lang, 'rules.fields.desc'))
    .action(withContext(lang, (ctx) => listFields(ctx)));
  rules
    .command('test')
    .description(t(lang, 'rules.test.desc'))
    .option('--as-of <date>', t(lang, 'rules.asOf'))
    .option('--rule <id>', t(lang, 'rules.rule'))
    .action(withContext<{ asOf?: string; rule?: string }>(lang, (ctx, opts) => testRules(ctx, opts)));
  rules
    .command('run')
    .description(t(lang, 'rules.run.desc'))
    .option('--as-of <date>', t(lang, 'rules.asOf'))
    .option('--rule <id>', t(lang, 'rules.rule'))
    .action(withContext<{ asOf?: string; rule?: string }>(lang, (ctx, opts) => run(ctx, opts)));
}

async function listRules(ctx: Context): Promise<void> {
  const { lang } = ctx;
  const rows = rulesConfigOf(ctx.config()).list.map((r) => ({
    id: r.id,
    kind: r.kind,
    label: r.label?.[lang] ?? '',
    when: r.when,
    window: 'window' in r ? String(r.window) : '',
    action: actionLabel(lang, r.action),
    owner: r.owner_from_customer ? `${r.owner} *` : r.owner,
    due: String(r.due),
    enabled: t(lang, r.enabled ? 'yes' : 'no'),
  }));
  await renderRows(ctx, rows, ['id', 'kind', 'label', 'when', 'window', 'action', 'owner', 'due', 'enabled'].map((k) => ({ key: k, header: k === 'id' ? t(lang, 'col.rule') : t(lang, `col.${k}`) })));
}

async function listFields(ctx: Context): Promise<void> {
  const { lang } = ctx;
  const groups: [string, Record<string, string>][] = [
    ['contract_end, no_order', CUSTOMER_FIELDS],
    ['activity_drop (scope: customer)', { ...CUSTOMER_FIELDS, ...ACTIVITY_FIELDS }],
    ['activity_drop (scope: segment)', SEGMENT_FIELDS],
    ['complaint', FEEDBACK_FIELDS],
    ['tier_change', TIER_CHANGE_FIELDS],
  ];
  const rows = groups.flatMap(([kind, fields]) => Object.entries(fields).map(([field, meaning]) => ({ kind, field, meaning })));
  await renderRows(ctx, rows, [
    { key: 'kind', header: t(lang, 'col.kind') },
    { key: 'field', header: t(lang, 'col.field') },
    { key: 'meaning', header: t(lang, 'col.meaning') },
  ]);
}

function why(lang: Lang, c: Candidate): string {
  const values = conditionValues(c.condition, c.values);
  const sentence = explain(lang, c.kind, c.detail);
  return values ? `${sentence} [${values}]` : sentence;
}

function candidateColumns(lang: Lang): Column[] {
  return [
    { key: 'rule', header: t(lang, 'col.rule') },
    { key: 'action', header: t(lang, 'col.action') },
    { key: 'subject', header: t(lang, 'col.subject') },
    { key: 'tier', header: t(lang, 'col.tier') },
    { key: 'owner', header: t(lang, 'col.owner') },
    { key: 'due', header: t(lang, 'col.due') },
    { key: 'state', header: t(lang, 'col.state') },
    { key: 'why', header: t(lang, 'col.why') },
  ];
}

async function testRules(ctx: Context, opts: { asOf?: string; rule?: string }): Promise<void> {
  const { lang } = ctx;
  const asOf = asOfDay(ctx, opts.asOf);
  const db = ctx.openDb({ create: false });
  const evaluation = evaluateRules(db, ctx.config(), asOf, { ruleId: opts.rule });
  const all = evaluation.results.flatMap((r) => r.candidates);
  const known = existingKeys(db, all.map((c) => c.key));
  const rows = all.map((c) => ({
    rule: c.ruleId,
    action: actionLabel(lang, c.action),
    subject: c.subject ?? '',
    tier: (lang === 'en' && typeof c.values.tier_en === 'string' ? c.values.tier_en : c.tier) ?? '',
    owner: c.owner,
    due: showTs(c.dueTs),
    state: t(lang, known.has(c.key) ? 'state.exists' : 'state.new'),
    why: why(lang, c),
    key: c.key,
    values: c.values,
  }));
  if (ctx.format === 'json' && !ctx.output) return printJson(ctx, { asOf, candidates: all.map((c, i) => ({ ...c, exists: known.has(c.key), why: rows[i].why })) });
  if (rows.length === 0 && ctx.format === 'table' && !ctx.output) return print(ctx, t(lang, 'rules.none', { asOf }));
  const fresh = all.filter((c) => !known.has(c.key)).length;
  await renderRows(ctx, rows, candidateColumns(lang), { title: t(lang, 'rules.testTitle', { asOf, n: rows.length, fresh }) });
}

export function taskColumns(lang: Lang): Column[] {
  return [
    { key: 'id', header: t(lang, 'col.id'), type: 'int' },
    { key: 'status', header: t(lang, 'col.status') },
    { key: 'rule_id', header: t(lang, 'col.rule') },
    { key: 'action', header: t(lang, 'col.action') },
    { key: 'subject', header: t(lang, 'col.subject') },
    { key: 'tier', header: t(lang, 'col.tier') },
    { key: 'owner', header: t(lang, 'col.owner') },
    { key: 'due', header: t(lang, 'col.due') },
    { key: 'overdue', header: t(lang, 'col.overdue') },
    { key: 'why', header: t(lang, 'col.why') },
  ];
}

/** A stored task as a display row (`now` decides overdue). */
export function taskRow(lang: Lang, task: TaskRow, now: string): Record<string, unknown> {
  return {
    ...task,
    status: t(lang, `status.${task.status}`),
    action: actionLabel(lang, task.action),
    subject: task.subject ?? '',
    tier: taskTier(lang, task) ?? '',
    due: showTs(task.due_ts),
    overdue: task.status === 'open' && task.due_ts < now ? t(lang, 'yes') : '',
    why: explainTask(lang, task),
  };
}

async function run(ctx: Context, opts: { asOf?: string; rule?: string }): Promise<void> {
  const { lang } = ctx;
  const asOf = asOfDay(ctx, opts.asOf);
  const config = ctx.config();
  const now = localNow(serviceConfigOf(config).timezone);
  // the store's write lock (taken on open) keeps a cron `custops run weekly` from creating the same tasks
  const db = ctx.openDb({ create: false });
  const runId = startRun(db, 'rules run', { asOf, rule: opts.rule });
  let result;
  try {
    result = runRules(db, config, asOf, { ruleId: opts.rule, now, runId });
  } catch (err) {
    finishRun(db, runId, 'failed', { error: (err as Error).message });
    throw err;
  }
  finishRun(db, runId, 'ok', { asOf, perRule: result.perRule, created: result.created.length, existing: result.existing });
  if (ctx.format === 'json' && !ctx.output) {
    return printJson(ctx, { asOf, perRule: result.perRule, existing: result.existing, created: result.created.map((task) => ({ ...task, facts: JSON.parse(task.facts) as unknown, why: explainTask(lang, task) })) });
  }
  const created = result.created.map((task) => taskRow(lang, task, now));
  if (ctx.format === 'csv' || ctx.output) return renderRows(ctx, created, taskColumns(lang));
  print(
    ctx,
    tableText(ctx, result.perRule, [
      { key: 'ruleId', header: t(lang, 'col.rule') },
      { key: 'kind', header: t(lang, 'col.kind') },
      { key: 'matched', header: t(lang, 'col.matched'), type: 'int' },
      { key: 'created', header: t(lang, 'col.created'), type: 'int' },
    ], t(lang, 'rules.runTitle', { asOf })),
  );
  if (created.length > 0) print(ctx, tableText(ctx, created, taskColumns(lang), t(lang, 'rules.newTasks')));
  note(ctx, t(lang, 'rules.created', { created: result.created.length, existing: result.existing }));
}

function kpiRows(lang: Lang, k: Kpis): { metric: string; value: string; basis: string }[] {
  const pct = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
  const n = String(k.periodMonths);
  return [
    { metric: t(lang, 'kpi.retention'), value: pct(k.retention.rate), basis: t(lang, 'kpi.basis.retention', { n, base: k.retention.base }) },
    { metric: t(lang, 'kpi.churn'), value: pct(k.churn.rate), basis: t(lang, 'kpi.basis.churn', { n, base: k.churn.base }) },
    { metric: t(lang, 'kpi.repurchase'), value: pct(k.repurchase.rate), basis: t(lang, 'kpi.basis.repurchase', { n: k.repurchaseMonths, base: k.repurchase.base }) },
    { metric: t(lang, 'kpi.firstResponse'), value: formatMinutes(k.firstResponse.averageMinutes) || '—', basis: t(lang, 'kpi.basis.firstResponse', { n, base: k.firstResponse.tickets }) },
    { metric: t(lang, 'kpi.sla'), value: pct(k.sla.rate), basis: t(lang, 'kpi.basis.sla', { n, base: k.sla.base }) },
    ...k.clvByTier.map((tier) => ({
      metric: t(lang, 'kpi.clv', { tier: lang === 'en' ? tier.tierEn : tier.tier }),
      value: tier.valueCents === null ? '—' : `¥${formatMoneyCents(tier.valueCents)}`,
      basis: t(lang, k.clvMethod === 'model' ? 'kpi.basis.clvModel' : 'kpi.basis.clvHistorical', { base: tier.customers, months: k.clvHorizonMonths }),
    })),
  ];
}

/** Adds `--kpi` and `--as-of` to a command (custops status). */
export function withKpiOptions(command: Command, lang: Lang): Command {
  return command.option('--kpi', t(lang, 'kpi.option')).option('--as-of <date>', t(lang, 'kpi.asOf'));
}

/** `custops status --kpi`: the key figures as of a day (default today). */
export async function printKpis(ctx: Context, asOf?: string): Promise<void> {
  const { lang } = ctx;
  const day = asOfDay(ctx, asOf);
  const db = ctx.openDb({ create: false });
  const k = kpis(db, ctx.config(), day);
  if (ctx.format === 'json' && !ctx.output) return printJson(ctx, k);
  await renderRows(
    ctx,
    kpiRows(lang, k),
    [
      { key: 'metric', header: t(lang, 'kpi.metric') },
      { key: 'value', header: t(lang, 'kpi.value') },
      { key: 'basis', header: t(lang, 'kpi.basis') },
    ],
    { title: t(lang, 'kpi.title', { asOf: day }) },
  );
}
