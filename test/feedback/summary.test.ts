import { describe, expect, it } from 'vitest';
import { defaultFeedbackConfig, section } from '../../src/feedback/config.js';
import type { FeedbackRow } from '../../src/feedback/store.js';
import { isoWeek, summarise } from '../../src/feedback/summary.js';

const config = defaultFeedbackConfig();

function row(values: Partial<FeedbackRow>): FeedbackRow {
  return {
    id: 0, code: null, submitted: null, day: null, nps: null, csat: null, ces: null, channel: null, comment: null,
    customerId: null, entity: null, province: null, sentiment: null, score: null, topics: [], ...values,
  };
}

const repeat = (n: number, values: Partial<FeedbackRow>): FeedbackRow[] => Array.from({ length: n }, () => row(values));

describe('summarise', () => {
  it('computes NPS, CSAT and CES per month with changes flagged by significance', () => {
    const rows = [
      ...repeat(20, { day: '2025-01-10', nps: 10, csat: 5, ces: 6 }),
      ...repeat(12, { day: '2025-01-11', nps: 8, csat: 4, ces: 5 }),
      ...repeat(8, { day: '2025-01-12', nps: 2, csat: 2, ces: 2, comment: '差', sentiment: 'negative' }),
      ...repeat(8, { day: '2025-02-03', nps: 10, csat: 5 }),
      ...repeat(12, { day: '2025-02-04', nps: 8, csat: 3 }),
      ...repeat(20, { day: '2025-02-05', nps: 1, csat: 1 }),
      ...repeat(3, { day: '2025-03-01', nps: 10 }),
    ];
    const [jan, feb, mar] = summarise(rows, { by: 'month', config });
    expect(jan).toMatchObject({ group: '2025-01', responses: 40, nps: 30, promoters: 20, detractors: 8, csat: 0.8, ces_mean: 4.9, ces_easy: 0.8, negative_share: 1, small: false });
    expect(jan.nps_change).toBeUndefined(); // CES mean (20·6 + 12·5 + 8·2)/40 = 4.9
    // Feb: NPS (8 − 20)/40 = −30; change −60 with Var 100²·(0.7 − 0.09)/40 + 100²·(0.7 − 0.09)/40 → z = −60/√305 = −3.44
    expect(feb).toMatchObject({ group: '2025-02', nps: -30, nps_change: -60, nps_change_significant: true, csat: 0.2, small: false });
    expect(mar).toMatchObject({ group: '2025-03', responses: 3, nps: 100, small: true, nps_change: 130, nps_change_significant: false });
  });

  it('groups by ISO week, channel and province, marking unknown values and small groups', () => {
    expect(isoWeek('2025-01-01')).toBe('2025-W01');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    const rows = [row({ day: '2025-01-01', channel: '电话', nps: 9 }), row({ day: '2025-01-06', channel: '问卷', nps: 3 }), row({ day: null, nps: 7 })];
    expect(summarise(rows, { by: 'week', config }).map((g) => g.group)).toEqual(['2025-W01', '2025-W02', '—']);
    const byChannel = summarise(rows, { by: 'channel', config: section.parse({ min_responses: 1 }) });
    expect(byChannel.map((g) => [g.group, g.nps, g.small])).toEqual([
      ['—', 0, false],
      ['电话', 100, false],
      ['问卷', -100, false],
    ]);
  });

  it('cuts by tier or segment through a label lookup', () => {
    const rows = [row({ entity: 1, nps: 10 }), row({ entity: 2, nps: 0 }), row({ entity: null, nps: 9 })];
    const labels = new Map([[1, '重要价值客户'], [2, '一般客户']]);
    const groups = summarise(rows, { by: 'tier', config, labelOf: (e) => (e === null ? null : (labels.get(e) ?? null)) });
    expect(groups.map((g) => [g.group, g.nps])).toEqual([
      ['—', 100],
      ['一般客户', -100],
      ['重要价值客户', 100],
    ]);
  });
});
