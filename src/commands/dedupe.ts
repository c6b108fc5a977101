import chalk from 'chalk';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import type { RunSummary } from '../dedupe/apply.js';
import { defaultDedupeConfig, type DedupeConfig } from '../dedupe/config.js';
import type { DedupeResult, ReviewPair } from '../dedupe/engine.js';
import { entityEvidence, listRuns, sideBySide } from '../dedupe/inspect.js';
import { InputError, UsageError } from '../errors.js';
import { createTranslator, type Lang } from '../output/i18n.js';
import { messages } from '../output/messages/dedupe.js';
import { note, print, printJson, renderRows, tableText } from '../output/render.js';
import type { Db } from '../store/db.js';
import { finishRun, startRun } from '../store/runs.js';
import { withContext } from './action.js';

const t = createTranslator(messages);

// The matching engine (pinyin-pro) and the prompts (@inquirer/prompts) are loaded only when a
// run needs them, so `custops --help` and other commands start without them.
const matching = () => import('../dedupe/apply.js');
const engine = () => import('../dedupe/engine.js');
const explaining = () => import('../dedupe/explain.js');
const decisions = () => import('../dedupe/decisions.js');

interface DedupeFlags {
  dryRun?: boolean;
  review?: boolean;
  explain?: string;
  undo?: string;
  runs?: boolean;
}

export function register(program: Command, lang: Lang): void {
  program
    .command('dedupe')
    .description(t(lang, 'dedupe.desc'))
    .option('--dry-run', t(lang, 'dedupe.dryRun'))
    .option('--review', t(lang, 'dedupe.review'))
    .option('--explain <id>', t(lang, 'dedupe.explain'))
    .option('--undo <run>', t(lang, 'dedupe.undo'))
    .option('--runs', t(lang, 'dedupe.runs'))
    .action(withContext<DedupeFlags>(lang, (ctx, flags) => runDedupeCommand(ctx, flags)));
}

function dedupeConfig(ctx: Context): DedupeConfig {
  return (ctx.config() as { dedupe?: DedupeConfig }).dedupe ?? defaultDedupeConfig();
}

export async function runDedupeCommand(ctx: Context, flags: DedupeFlags): Promise<number> {
  const exclusive = [flags.explain !== undefined, flags.undo !== undefined, Boolean(flags.runs)].filter(Boolean).length;
  if (exclusive > 1 || (exclusive === 1 && (flags.review || flags.dryRun))) {
    throw new UsageError('--explain, --undo and --runs cannot be combined with each other or with --review / --dry-run');
  }
  if (flags.review && !ctx.interactive) throw new UsageError(t(ctx.lang, 'dedupe.reviewNeedsTty'), t(ctx.lang, 'dedupe.reviewNeedsTtyHint'));
  if (flags.runs) return showRuns(ctx);
  if (flags.undo !== undefined) return undo(ctx, flags.undo);
  if (flags.explain !== undefined) return explain(ctx, flags.explain);

  const config = dedupeConfig(ctx);
  const db = ctx.openDb({ create: false, readonly: Boolean(flags.dryRun) && !flags.review });
  requireCustomers(ctx, db);
  note(ctx, `${t(ctx.lang, 'dedupe.matching')} …`);
  const { applyDedupe, matchStore } = await matching();
  let result = matchStore(db, config);
  if (flags.review) {
    const answered = await review(ctx, db, result);
    if (answered > 0) {
      const [{ clusterScored }, { loadDecisions }] = await Promise.all([engine(), decisions()]);
      result = clusterScored(result, loadDecisions(db));
    }
  }
  if (flags.dryRun) return showPlan(ctx, db, result);
  const runId = startRun(db, 'dedupe', flags);
  let summary: RunSummary;
  try {
    summary = applyDedupe(db, result, config, runId);
  } catch (err) {
    finishRun(db, runId, 'failed', { error: (err as Error).message });
    throw err;
  }
  finishRun(db, runId, 'ok', summary);
  return showSummary(ctx, summary);
}

function requireCustomers(ctx: Context, db: Db): void {
  if (db.prepare('SELECT 1 FROM customers LIMIT 1').get() === undefined) throw new InputError(t(ctx.lang, 'dedupe.noCustomers'), 'custops ingest customers.csv');
}

async function showSummary(ctx: Context, s: RunSummary): Promise<number> {
  const { lang } = ctx;
  if (ctx.format === 'json') {
    printJson(ctx, s);
    return 0;
  }
  const rows = [
    ['dedupe.records', s.records],
    ['dedupe.candidates', s.candidatePairs],
    ['dedupe.groups', s.clusters],
    ['dedupe.merged', s.mergedRecords],
    ['dedupe.created', s.entitiesCreated],
    ['dedupe.updated', s.entitiesUpdated],
    ['dedupe.deleted', s.entitiesDeleted],
    ['dedupe.changed', s.customersChanged],
    ['dedupe.reviewPairs', s.reviewPairs],
    ['dedupe.seconds', s.seconds.toFixed(1)],
  ].map(([key, value]) => ({ metric: t(lang, key as string), value }));
  await renderRows(
    ctx,
    rows,
    [
      { key: 'metric', header: t(lang, 'dedupe.metric') },
      { key: 'value', header: t(lang, 'dedupe.value'), type: 'number', digits: 0 },
    ],
    { title: t(lang, 'dedupe.summary', { run: s.dedupeRun }) },
  );
  if (s.reviewPairs > 0) note(ctx, t(lang, 'dedupe.reviewHint', { n: s.reviewPairs }));
  return 0;
}

async function showPlan(ctx: Context, db: Db, result: DedupeResult): Promise<number> {
  const { lang } = ctx;
  const nameOf = db.prepare("SELECT coalesce(name_norm, name, trim(coalesce(given_name, '') || ' ' || coalesce(family_name, ''))) AS name, entity_id FROM customers WHERE id = ?");
  const minScore = new Map<number, number>();
  for (const link of result.links) {
    const root = result.root[result.indexOf.get(link.a) as number];
    minScore.set(root, Math.min(minScore.get(root) ?? 1, link.probability));
  }
  const groups = result.clusters.map((ids, k) => {
    const rows = ids.map((id) => nameOf.get(id) as { name: string | null; entity_id: number | null });
    const entities = new Set(rows.map((r) => r.entity_id));
    const root = result.root[result.indexOf.get(ids[0]) as number];
    return {
      group: k + 1,
      members: ids.slice().sort((a, b) => a - b).join(' '),
      names: [...new Set(rows.map((r) => r.name).filter((n) => n))].join(' / '),
      score: minScore.get(root) ?? 1,
      new: entities.size > 1 || entities.has(null) ? t(lang, 'dedupe.yes') : t(lang, 'dedupe.no'),
    };
  });
  if (ctx.format === 'json' && !ctx.output) {
    printJson(ctx, { groups, review: result.review, stats: result.stats });
    return 0;
  }
  await renderRows(
    ctx,
    groups,
    [
      { key: 'group', header: t(lang, 'dedupe.group'), type: 'int' },
      { key: 'members', header: t(lang, 'dedupe.members') },
      { key: 'names', header: t(lang, 'dedupe.names') },
      { key: 'score', header: t(lang, 'dedupe.minScore'), type: 'number', digits: 3 },
      { key: 'new', header: t(lang, 'dedupe.isNew') },
    ],
    { title: t(lang, 'dedupe.planTitle') },
  );
  if (result.review.length > 0) note(ctx, t(lang, 'dedupe.reviewHint', { n: result.review.length }));
  return 0;
}

async function review(ctx: Context, db: Db, result: DedupeResult): Promise<number> {
  const { lang } = ctx;
  const pairs: ReviewPair[] = result.review;
  if (pairs.length === 0) {
    note(ctx, t(lang, 'dedupe.nothingToReview'));
    return 0;
  }
  const config = result.config;
  const [{ expand }, { explainPair }, { saveDecision }] = await Promise.all([import('@inquirer/prompts'), explaining(), decisions()]);
  const paint = (style: (s: string) => string) => (text: string): string => (ctx.color ? style(text) : text);
  const bold = paint(chalk.bold);
  const changed = paint(chalk.yellow);
  const plus = paint(chalk.green);
  const minus = paint(chalk.red);
  let answered = 0;
  for (let k = 0; k < pairs.length; k++) {
    const pair = pairs[k];
    const e = explainPair(result, pair.a, pair.b, config, config.blocking.rules);
    print(ctx, '');
    print(ctx, bold(t(lang, 'dedupe.reviewProgress', { i: k + 1, n: pairs.length, p: pair.probability.toFixed(3), reason: t(lang, `dedupe.reason.${pair.reason}`) })));
    const sides = sideBySide(db, pair.a, pair.b).map((r) => ({
      field: r.field,
      a: r.differs ? changed(r.a ?? '') : (r.a ?? ''),
      b: r.differs ? changed(r.b ?? '') : (r.b ?? ''),
    }));
    print(ctx, tableText(ctx, sides, [
      { key: 'field', header: t(lang, 'dedupe.field') },
      { key: 'a', header: t(lang, 'dedupe.recordA') },
      { key: 'b', header: t(lang, 'dedupe.recordB') },
    ]));
    const reasons = e.steps
      .filter((s) => s.level !== 'missing')
      .sort((x, y) => Math.abs(y.weight) - Math.abs(x.weight))
      .slice(0, 5)
      .map((s) => `${s.comparison}: ${s.level} ${s.weight >= 0 ? plus(`+${s.weight.toFixed(1)}`) : minus(s.weight.toFixed(1))}`);
    print(ctx, `${t(lang, 'dedupe.reasons')}: ${reasons.join(' · ')}`);
    const answer = await expand({
      message: t(lang, 'dedupe.question'),
      default: 's',
      choices: [
        { key: 'y', name: t(lang, 'dedupe.answer.same'), value: 'same' },
        { key: 'n', name: t(lang, 'dedupe.answer.different'), value: 'different' },
        { key: 's', name: t(lang, 'dedupe.answer.skip'), value: 'skip' },
        { key: 'q', name: t(lang, 'dedupe.answer.quit'), value: 'quit' },
      ],
    });
    if (answer === 'quit') break;
    if (answer === 'skip') continue;
    saveDecision(db, pair.a, pair.b, answer === 'same', pair.probability);
    answered++;
  }
  note(ctx, t(lang, 'dedupe.answersSaved', { n: answered }));
  return answered;
}

function parseIds(text: string): number[] {
  const parts = text.split(/[,，\s]+/).filter((p) => p !== '');
  if (parts.length < 1 || parts.length > 2 || parts.some((p) => !/^\d+$/.test(p))) throw new UsageError(`--explain ${text}: not a customer id`, 'custops dedupe --explain 12  or  --explain 12,345');
  return parts.map(Number);
}

async function explain(ctx: Context, text: string): Promise<number> {
  const { lang } = ctx;
  const ids = parseIds(text);
  const db = ctx.openDb({ readonly: true });
  for (const id of ids) {
    if (db.prepare('SELECT 1 FROM customers WHERE id = ?').get(id) === undefined) throw new InputError(t(lang, 'dedupe.noCustomer', { id }), 'custops export customers --format csv lists the ids');
  }
  if (ids.length === 1) return explainEntity(ctx, db, ids[0]);
  const config = dedupeConfig(ctx);
  const [{ matchStore }, { explainPair }] = await Promise.all([matching(), explaining()]);
  const result = matchStore(db, config);
  const e = explainPair(result, ids[0], ids[1], config, config.blocking.rules);
  const entities = db.prepare('SELECT id, entity_id FROM customers WHERE id IN (?, ?)').all(ids[0], ids[1]) as { id: number; entity_id: number | null }[];
  if (ctx.format === 'json') {
    printJson(ctx, { ...e, entities });
    return 0;
  }
  print(ctx, tableText(ctx, sideBySide(db, ids[0], ids[1]) as unknown as Record<string, unknown>[], [
    { key: 'field', header: t(lang, 'dedupe.field') },
    { key: 'a', header: t(lang, 'dedupe.recordA') },
    { key: 'b', header: t(lang, 'dedupe.recordB') },
  ]));
  const rows = [
    { comparison: t(lang, 'dedupe.prior'), level: '', a: '', b: '', weight: e.prior },
    ...e.steps.map((s) => ({ comparison: s.comparison, level: s.level, a: s.valueA ?? '', b: s.valueB ?? '', weight: s.weight })),
    { comparison: t(lang, 'dedupe.total'), level: '', a: '', b: '', weight: e.weight },
  ];
  await renderRows(ctx, rows, [
    { key: 'comparison', header: t(lang, 'dedupe.comparison') },
    { key: 'level', header: t(lang, 'dedupe.level') },
    { key: 'a', header: 'A' },
    { key: 'b', header: 'B' },
    { key: 'weight', header: t(lang, 'dedupe.weight'), type: 'number', digits: 2 },
  ]);
  print(ctx, t(lang, 'dedupe.probability', { p: e.probability.toFixed(4), verdict: t(lang, `dedupe.verdict.${e.verdict}`) }));
  print(ctx, e.blockedBy.length > 0 ? t(lang, 'dedupe.blockedBy', { rules: e.blockedBy.join(', ') }) : t(lang, 'dedupe.notBlocked'));
  const [ea, eb] = ids.map((id) => entities.find((x) => x.id === id)?.entity_id ?? null);
  if (ea !== null && ea === eb) print(ctx, t(lang, 'dedupe.sameEntity', { entity: ea }));
  else print(ctx, t(lang, 'dedupe.differentEntity', { a: ea ?? '-', b: eb ?? '-' }));
  return 0;
}

async function explainEntity(ctx: Context, db: Db, id: number): Promise<number> {
  const { lang } = ctx;
  const evidence = entityEvidence(db, id);
  if (!evidence) throw new InputError(t(lang, 'dedupe.noCustomer', { id }));
  if (ctx.format === 'json') {
    printJson(ctx, evidence);
    return 0;
  }
  if (evidence.entityId === null) {
    print(ctx, t(lang, 'dedupe.noEntity', { id }));
    return 0;
  }
  print(ctx, t(lang, 'dedupe.entityOf', { id, entity: evidence.entityId, n: evidence.members.length }));
  await renderRows(ctx, evidence.members as unknown as Record<string, unknown>[], [
    { key: 'customer_id', header: 'id', type: 'int' },
    { key: 'name', header: t(lang, 'dedupe.names') },
    { key: 'linked_to', header: t(lang, 'dedupe.linkedTo'), type: 'int' },
    { key: 'score', header: t(lang, 'dedupe.score'), type: 'number', digits: 3 },
    { key: 'reasons', header: t(lang, 'dedupe.reasons') },
  ]);
  if (evidence.openPairs.length > 0) {
    print(ctx, tableText(ctx, evidence.openPairs as unknown as Record<string, unknown>[], [
      { key: 'customer_a', header: 'A', type: 'int' },
      { key: 'customer_b', header: 'B', type: 'int' },
      { key: 'score', header: t(lang, 'dedupe.score'), type: 'number', digits: 3 },
      { key: 'reason', header: t(lang, 'dedupe.level') },
    ], t(lang, 'dedupe.openPairs')));
  }
  return 0;
}

async function undo(ctx: Context, text: string): Promise<number> {
  if (!/^\d+$/.test(text)) throw new UsageError(`--undo ${text}: not a run number`, 'custops dedupe --runs lists the runs');
  const db = ctx.openDb({ create: false });
  const { undoDedupe } = await matching();
  const s = undoDedupe(db, Number(text));
  if (ctx.format === 'json') printJson(ctx, s);
  else print(ctx, t(ctx.lang, 'dedupe.undone', { run: s.dedupeRun, customers: s.customersRestored, restored: s.entitiesRestored, removed: s.entitiesRemoved }));
  return 0;
}

async function showRuns(ctx: Context): Promise<number> {
  const { lang } = ctx;
  const db = ctx.openDb({ readonly: true });
  const runs = listRuns(db);
  if (runs.length === 0 && ctx.format === 'table' && !ctx.output) {
    print(ctx, t(lang, 'dedupe.noRuns'));
    return 0;
  }
  await renderRows(ctx, runs as unknown as Record<string, unknown>[], [
    { key: 'id', header: t(lang, 'dedupe.run'), type: 'int' },
    { key: 'started_at', header: t(lang, 'dedupe.started') },
    { key: 'status', header: t(lang, 'dedupe.status') },
    { key: 'records', header: t(lang, 'dedupe.records'), type: 'int' },
    { key: 'clusters', header: t(lang, 'dedupe.groups'), type: 'int' },
    { key: 'merged_records', header: t(lang, 'dedupe.merged'), type: 'int' },
    { key: 'review_pairs', header: t(lang, 'dedupe.reviewPairs'), type: 'int' },
  ]);
  return 0;
}
