import { Chalk } from 'chalk';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { CustopsError, ExitCode, UsageError } from '../errors.js';
import { alertHistory, listAlerts, resolveAlert, type AlertFilter, type AlertItem } from '../feedback/alerts.js';
import { defaultFeedbackConfig, type FeedbackConfig } from '../feedback/config.js';
import { KeywordCollector } from '../feedback/keywords.js';
import { entityLabels } from '../feedback/labels.js';
import { feedbackRows, taxonomyFromConfig, type RowFilter } from '../feedback/store.js';
import { CUTS, groupKey, summarise, type Cut, type GroupSummary } from '../feedback/summary.js';
import { syncFeedback } from '../feedback/sync.js';
import { localNow, parseTimestampOption } from '../feedback/time.js';
import { topicHeatmap, topicReport, type HeatmapMetric } from '../feedback/topic-report.js';
import { tokenize } from '../feedback/tokens.js';
import { suggestTopics } from '../feedback/topics.js';
import type { Column } from '../output/columns.js';
import { createTranslator, type Lang } from '../output/i18n.js';
import { messages } from '../output/messages/feedback.js';
import { note, print, printJson, renderRows, tableText, type Row } from '../output/render.js';
import type { Db } from '../store/db.js';
import { finishRun, startRun } from '../store/runs.js';
import { withContext } from './action.js';

const t = createTranslator(messages);

interface PeriodOptions {
  since?: string;
  until?: string;
}

export function register(program: Command, lang: Lang): void {
  const feedback = program.command('feedback').description(t(lang, 'feedback.desc'));

  feedback
    .command('summary')
    .description(t(lang, 'feedback.summary.desc'))
    .option('--by <cut>', t(lang, 'feedback.opt.by', { choices: CUTS.join(' | ') }), 'all')
    .option('--since <day>', t(lang, 'feedback.opt.since'))
    .option('--until <day>', t(lang, 'feedback.opt.until'))
    .action(
      withContext<PeriodOptions & { by: string }>(lang, async (ctx, opts) => {
        const by = parseCut(lang, opts.by);
        const { db, config } = prepare(ctx, lang);
        const filter = rowFilter(lang, opts);
        const labelOf = by === 'tier' || by === 'segment' ? labeller(ctx, lang, db, by, filter.until) : undefined;
        const groups = summarise(feedbackRows(db, filter), { by, config, labelOf });
        if (ctx.format === 'json' && !ctx.output) return printJson(ctx, { by, min_responses: config.min_responses, groups });
        const columns = summaryColumns(lang, by);
        const rows = groups.map((g) => summaryRow(g, ctx.format === 'table' && !ctx.output));
        await renderRows(ctx, rows, columns, { title: t(lang, 'feedback.title.summary'), sheetName: 'summary' });
        if (ctx.format === 'table' && !ctx.output) {
          if (groups.some((g) => g.small)) note(ctx, t(lang, 'feedback.small', { min: config.min_responses }));
          if (by === 'month' || by === 'week') note(ctx, t(lang, 'feedback.significant'));
        }
      }),
    );

  feedback
    .command('keywords')
    .description(t(lang, 'feedback.keywords.desc'))
    .option('--by <cut>', t(lang, 'feedback.opt.by', { choices: CUTS.join(' | ') }), 'all')
    .option('--top <n>', t(lang, 'feedback.opt.top'))
    .option('--method <method>', t(lang, 'feedback.opt.method'))
    .option('--sentiment <label>', t(lang, 'feedback.opt.sentiment'))
    .option('--since <day>', t(lang, 'feedback.opt.since'))
    .option('--until <day>', t(lang, 'feedback.opt.until'))
    .action(
      withContext<PeriodOptions & { by: string; top?: string; method?: string; sentiment?: string }>(lang, async (ctx, opts) => {
        const by = parseCut(lang, opts.by);
        const { db, config } = prepare(ctx, lang);
        const filter = rowFilter(lang, opts);
        const method = opts.method ?? config.keywords.method;
        if (method !== 'tfidf' && method !== 'textrank') throw new UsageError(`--method ${method}`, 'use tfidf or textrank');
        if (opts.sentiment && !['positive', 'neutral', 'negative'].includes(opts.sentiment)) {
          throw new UsageError(`--sentiment ${opts.sentiment}`, 'use positive, neutral or negative');
        }
        const top = opts.top ? positiveInt(opts.top, '--top') : config.keywords.top;
        const labelOf = by === 'tier' || by === 'segment' ? labeller(ctx, lang, db, by, filter.until) : undefined;
        const collectors = new Map<string, KeywordCollector>();
        const summaryOptions = { by, config, labelOf };
        for (const row of feedbackRows(db, filter)) {
          if (!row.comment?.trim() || (opts.sentiment && row.sentiment !== opts.sentiment)) continue;
          const key = groupKey(row, summaryOptions);
          let collector = collectors.get(key);
          if (!collector) {
            collector = new KeywordCollector({ top, method, stopWords: config.keywords.stop_words, userWords: config.keywords.user_words });
            collectors.set(key, collector);
          }
          collector.add(tokenize(row.comment));
        }
        const rows: Row[] = [];
        for (const [group, collector] of [...collectors].sort(([a], [b]) => a.localeCompare(b))) {
          for (const k of collector.result()) rows.push({ group, term: k.term, weight: k.weight, count: k.count, texts: k.texts });
        }
        const columns: Column[] = [
          ...(by === 'all' ? [] : [{ key: 'group', header: t(lang, 'feedback.col.group') }]),
          { key: 'term', header: t(lang, 'feedback.col.term') },
          { key: 'weight', header: t(lang, 'feedback.col.weight'), type: 'number', digits: 2 },
          { key: 'count', header: t(lang, 'feedback.col.count'), type: 'int' },
          { key: 'texts', header: t(lang, 'feedback.col.texts'), type: 'int' },
        ];
        await renderRows(ctx, rows, columns, { title: t(lang, 'feedback.title.keywords'), sheetName: 'keywords' });
      }),
    );

  feedback
    .command('topics')
    .description(t(lang, 'feedback.topics.desc'))
    .option('--since <day>', t(lang, 'feedback.opt.since'))
    .option('--until <day>', t(lang, 'feedback.opt.until'))
    .option('--suggest', t(lang, 'feedback.opt.suggest'))
    .action(
      withContext<PeriodOptions & { suggest?: boolean }>(lang, async (ctx, opts) => {
        const { db, config } = prepare(ctx, lang);
        const rows = [...feedbackRows(db, rowFilter(lang, opts))];
        const report = topicReport(rows, taxonomyFromConfig(config));
        const suggestions = opts.suggest
          ? suggestTopics(rows.filter((r) => r.sentiment !== null && r.topics.length === 0).map((r) => r.comment ?? ''))
          : undefined;
        if (ctx.format === 'json' && !ctx.output) return printJson(ctx, { ...report, suggestions });
        const people = ctx.format === 'table' && !ctx.output;
        const topicRows = report.topics.map((s) => ({
          ...s,
          label: lang === 'zh' ? s.zh : s.en,
          quadrant_label: people ? t(lang, `feedback.quadrant.${s.quadrant}`) : s.quadrant,
        }));
        const columns: Column[] = [
          { key: people ? 'label' : 'topic', header: t(lang, 'feedback.col.topic') },
          { key: 'volume', header: t(lang, 'feedback.col.volume'), type: 'int' },
          { key: 'share', header: t(lang, 'feedback.col.share'), type: 'percent' },
          { key: 'negative_share', header: t(lang, 'feedback.col.negative'), type: 'percent' },
          { key: 'avg_score', header: t(lang, 'feedback.col.avgScore'), type: 'number', digits: 2 },
          { key: 'nps', header: t(lang, 'feedback.col.nps'), type: 'number', digits: 1 },
          { key: 'nps_impact', header: t(lang, 'feedback.col.npsImpact'), type: 'number', digits: 1 },
          { key: 'priority', header: t(lang, 'feedback.col.priority'), type: 'number', digits: 3 },
          { key: 'quadrant_label', header: t(lang, 'feedback.col.quadrant') },
        ];
        await renderRows(ctx, topicRows, columns, { title: t(lang, 'feedback.title.topics'), sheetName: 'topics' });
        if (people) note(ctx, t(lang, 'feedback.topics.summary', { comments: report.comments, unassigned: report.unassigned }));
        if (suggestions && suggestions.length > 0 && people) {
          print(
            ctx,
            tableText(
              ctx,
              suggestions.map((s) => ({ ...s, examples: s.examples.join(' / ') })),
              [
                { key: 'phrase', header: t(lang, 'feedback.col.phrase') },
                { key: 'count', header: t(lang, 'feedback.col.count'), type: 'int' },
                { key: 'examples', header: t(lang, 'feedback.col.examples') },
              ],
              t(lang, 'feedback.title.suggest'),
            ),
          );
        }
      }),
    );

  feedback
    .command('heatmap')
    .description(t(lang, 'feedback.heatmap.desc'))
    .option('--metric <metric>', t(lang, 'feedback.opt.metric'), 'volume')
    .option('--since <day>', t(lang, 'feedback.opt.since'))
    .option('--until <day>', t(lang, 'feedback.opt.until'))
    .action(
      withContext<PeriodOptions & { metric: string }>(lang, async (ctx, opts) => {
        if (opts.metric !== 'volume' && opts.metric !== 'negative') throw new UsageError(`--metric ${opts.metric}`, 'use volume or negative');
        const metric = opts.metric as HeatmapMetric;
        const { db, config } = prepare(ctx, lang);
        const map = topicHeatmap(feedbackRows(db, rowFilter(lang, opts)), taxonomyFromConfig(config), metric);
        if (ctx.format === 'json' && !ctx.output) return printJson(ctx, map);
        const people = ctx.format === 'table' && !ctx.output;
        const max = Math.max(0, ...map.cells.flat().map((v) => v ?? 0));
        const shade = shader(ctx, metric === 'negative' ? 1 : max);
        const rows = map.months.map((month, m) => {
          const row: Row = { month };
          map.topics.forEach((topic, k) => {
            const value = map.cells[m][k];
            row[topic.id] = people ? shade(value, metric) : value;
          });
          return row;
        });
        const columns: Column[] = [
          { key: 'month', header: t(lang, 'feedback.col.month') },
          ...map.topics.map((topic): Column => ({
            key: topic.id,
            header: people ? (lang === 'zh' ? topic.zh : topic.en) : topic.id,
            type: people ? 'text' : metric === 'negative' ? 'percent' : 'int',
          })),
        ];
        await renderRows(ctx, rows, columns, { title: t(lang, `feedback.title.heatmap.${metric}`), sheetName: 'heatmap' });
      }),
    );

  feedback
    .command('alerts')
    .description(t(lang, 'feedback.alerts.desc'))
    .option('--status <status>', t(lang, 'feedback.opt.status'), 'open')
    .option('--as-of <time>', t(lang, 'feedback.opt.asOf'))
    .option('--fail-on-alerts', t(lang, 'feedback.opt.failOnAlerts'))
    .action(
      withContext<{ status: string; asOf?: string; failOnAlerts?: boolean }>(lang, async (ctx, opts) => {
        if (!['open', 'overdue', 'closed', 'all'].includes(opts.status)) {
          throw new UsageError(`--status ${opts.status}`, 'use open, overdue, closed or all');
        }
        const asOf = opts.asOf ? timestamp(lang, '--as-of', opts.asOf) : localNow();
        const { db } = prepare(ctx, lang, asOf);
        const items = listAlerts(db, { asOf, filter: opts.status as AlertFilter });
        const overdue = listAlerts(db, { asOf, filter: 'overdue' }).length;
        if (ctx.format === 'json' && !ctx.output) printJson(ctx, items);
        else if (items.length === 0 && ctx.format === 'table' && !ctx.output) print(ctx, t(lang, 'feedback.alerts.none'));
        else await renderRows(ctx, items.map((i) => alertRow(lang, i, ctx.format === 'table' && !ctx.output)), alertColumns(lang), { title: t(lang, 'feedback.title.alerts'), sheetName: 'alerts' });
        if (items.length > 0) note(ctx, t(lang, 'feedback.alerts.counts', { total: items.length, overdue }));
        if (opts.failOnAlerts && overdue > 0) {
          ctx.stderr.write(`custops: ${t(lang, 'feedback.alerts.overdue', { overdue })}\n`);
          return ExitCode.alerts;
        }
      }),
    );

  feedback
    .command('resolve <id>')
    .description(t(lang, 'feedback.resolve.desc'))
    .option('--note <text>', t(lang, 'feedback.opt.note'))
    .option('--as-of <time>', t(lang, 'feedback.opt.asOf'))
    .action(
      withContext<{ note?: string; asOf?: string }>(lang, async (ctx, opts, args) => {
        const id = Number(args[0]);
        if (!Number.isInteger(id) || id <= 0) throw new UsageError(t(lang, 'feedback.badId', { value: args[0] }));
        const at = opts.asOf ? timestamp(lang, '--as-of', opts.asOf) : localNow();
        const { db, config } = prepare(ctx, lang, at);
        const runId = startRun(db, 'feedback resolve', { id, note: opts.note ?? null });
        try {
          const result = resolveAlert(db, config, id, { note: opts.note, at, runId });
          finishRun(db, runId, 'ok', result);
          if (ctx.format === 'json') return printJson(ctx, { ...result, history: alertHistory(db, id) });
          print(ctx, t(lang, 'feedback.resolve.done', { id, from: t(lang, `feedback.status.${result.from}`), to: t(lang, `feedback.status.${result.to}`) }));
          if (result.followupDue) print(ctx, t(lang, 'feedback.resolve.followup', { due: result.followupDue.replace('T', ' ') }));
        } catch (err) {
          finishRun(db, runId, 'failed', { error: (err as Error).message });
          throw err;
        }
      }),
    );
}

/** Opens the store, brings analysis and follow-up items up to date, and says what changed. */
function prepare(ctx: Context, lang: Lang, now = localNow()): { db: Db; config: FeedbackConfig } {
  const db = ctx.openDb({ create: false });
  const config = feedbackConfig(ctx);
  const result = syncFeedback(db, config, { now, appConfig: ctx.config() });
  if (result.feedback === 0) throw new CustopsError(t(lang, 'feedback.empty'), ExitCode.badInput);
  if (result.analysed > 0) note(ctx, t(lang, 'feedback.analysed', { ...result }));
  if (result.raised > 0) note(ctx, t(lang, 'feedback.raised', { ...result }));
  return { db, config };
}

function feedbackConfig(ctx: Context): FeedbackConfig {
  return (ctx.config() as unknown as Partial<Record<'feedback', FeedbackConfig>>).feedback ?? defaultFeedbackConfig();
}

function parseCut(lang: Lang, value: string): Cut {
  if ((CUTS as readonly string[]).includes(value)) return value as Cut;
  throw new UsageError(t(lang, 'feedback.badBy', { value }), t(lang, 'feedback.badBy.hint', { choices: CUTS.join(', ') }));
}

function rowFilter(lang: Lang, opts: PeriodOptions): RowFilter {
  return { since: opts.since ? day(lang, '--since', opts.since) : undefined, until: opts.until ? day(lang, '--until', opts.until) : undefined };
}

function day(lang: Lang, option: string, value: string): string {
  const ts = parseTimestampOption(value);
  if (!ts) throw new UsageError(t(lang, 'feedback.badDate', { option, value }), t(lang, 'feedback.badDate.hint'));
  return ts.slice(0, 10);
}

function timestamp(lang: Lang, option: string, value: string): string {
  const ts = parseTimestampOption(value);
  if (!ts) throw new UsageError(t(lang, 'feedback.badDate', { option, value }), t(lang, 'feedback.badDate.hint'));
  return ts;
}

function positiveInt(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${option} ${value}`, 'give a whole number of at least 1');
  return n;
}

function labeller(ctx: Context, lang: Lang, db: Db, cut: 'tier' | 'segment', until?: string): (entity: number | null) => string | null {
  let labels: Map<number, string>;
  try {
    labels = entityLabels(db, cut, { config: ctx.config(), asOf: until ?? localNow().slice(0, 10), tierSet: feedbackConfig(ctx).alerts.tier_set });
  } catch (err) {
    throw new CustopsError(t(lang, 'feedback.labelsMissing', { cut, reason: (err as Error).message }), ExitCode.badInput, t(lang, 'feedback.labelsMissing.hint'));
  }
  return (entity) => (entity === null ? null : (labels.get(entity) ?? null));
}

function summaryColumns(lang: Lang, by: Cut): Column[] {
  return [
    ...(by === 'all' ? [] : [{ key: 'group', header: t(lang, 'feedback.col.group') }]),
    { key: 'responses', header: t(lang, 'feedback.col.responses'), type: 'int' },
    { key: 'nps', header: t(lang, 'feedback.col.nps'), type: 'number', digits: 1 },
    { key: 'nps_margin', header: t(lang, 'feedback.col.npsMargin'), type: 'number', digits: 1 },
    { key: 'nps_ci', header: t(lang, 'feedback.col.npsCi') },
    { key: 'csat', header: t(lang, 'feedback.col.csat'), type: 'percent' },
    { key: 'csat_ci', header: t(lang, 'feedback.col.csatCi') },
    { key: 'ces_mean', header: t(lang, 'feedback.col.ces'), type: 'number', digits: 2 },
    { key: 'ces_easy', header: t(lang, 'feedback.col.cesEasy'), type: 'percent' },
    { key: 'negative_share', header: t(lang, 'feedback.col.negative'), type: 'percent' },
    ...(by === 'month' || by === 'week'
      ? [
          { key: 'nps_change_text', header: t(lang, 'feedback.col.change') },
          { key: 'csat_change_text', header: t(lang, 'feedback.col.csatChange') },
        ]
      : []),
  ] as Column[];
}

function summaryRow(g: GroupSummary, people: boolean): Row {
  const ci = (low: number | null, high: number | null, pct: boolean): string =>
    low === null || high === null ? '' : pct ? `${(low * 100).toFixed(1)}–${(high * 100).toFixed(1)}%` : `${low.toFixed(1)} – ${high.toFixed(1)}`;
  const change = (delta: number | null | undefined, significant: boolean | undefined, pct: boolean): string => {
    if (delta === null || delta === undefined) return '';
    const text = pct ? `${delta >= 0 ? '+' : ''}${(delta * 100).toFixed(1)}pt` : `${delta >= 0 ? '+' : ''}${delta.toFixed(1)}`;
    return significant ? `${text} ${delta >= 0 ? '↑' : '↓'}` : text;
  };
  return {
    ...g,
    group: people && g.small ? `${g.group} *` : g.group,
    nps_ci: ci(g.nps_low, g.nps_high, false),
    csat_ci: ci(g.csat_low, g.csat_high, true),
    nps_change_text: change(g.nps_change, g.nps_change_significant, false),
    csat_change_text: change(g.csat_change, g.csat_change_significant, true),
  };
}

function alertColumns(lang: Lang): Column[] {
  return [
    { key: 'id', header: t(lang, 'feedback.col.id'), type: 'int' },
    { key: 'customer', header: t(lang, 'feedback.col.customer') },
    { key: 'phone', header: t(lang, 'feedback.col.phone') },
    { key: 'tier', header: t(lang, 'feedback.col.tier') },
    { key: 'score', header: t(lang, 'feedback.col.score') },
    { key: 'sentiment_score', header: t(lang, 'feedback.col.sentiment'), type: 'number', digits: 2 },
    { key: 'comment', header: t(lang, 'feedback.col.comment') },
    { key: 'topics', header: t(lang, 'feedback.col.topic') },
    { key: 'reasons', header: t(lang, 'feedback.col.reasons') },
    { key: 'due', header: t(lang, 'feedback.col.due') },
    { key: 'status', header: t(lang, 'feedback.col.status') },
    { key: 'overdue', header: t(lang, 'feedback.col.overdue') },
  ];
}

function alertRow(lang: Lang, item: AlertItem, people: boolean): Row {
  const score = [item.nps !== null ? `NPS ${item.nps}` : '', item.csat !== null ? `CSAT ${item.csat}` : ''].filter(Boolean).join(' / ');
  const reasons = item.reasons.map((r) => (people ? t(lang, `feedback.reason.${r}`) : r));
  if (item.complaint) reasons.push(people ? t(lang, 'feedback.complaint') : 'complaint');
  return {
    id: item.id,
    customer: item.customer ?? item.customer_code ?? '',
    phone: item.phone ?? '',
    tier: item.tier ?? '',
    score,
    sentiment_score: item.sentiment_score,
    comment: item.comment ?? '',
    topics: item.topics.join(', '),
    reasons: reasons.join(', '),
    due: item.due ? (people ? item.due.replace('T', ' ').slice(0, 16) : item.due) : '',
    status: people ? t(lang, `feedback.status.${item.status}`) : item.status,
    overdue: people ? (item.overdue ? `⚠ ${Math.abs(item.hours_left ?? 0).toFixed(0)}h` : '') : item.overdue,
  };
}

/** Background shade from white to red by value / max (people only; plain numbers without colour). */
function shader(ctx: Context, max: number): (value: number | null, metric: HeatmapMetric) => string {
  const paint = new Chalk({ level: ctx.color ? 2 : 0 });
  return (value, metric) => {
    if (value === null) return '';
    const text = metric === 'negative' ? `${(value * 100).toFixed(0)}%` : String(value);
    if (!ctx.color || max <= 0) return text;
    const ratio = Math.max(0, Math.min(1, value / max));
    const fade = Math.round(255 * (1 - ratio));
    return paint.bgRgb(255, fade, fade).black(` ${text} `);
  };
}

