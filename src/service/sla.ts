import type { Config } from '../config.js';
import type { Db } from '../store/db.js';
import { ENTITY_KEY, loadCustomers, tierScale, type CustomerFacts, type Tier } from '../rules/facts.js';
import { serviceConfigOf, workCalendar, type ServiceConfig, type ServiceLevel } from './config.js';
import { durationMinutes } from './duration.js';
import { elapsedMinutes, toInstant, workingMinutesBetween, type WorkCalendar } from './worktime.js';

export type Outcome = 'met' | 'breached' | 'pending' | 'none';

export interface TicketSla {
  id: number;
  code: string | null;
  customerId: number | null;
  customer: string | null;
  level: string;
  channel: string | null;
  priority: string | null;
  opened: string;
  firstResponse: string | null;
  resolved: string | null;
  clock: 'calendar' | 'working';
  firstResponseTarget: number | null;
  resolutionTarget: number | null;
  /** Minutes on the level's clock; null while there is no response / resolution yet. */
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  /** Elapsed (round-the-clock) minutes to the first response. */
  firstResponseElapsed: number | null;
  /** For open tickets: minutes so far on the level's clock up to the as-of time. */
  openFirstResponseMinutes: number | null;
  openResolutionMinutes: number | null;
  firstResponseOutcome: Outcome;
  resolutionOutcome: Outcome;
  outcome: Outcome;
}

/** The first level whose `match` holds one of the names (case-insensitive); a level without match takes anyone. */
export function levelFor(levels: readonly ServiceLevel[], names: readonly (string | null | undefined)[]): ServiceLevel {
  const wanted = names.filter((n): n is string => Boolean(n)).map((n) => n.trim().toLowerCase());
  for (const level of levels) {
    if (level.match.length === 0) return level;
    if (level.match.some((m) => wanted.includes(m.trim().toLowerCase()))) return level;
  }
  return levels[levels.length - 1];
}

function outcomeOf(target: number | null, done: number | null, soFar: number): Outcome {
  if (target === null) return 'none';
  if (done !== null) return done <= target ? 'met' : 'breached';
  return soFar > target ? 'breached' : 'pending';
}

export function overallOutcome(a: Outcome, b: Outcome): Outcome {
  if (a === 'breached' || b === 'breached') return 'breached';
  if (a === 'pending' || b === 'pending') return 'pending';
  if (a === 'none' && b === 'none') return 'none';
  return 'met';
}

export interface TicketInput {
  id: number;
  code: string | null;
  opened: string;
  firstResponse: string | null;
  resolved: string | null;
  channel: string | null;
  priority: string | null;
}

/**
 * One ticket against its level, as known at `now`: responses and resolutions recorded after `now`
 * have not happened yet. A ticket resolved without a recorded first response counts the resolution
 * as the first response; a time before the opening counts as zero.
 */
export function measureTicket(ticket: TicketInput, level: ServiceLevel, calendar: WorkCalendar, now: number): Omit<TicketSla, 'customerId' | 'customer' | 'level'> {
  const zone = calendar.timeZone;
  const opened = toInstant(ticket.opened, zone);
  const measure = (to: number): number => Math.max(0, level.clock === 'working' ? workingMinutesBetween(calendar, opened, to) : elapsedMinutes(opened, to));
  const seen = (ts: string | null): number | null => {
    const ms = ts ? toInstant(ts, zone) : null;
    return ms !== null && ms <= now ? ms : null;
  };
  const resolved = seen(ticket.resolved);
  const responseTs = ticket.firstResponse ?? ticket.resolved;
  const response = seen(ticket.firstResponse) ?? resolved;
  const firstResponseTarget = level.first_response === undefined ? null : durationMinutes(level.first_response);
  const resolutionTarget = level.resolution === undefined ? null : durationMinutes(level.resolution);
  const firstResponseMinutes = response === null ? null : measure(response);
  const resolutionMinutes = resolved === null ? null : measure(resolved);
  const openFirstResponseMinutes = response === null ? measure(now) : null;
  const openResolutionMinutes = resolved === null ? measure(now) : null;
  const firstResponseOutcome = outcomeOf(firstResponseTarget, firstResponseMinutes, openFirstResponseMinutes ?? 0);
  const resolutionOutcome = outcomeOf(resolutionTarget, resolutionMinutes, openResolutionMinutes ?? 0);
  return {
    id: ticket.id,
    code: ticket.code,
    channel: ticket.channel,
    priority: ticket.priority,
    opened: ticket.opened,
    firstResponse: response === null ? null : responseTs,
    resolved: resolved === null ? null : ticket.resolved,
    clock: level.clock,
    firstResponseTarget,
    resolutionTarget,
    firstResponseMinutes,
    resolutionMinutes,
    firstResponseElapsed: response === null ? null : Math.max(0, elapsedMinutes(opened, response)),
    openFirstResponseMinutes,
    openResolutionMinutes,
    firstResponseOutcome,
    resolutionOutcome,
    outcome: overallOutcome(firstResponseOutcome, resolutionOutcome),
  };
}

export interface SlaOptions {
  /** Wall-clock time open tickets are timed up to (service time zone). */
  now: string;
  /** Only tickets opened on or after this day. */
  since?: string;
}

interface TicketRow extends TicketInput {
  customerId: number | null;
  ek: number | null;
}

/** Every ticket opened up to `now` with its level, times and outcomes. */
export function evaluateSla(db: Db, config: Config | undefined, options: SlaOptions): TicketSla[] {
  const service: ServiceConfig = serviceConfigOf(config);
  const calendar = workCalendar(service);
  const now = toInstant(options.now, service.timezone);
  const rows = db
    .prepare(
      `SELECT t.id, t.ticket_code AS code, t.opened_ts AS opened, t.first_response_ts AS firstResponse, t.resolved_ts AS resolved,
              t.channel, t.priority, t.customer_id AS customerId, CASE WHEN c.id IS NULL THEN NULL ELSE ${ENTITY_KEY} END AS ek
         FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id
        WHERE t.opened_ts IS NOT NULL AND t.opened_ts >= @since AND t.opened_ts <= @now
        ORDER BY t.opened_ts, t.id`,
    )
    .all({ since: options.since ?? '', now: options.now }) as TicketRow[];
  if (rows.length === 0) return [];
  const customers = loadCustomers(db);
  const tiers = tierScale(db, config, service.tier_set).at(options.now.slice(0, 10));
  return rows.map((r) => {
    const customer: CustomerFacts | undefined = r.ek === null ? undefined : customers.get(r.ek);
    const tier: Tier | undefined = r.ek === null ? undefined : tiers.get(r.ek);
    const level = levelFor(service.levels, [customer?.level, tier?.name, tier?.en]);
    return {
      ...measureTicket(r, level, calendar, now),
      customerId: customer?.customerId ?? null,
      customer: customer ? [customer.code, customer.name].filter(Boolean).join(' ') : null,
      level: level.name,
    };
  });
}

/** Percentile by linear interpolation between closest ranks (numpy's default). */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export interface SlaGroup {
  /** Level name or channel (null: tickets without a channel); ignored on the overall row. */
  group: string | null;
  overall: boolean;
  tickets: number;
  met: number;
  breached: number;
  pending: number;
  /** met / (met + breached); null when nothing is decided yet. */
  attainment: number | null;
  firstResponseP50: number | null;
  firstResponseP90: number | null;
  resolutionP50: number | null;
  resolutionP90: number | null;
}

export function summarise(group: string | null, tickets: readonly TicketSla[], overall = false): SlaGroup {
  const count = (o: Outcome): number => tickets.filter((t) => t.outcome === o).length;
  const met = count('met');
  const breached = count('breached');
  const fr = tickets.map((t) => t.firstResponseMinutes).filter((v): v is number => v !== null);
  const res = tickets.map((t) => t.resolutionMinutes).filter((v): v is number => v !== null);
  return {
    group,
    overall,
    tickets: tickets.length,
    met,
    breached,
    pending: count('pending'),
    attainment: met + breached > 0 ? met / (met + breached) : null,
    firstResponseP50: percentile(fr, 0.5),
    firstResponseP90: percentile(fr, 0.9),
    resolutionP50: percentile(res, 0.5),
    resolutionP90: percentile(res, 0.9),
  };
}

/** Groups in the order of the configured levels (by tier) or by ticket count (by channel), then the overall row. */
export function slaSummary(tickets: readonly TicketSla[], by: 'tier' | 'channel', levelOrder: readonly string[] = []): SlaGroup[] {
  const groups = new Map<string | null, TicketSla[]>();
  for (const t of tickets) {
    const key = by === 'tier' ? t.level : t.channel;
    const list = groups.get(key) ?? [];
    list.push(t);
    groups.set(key, list);
  }
  const keys = [...groups.keys()].sort((a, b) =>
    by === 'tier' ? levelOrder.indexOf(a ?? '') - levelOrder.indexOf(b ?? '') : groups.get(b)!.length - groups.get(a)!.length || String(a).localeCompare(String(b)),
  );
  return [...keys.map((k) => summarise(k, groups.get(k)!)), summarise(null, tickets, true)];
}

export interface Breach {
  ticket: string;
  customer: string | null;
  level: string;
  channel: string | null;
  opened: string;
  metric: 'first_response' | 'resolution';
  target: number;
  /** Minutes on the level's clock (so far, for tickets still open). */
  actual: number;
  over: number;
  open: boolean;
}

export function breaches(tickets: readonly TicketSla[]): Breach[] {
  const out: Breach[] = [];
  for (const t of tickets) {
    const push = (metric: Breach['metric'], target: number | null, done: number | null, soFar: number | null): void => {
      if (target === null) return;
      const actual = done ?? soFar ?? 0;
      if (actual <= target) return;
      out.push({ ticket: t.code ?? `#${t.id}`, customer: t.customer, level: t.level, channel: t.channel, opened: t.opened, metric, target, actual, over: actual - target, open: done === null });
    };
    push('first_response', t.firstResponseTarget, t.firstResponseMinutes, t.openFirstResponseMinutes);
    push('resolution', t.resolutionTarget, t.resolutionMinutes, t.openResolutionMinutes);
  }
  return out.sort((a, b) => b.over - a.over);
}
