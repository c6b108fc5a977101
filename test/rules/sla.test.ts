import { describe, expect, it } from 'vitest';
import { defaultServiceConfig, workCalendar } from '../../src/service/config.js';
import { breaches, evaluateSla, levelFor, measureTicket, percentile, slaSummary } from '../../src/service/sla.js';
import { toInstant } from '../../src/service/worktime.js';
import { addCustomer, addOrder, addTicket, configWith, memoryStore } from './store.js';

const service = defaultServiceConfig();
const calendar = workCalendar(service);
const [strategic, key, standard] = service.levels;
const now = toInstant('2025-12-31T00:00:00', 'Asia/Shanghai');
const ticket = (opened: string, firstResponse: string | null, resolved: string | null = null) => ({ id: 1, code: 'T1', opened, firstResponse, resolved, channel: null, priority: null });

describe('service levels', () => {
  it('chooses the level from the imported level or the value tier, first match wins', () => {
    expect(levelFor(service.levels, ['黄金', '普通客户', 'Regular']).name).toBe('strategic');
    expect(levelFor(service.levels, [null, '重点客户', 'Key']).name).toBe('key');
    expect(levelFor(service.levels, ['silver']).name).toBe('key');
    expect(levelFor(service.levels, [null, '普通客户', 'Regular']).name).toBe('standard');
    expect(levelFor(service.levels, []).name).toBe('standard');
  });

  it('others: 4 working hours to respond, across a weekend', () => {
    // Friday 17:00 → Monday 10:30 is 2.5 working hours (65.5 elapsed).
    const met = measureTicket(ticket('2025-03-07T17:00:00', '2025-03-10T10:30:00'), standard, calendar, now);
    expect(met.firstResponseMinutes).toBe(150);
    expect(met.firstResponseElapsed).toBe(65.5 * 60);
    expect(met.outcome).toBe('met');
    const late = measureTicket(ticket('2025-03-07T17:00:00', '2025-03-10T12:30:00'), standard, calendar, now);
    expect(late.firstResponseMinutes).toBe(270);
    expect(late.outcome).toBe('breached');
    // No resolution target for others.
    expect(late.resolutionOutcome).toBe('none');
  });

  it('others: across the National Day holiday', () => {
    // Tuesday 30 Sep 17:00 → Thursday 9 Oct 11:00: 1 h + 2 h of working time, nine days elapsed.
    const r = measureTicket(ticket('2025-09-30T17:00:00', '2025-10-09T11:00:00'), standard, calendar, now);
    expect(r.firstResponseMinutes).toBe(180);
    expect(r.outcome).toBe('met');
    // The same ticket on a round-the-clock level would be far over.
    expect(measureTicket(ticket('2025-09-30T17:00:00', '2025-10-09T11:00:00'), key, calendar, now).outcome).toBe('breached');
  });

  it('strategic: 15 minutes and 2 hours round the clock, also at the weekend', () => {
    const ok = measureTicket(ticket('2025-03-08T22:00:00', '2025-03-08T22:15:00', '2025-03-09T00:00:00'), strategic, calendar, now);
    expect([ok.firstResponseMinutes, ok.resolutionMinutes, ok.outcome]).toEqual([15, 120, 'met']);
    const slow = measureTicket(ticket('2025-03-08T22:00:00', '2025-03-08T22:16:00', '2025-03-09T00:00:00'), strategic, calendar, now);
    expect([slow.firstResponseOutcome, slow.resolutionOutcome, slow.outcome]).toEqual(['breached', 'met', 'breached']);
  });

  it('open tickets are pending until their target passes, then breached; later events are not seen', () => {
    const at = (ts: string) => toInstant(ts, 'Asia/Shanghai');
    expect(measureTicket(ticket('2025-03-10T10:00:00', null), key, calendar, at('2025-03-10T10:59:00')).outcome).toBe('pending');
    const open = measureTicket(ticket('2025-03-10T10:00:00', null), key, calendar, at('2025-03-10T11:30:00'));
    expect(open.outcome).toBe('breached');
    expect(open.openFirstResponseMinutes).toBe(90);
    const early = measureTicket(ticket('2025-03-10T10:00:00', '2025-03-10T10:30:00'), key, calendar, at('2025-03-10T10:20:00'));
    expect([early.firstResponseMinutes, early.openFirstResponseMinutes, early.outcome]).toEqual([null, 20, 'pending']);
    // Resolved without a recorded response: the resolution is the first response.
    expect(measureTicket(ticket('2025-03-10T10:00:00', null, '2025-03-10T10:40:00'), key, calendar, now).firstResponseMinutes).toBe(40);
  });

  it('percentiles interpolate between ranks', () => {
    expect(percentile([10, 20, 30, 40], 0.5)).toBe(25);
    expect(percentile([10, 20, 30, 40], 0.9)).toBeCloseTo(37);
    expect(percentile([5], 0.9)).toBe(5);
    expect(percentile([], 0.5)).toBeNull();
  });
});

describe('custops service sla on the store', () => {
  function store() {
    const db = memoryStore();
    const gold = addCustomer(db, { code: 'G', level: '黄金' });
    const key = addCustomer(db, { code: 'K' });
    addOrder(db, key, '2025-02-01', 150_000_000); // 1.5 million yuan in 12 months → 重点客户
    const other = addCustomer(db, { code: 'O' });
    addTicket(db, gold, { code: 'T1', opened: '2025-03-05T10:00:00', firstResponse: '2025-03-05T10:10:00', resolved: '2025-03-05T11:00:00', channel: '电话' });
    addTicket(db, gold, { code: 'T2', opened: '2025-03-06T10:00:00', firstResponse: '2025-03-06T10:30:00', resolved: '2025-03-06T11:00:00', channel: '微信' });
    addTicket(db, key, { code: 'T3', opened: '2025-03-07T20:00:00', firstResponse: '2025-03-07T20:40:00', resolved: '2025-03-08T10:00:00', channel: '电话' });
    addTicket(db, other, { code: 'T4', opened: '2025-03-07T17:00:00', firstResponse: '2025-03-10T10:30:00', channel: '电话' });
    addTicket(db, other, { code: 'T5', opened: '2025-03-07T17:00:00', firstResponse: '2025-03-10T12:30:00', channel: '邮件' });
    addTicket(db, null, { code: 'T6', opened: '2025-03-10T09:00:00', channel: '邮件' });
    return db;
  }

  it('reports attainment and percentiles by level and by channel, and lists the breaches', () => {
    const db = store();
    // As of Monday 12:00, T5's response at 12:30 has not happened yet: 4 working hours so far, still pending.
    const tickets = evaluateSla(db, configWith(), { now: '2025-03-10T12:00:00' });
    expect(tickets.map((t) => [t.code, t.level, t.outcome])).toEqual([
      ['T1', 'strategic', 'met'],
      ['T2', 'strategic', 'breached'],
      ['T4', 'standard', 'met'],
      ['T5', 'standard', 'pending'],
      ['T3', 'key', 'met'],
      ['T6', 'standard', 'pending'],
    ]);
    const byLevel = slaSummary(tickets, 'tier', service.levels.map((l) => l.name));
    expect(byLevel.map((g) => [g.overall ? 'all' : g.group, g.tickets, g.met, g.breached, g.pending, g.attainment])).toEqual([
      ['strategic', 2, 1, 1, 0, 0.5],
      ['key', 1, 1, 0, 0, 1],
      ['standard', 3, 1, 0, 2, 1],
      ['all', 6, 3, 1, 2, 0.75],
    ]);
    expect(byLevel[0].firstResponseP50).toBe(20);
    expect(byLevel[0].firstResponseP90).toBe(28);
    expect(byLevel[0].resolutionP50).toBe(60);
    const byChannel = slaSummary(tickets, 'channel');
    expect(byChannel.map((g) => [g.overall ? 'all' : g.group, g.tickets])).toEqual([['电话', 3], ['邮件', 2], ['微信', 1], ['all', 6]]);
    expect(breaches(tickets).map((b) => [b.ticket, b.metric, b.actual, b.open])).toEqual([['T2', 'first_response', 30, false]]);
  });

  it('times open tickets up to the as-of time', () => {
    const db = store();
    const tickets = evaluateSla(db, configWith(), { now: '2025-03-10T14:00:00' });
    expect(tickets.find((t) => t.code === 'T5')?.outcome).toBe('breached');
    // T6 (no customer, standard) has waited 5 working hours.
    const open = breaches(tickets).find((b) => b.ticket === 'T6');
    expect(open).toMatchObject({ metric: 'first_response', actual: 300, over: 60, open: true });
    expect(evaluateSla(db, configWith(), { now: '2025-03-10T14:00:00', since: '2025-03-07' }).map((t) => t.code)).toEqual(['T4', 'T5', 'T3', 'T6']);
  });
});
