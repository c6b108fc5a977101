import { describe, expect, it } from 'vitest';
import { alertHistory, listAlerts, raiseAlerts, resolveAlert } from '../../src/feedback/alerts.js';
import { defaultFeedbackConfig, section } from '../../src/feedback/config.js';
import { analyseFeedback } from '../../src/feedback/store.js';
import { addHours, hoursBetween } from '../../src/feedback/time.js';
import { addCustomer, addFeedback, feedbackStore } from './store-helpers.js';

const config = defaultFeedbackConfig();

function setup() {
  const db = feedbackStore();
  addCustomer(db, { id: 1, name: '张伟', code: 'C1', phone: '+8613812345678' });
  addCustomer(db, { id: 2, name: '李娜', code: 'C2' });
  const promoter = addFeedback(db, { customer: 1, at: '2025-03-01T09:00:00', nps: 10, csat: 5, comment: '很满意' });
  const detractor = addFeedback(db, { customer: 1, at: '2025-03-03T10:00:00', nps: 4, comment: '还行吧' });
  const lowCsat = addFeedback(db, { customer: 2, at: '2025-03-04 08:30', csat: 2 });
  const angry = addFeedback(db, { customer: 2, at: '2025-03-05T20:00:00', nps: 8, comment: '客服态度太差了，非常失望，要投诉' });
  analyseFeedback(db, config);
  return { db, promoter, detractor, lowCsat, angry };
}

describe('follow-up items', () => {
  it('raises one item per detractor, low CSAT or strongly negative comment, due 48 h after the feedback', () => {
    const { db, detractor, lowCsat, angry } = setup();
    expect(raiseAlerts(db, config, { now: '2025-03-06T00:00:00' })).toBe(3);
    const items = listAlerts(db, { asOf: '2025-03-06T00:00:00', filter: 'all' });
    expect(items.map((i) => i.feedback_id)).toEqual([detractor, lowCsat, angry]);
    expect(items.map((i) => i.due)).toEqual(['2025-03-05T10:00:00', '2025-03-06T08:30:00', '2025-03-07T20:00:00']);
    expect(items[0]).toMatchObject({ reasons: ['detractor'], complaint: false, customer: '张伟', phone: '+8613812345678', overdue: true, hours_left: -14 });
    expect(items[1]).toMatchObject({ reasons: ['low_csat'], overdue: false, hours_left: 8.5 });
    expect(items[2]).toMatchObject({ reasons: ['negative_comment'], complaint: true, topics: ['service'] });
    // Idempotent: a second pass raises nothing new.
    expect(raiseAlerts(db, config, { now: '2025-03-06T00:00:00' })).toBe(0);
  });

  it('uses per-tier deadlines from config', () => {
    const { db } = setup();
    const tiered = section.parse({ alerts: { tiers: { 重要价值客户: { respond_hours: 24 } } } });
    raiseAlerts(db, tiered, { now: '2025-03-06T00:00:00', tierOf: (customer) => (customer === 2 ? '重要价值客户' : null) });
    const items = listAlerts(db, { asOf: '2025-03-06T00:00:00', filter: 'all' });
    // Listed by due time: the low CSAT from 08:30 on the 4th is now due before the detractor.
    expect(items.map((i) => [i.tier, i.due])).toEqual([
      ['重要价值客户', '2025-03-05T08:30:00'],
      [null, '2025-03-05T10:00:00'],
      ['重要价值客户', '2025-03-06T20:00:00'],
    ]);
  });

  it('filters overdue items as of a given time', () => {
    const { db } = setup();
    raiseAlerts(db, config, { now: '2025-03-06T00:00:00' });
    expect(listAlerts(db, { asOf: '2025-03-05T09:59:00', filter: 'overdue' })).toHaveLength(0);
    expect(listAlerts(db, { asOf: '2025-03-06T09:00:00', filter: 'overdue' }).map((i) => i.due)).toEqual(['2025-03-05T10:00:00', '2025-03-06T08:30:00']);
  });

  it('schedules a second follow-up 72 h after a complaint is resolved, and keeps the history', () => {
    const { db, angry } = setup();
    raiseAlerts(db, config, { now: '2025-03-06T00:00:00' });
    const complaint = listAlerts(db, { asOf: '2025-03-06T00:00:00' }).find((i) => i.feedback_id === angry)!;
    const first = resolveAlert(db, config, complaint.id, { note: '已致电道歉', at: '2025-03-06T11:00:00' });
    expect(first).toEqual({ id: complaint.id, from: 'open', to: 'awaiting_followup', followupDue: '2025-03-09T11:00:00' });
    const waiting = listAlerts(db, { asOf: '2025-03-10T00:00:00' }).find((i) => i.id === complaint.id)!;
    expect(waiting).toMatchObject({ status: 'awaiting_followup', due: '2025-03-09T11:00:00', overdue: true });
    const second = resolveAlert(db, config, complaint.id, { note: '回访：已满意', at: '2025-03-09T10:00:00' });
    expect(second.to).toBe('closed');
    expect(listAlerts(db, { asOf: '2025-03-10T00:00:00' }).some((i) => i.id === complaint.id)).toBe(false);
    expect(alertHistory(db, complaint.id).map((h) => [h.action, h.status_to, h.note])).toEqual([
      ['raised', 'open', 'negative_comment'],
      ['resolved', 'awaiting_followup', '已致电道歉'],
      ['followed_up', 'closed', '回访：已满意'],
    ]);
    expect(() => resolveAlert(db, config, complaint.id, { at: '2025-03-10T00:00:00' })).toThrow(/already closed/);
    expect(() => resolveAlert(db, config, 999, { at: '2025-03-10T00:00:00' })).toThrow(/no follow-up item 999/);
  });

  it('closes a non-complaint on its first resolution', () => {
    const { db, detractor } = setup();
    raiseAlerts(db, config, { now: '2025-03-06T00:00:00' });
    const item = listAlerts(db, { asOf: '2025-03-06T00:00:00' }).find((i) => i.feedback_id === detractor)!;
    expect(resolveAlert(db, config, item.id, { at: '2025-03-04T09:00:00' })).toMatchObject({ from: 'open', to: 'closed', followupDue: null });
  });

  it('does the deadline arithmetic on the wall clock', () => {
    expect(addHours('2025-03-30T01:30:00', 48)).toBe('2025-04-01T01:30:00');
    expect(addHours('2024-02-28', 24)).toBe('2024-02-29T00:00:00');
    expect(hoursBetween('2025-03-01T00:00:00', '2025-03-02T06:00:00')).toBe(30);
  });
});
