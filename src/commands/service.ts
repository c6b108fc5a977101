import type { Command } from 'commander';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { createTranslator, type Lang } from '../output/i18n.js';
import { messages } from '../output/messages/rules.js';
import type { Column } from '../output/columns.js';
import { note, print, printJson, renderRows, tableText } from '../output/render.js';
import { parseDay } from '../segment/dates.js';
import { showTs } from '../rules/index.js';
import { breaches, evaluateSla, formatMinutes, serviceConfigOf, slaSummary, type Breach, type ServiceConfig, type SlaGroup } from '../service/index.js';
import { addDays, localNow } from '../service/worktime.js';
import { withContext } from './action.js';

const t = createTranslator(messages);

interface SlaFlags {
  by?: string;
  since?: string;
  asOf?: string;
  breaches?: boolean;
}

export function register(program: Command, lang: Lang): void {
  const service = program.command('service').description(t(lang, 'service.desc'));
  service
    .command('sla')
    .description(t(lang, 'service.sla.desc'))
    .option('--by <group>', t(lang, 'service.by'))
    .option('--since <date>', t(lang, 'service.since'))
    .option('--as-of <date>', t(lang, 'service.asOf'))
    .option('--breaches', t(lang, 'service.breaches'))
    .action(withContext<SlaFlags>(lang, (ctx, flags) => sla(ctx, flags)));
  service
    .command('levels')
    .description(t(lang, 'service.levels.desc'))
    .action(withContext(lang, (ctx) => levels(ctx)));
}

function levelLabel(service: ServiceConfig, lang: Lang, name: string): string {
  return service.levels.find((l) => l.name === name)?.label?.[lang] ?? name;
}

/** Durations as text for people, as minutes for machines. */
function humanTable(ctx: Context): boolean {
  return ctx.format === 'table' && !ctx.output;
}

async function sla(ctx: Context, flags: SlaFlags): Promise<void> {
  const { lang } = ctx;
  const by = flags.by ?? 'tier';
  if (by !== 'tier' && by !== 'channel') throw new UsageError(`--by ${by}: use tier or channel`);
  const service = serviceConfigOf(ctx.config());
  const now = flags.asOf === undefined ? localNow(service.timezone) : `${addDays(parseDay(flags.asOf), 1)}T00:00:00`;
  const since = flags.since === undefined ? undefined : parseDay(flags.since, '--since');
  const db = ctx.openDb({ create: false });
  const tickets = evaluateSla(db, ctx.config(), { now, since });
  if (tickets.length === 0) {
    if (ctx.format === 'json') return printJson(ctx, { summary: [], breaches: [] });
    return note(ctx, t(lang, 'service.noTickets'));
  }
  const summary = slaSummary(tickets, by, service.levels.map((l) => l.name));
  const breachList = breaches(tickets);
  if (ctx.format === 'json' && !ctx.output) return printJson(ctx, { by, now, summary, breaches: breachList });
  const human = humanTable(ctx);
  const time = (v: number | null): string | number | null => (human ? formatMinutes(v) : v === null ? null : Math.round(v * 10) / 10);
  const summaryRows = summary.map((g: SlaGroup) => ({
    ...g,
    group: g.overall ? t(lang, 'overall') : g.group === null ? t(lang, 'unknown') : by === 'tier' ? levelLabel(service, lang, g.group) : g.group,
    firstResponseP50: time(g.firstResponseP50),
    firstResponseP90: time(g.firstResponseP90),
    resolutionP50: time(g.resolutionP50),
    resolutionP90: time(g.resolutionP90),
  }));
  const minutes = human ? '' : ' (min)';
  const summaryColumns: Column[] = [
    { key: 'group', header: t(lang, by === 'tier' ? 'col.level' : 'col.channel') },
    { key: 'tickets', header: t(lang, 'col.tickets'), type: 'int' },
    { key: 'met', header: t(lang, 'col.met'), type: 'int' },
    { key: 'breached', header: t(lang, 'col.breached'), type: 'int' },
    { key: 'pending', header: t(lang, 'col.pending'), type: 'int' },
    { key: 'attainment', header: t(lang, 'col.attainment'), type: 'percent' },
    { key: 'firstResponseP50', header: t(lang, 'col.frP50') + minutes, ...(human ? {} : { type: 'number' as const, digits: 1 }) },
    { key: 'firstResponseP90', header: t(lang, 'col.frP90') + minutes, ...(human ? {} : { type: 'number' as const, digits: 1 }) },
    { key: 'resolutionP50', header: t(lang, 'col.resP50') + minutes, ...(human ? {} : { type: 'number' as const, digits: 1 }) },
    { key: 'resolutionP90', header: t(lang, 'col.resP90') + minutes, ...(human ? {} : { type: 'number' as const, digits: 1 }) },
  ];
  const breachRows = breachList.map((b: Breach) => ({
    ...b,
    level: levelLabel(service, lang, b.level),
    opened: showTs(b.opened),
    metric: t(lang, `metric.${b.metric}`) + (b.open ? ` (${t(lang, 'breach.open')})` : ''),
    target: time(b.target),
    actual: time(b.actual),
    over: time(b.over),
  }));
  const breachColumns: Column[] = [
    { key: 'ticket', header: t(lang, 'col.ticket') },
    { key: 'customer', header: t(lang, 'col.customer') },
    { key: 'level', header: t(lang, 'col.level') },
    { key: 'channel', header: t(lang, 'col.channel') },
    { key: 'opened', header: t(lang, 'col.opened') },
    { key: 'metric', header: t(lang, 'col.metric') },
    { key: 'target', header: t(lang, 'col.target') + minutes },
    { key: 'actual', header: t(lang, 'col.actual') + minutes },
    { key: 'over', header: t(lang, 'col.over') + minutes },
  ];
  if (flags.breaches) return renderRows(ctx, breachRows, breachColumns, { title: t(lang, 'service.breachList', { n: breachRows.length }) });
  if (!human) return renderRows(ctx, summaryRows, summaryColumns);
  const clocks = service.levels.map((l) => `${levelLabel(service, lang, l.name)} ${t(lang, `clock.${l.clock}`)}`).join(lang === 'zh' ? '，' : ', ');
  print(ctx, tableText(ctx, summaryRows, summaryColumns, t(lang, 'service.summary', { clocks })));
  if (breachRows.length === 0) return print(ctx, t(lang, 'service.noBreaches'));
  print(ctx, tableText(ctx, breachRows, breachColumns, t(lang, 'service.breachList', { n: breachRows.length })));
}

async function levels(ctx: Context): Promise<void> {
  const { lang } = ctx;
  const service = serviceConfigOf(ctx.config());
  const rows = service.levels.map((l) => ({
    level: l.name,
    label: l.label?.[lang] ?? '',
    match: l.match.length ? l.match.join(', ') : '*',
    firstResponse: l.first_response === undefined ? '' : String(l.first_response),
    resolution: l.resolution === undefined ? '' : String(l.resolution),
    clock: t(lang, `clock.${l.clock}`),
  }));
  await renderRows(ctx, rows, [
    { key: 'level', header: t(lang, 'col.level') },
    { key: 'label', header: t(lang, 'col.label') },
    { key: 'match', header: t(lang, 'col.match') },
    { key: 'firstResponse', header: t(lang, 'col.firstResponse') },
    { key: 'resolution', header: t(lang, 'col.resolution') },
    { key: 'clock', header: t(lang, 'col.clock') },
  ]);
}
