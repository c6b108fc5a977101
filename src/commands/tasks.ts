import type { Command } from 'commander';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { createTranslator, type Lang } from '../output/i18n.js';
import { messages } from '../output/messages/rules.js';
import { note, print, printJson, renderRows, tableText } from '../output/render.js';
import { parseDay } from '../segment/dates.js';
import { serviceConfigOf } from '../service/config.js';
import { addDays, localNow } from '../service/worktime.js';
import { closeTask, explainTask, getTask, listTasks, rulesConfigOf, showTs, taskHistory, type TaskFilter } from '../rules/index.js';
import { withContext } from './action.js';
import { taskColumns, taskRow } from './rules.js';

const t = createTranslator(messages);

interface ListFlags {
  owner?: string;
  due?: string;
  overdue?: boolean;
  tier?: string;
  rule?: string;
  status?: string;
  now?: string;
}

export function register(program: Command, lang: Lang): void {
  const tasks = program
    .command('tasks')
    .description(t(lang, 'tasks.desc'))
    .option('--owner <name>', t(lang, 'tasks.owner'))
    .option('--due <when>', t(lang, 'tasks.due'))
    .option('--overdue', t(lang, 'tasks.overdue'))
    .option('--tier <name>', t(lang, 'tasks.tier'))
    .option('--rule <id>', t(lang, 'tasks.rule'))
    .option('--status <status>', t(lang, 'tasks.status'))
    .option('--now <time>', t(lang, 'tasks.now'))
    .action(withContext<ListFlags>(lang, (ctx, flags) => list(ctx, flags)));
  tasks
    .command('done')
    .description(t(lang, 'tasks.done.desc'))
    .argument('<id>')
    .option('--note <text>', t(lang, 'tasks.done.note'))
    .action(withContext<{ note?: string }>(lang, (ctx, flags, [id]) => done(ctx, id, flags.note)));
  tasks
    .command('show')
    .description(t(lang, 'tasks.show.desc'))
    .argument('<id>')
    .action(withContext(lang, (ctx, _flags, [id]) => show(ctx, id)));
}

function zone(ctx: Context): string {
  return serviceConfigOf(ctx.config()).timezone;
}

/** --now: a day (its end) or a wall-clock time; default the current time in the service zone. */
function nowOf(ctx: Context, value: string | undefined): string {
  if (value === undefined) return localNow(zone(ctx));
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::\d{2})?)?$/.exec(value.trim());
  if (!m) throw new UsageError(`--now ${value}: use YYYY-MM-DD or YYYY-MM-DDTHH:mm`);
  parseDay(m[1], '--now');
  return m[2] ? `${m[1]}T${m[2]}:00` : `${m[1]}T23:59:59`;
}

function dueBy(ctx: Context, value: string, now: string): string {
  if (value === 'today') return now.slice(0, 10);
  if (value === 'week') return addDays(now.slice(0, 10), 7);
  return parseDay(value, '--due');
}

async function list(ctx: Context, flags: ListFlags): Promise<void> {
  const { lang } = ctx;
  const status = flags.status ?? 'open';
  if (!['open', 'done', 'all'].includes(status)) throw new UsageError(`--status ${status}: use open, done or all`);
  const now = nowOf(ctx, flags.now);
  const filter: TaskFilter = {
    owner: flags.owner,
    tier: flags.tier,
    rule: flags.rule,
    status: status as TaskFilter['status'],
    dueBy: flags.due === undefined ? undefined : dueBy(ctx, flags.due, now),
    overdueAt: flags.overdue ? now : undefined,
  };
  const db = ctx.openDb({ create: false, lock: false });
  const tasks = listTasks(db, filter);
  if (ctx.format === 'json' && !ctx.output) return printJson(ctx, tasks.map((task) => ({ ...task, facts: JSON.parse(task.facts) as unknown, overdue: task.status === 'open' && task.due_ts < now, why: explainTask(lang, task) })));
  if (tasks.length === 0 && ctx.format === 'table' && !ctx.output) return print(ctx, t(lang, 'tasks.none'));
  await renderRows(ctx, tasks.map((task) => taskRow(lang, task, now)), taskColumns(lang), { title: t(lang, 'tasks.title', { n: tasks.length }) });
}

function taskId(value: string, lang: Lang): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1) throw new UsageError(t(lang, 'tasks.badId', { id: value }));
  return id;
}

function done(ctx: Context, value: string, noteText: string | undefined): void {
  const { lang } = ctx;
  const id = taskId(value, lang);
  const config = ctx.config();
  const db = ctx.openDb({ create: false });
  const result = closeTask(db, id, { now: localNow(zone(ctx)), note: noteText, rules: rulesConfigOf(config), timeZone: zone(ctx) });
  if (ctx.format === 'json') return printJson(ctx, result);
  note(ctx, t(lang, 'tasks.closed', { id }));
  if (result.followUp) note(ctx, t(lang, 'tasks.followUp', { id: result.followUp.id, due: showTs(result.followUp.due_ts) }));
}

function show(ctx: Context, value: string): void {
  const { lang } = ctx;
  const id = taskId(value, lang);
  const db = ctx.openDb({ create: false, lock: false });
  const task = getTask(db, id);
  if (!task) throw new UsageError(`no task ${id}`, 'see the ids with `custops tasks --status all`');
  const history = taskHistory(db, id);
  if (ctx.format === 'json') return printJson(ctx, { ...task, facts: JSON.parse(task.facts) as unknown, why: explainTask(lang, task), history });
  const fields: [string, unknown][] = [
    [t(lang, 'col.id'), task.id],
    [t(lang, 'col.status'), t(lang, `status.${task.status}`)],
    [t(lang, 'col.rule'), task.rule_id],
    [t(lang, 'col.action'), task.action],
    [t(lang, 'col.subject'), task.subject],
    [t(lang, 'col.tier'), task.tier],
    [t(lang, 'col.owner'), task.owner],
    [t(lang, 'col.trigger'), showTs(task.trigger_ts)],
    [t(lang, 'col.due'), showTs(task.due_ts)],
    [t(lang, 'col.closed'), showTs(task.closed_at)],
    [t(lang, 'col.note'), task.note],
    [t(lang, 'col.when'), task.condition],
    [t(lang, 'col.why'), explainTask(lang, task)],
  ];
  print(ctx, tableText(ctx, fields.map(([k, v]) => ({ k, v: v ?? '' })), [{ key: 'k', header: '' }, { key: 'v', header: '' }]));
  print(
    ctx,
    tableText(
      ctx,
      history.map((h) => ({ at: showTs(h.at), event: t(lang, `event.${h.event}`), note: h.note ?? '' })),
      [
        { key: 'at', header: t(lang, 'col.at') },
        { key: 'event', header: t(lang, 'col.event') },
        { key: 'note', header: t(lang, 'col.note') },
      ],
      t(lang, 'tasks.history'),
    ),
  );
}
