import { copyFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBin, tempDir } from '../helpers/bin.js';

// From the ingest of a feedback CSV to the call-back list, through the real bin (compiled dist/).
const fixtures = resolve(import.meta.dirname, '../../fixtures/feedback');
let dir: string;
let db: string;
const custops = (...args: string[]) => runBin(['--db', db, ...args], { cwd: dir });

beforeAll(() => {
  dir = tempDir('custops-feedback-');
  db = join(dir, 'store.db');
  for (const name of ['customers.csv', 'feedback.csv']) copyFileSync(join(fixtures, name), join(dir, name));
  expect(custops('ingest', 'customers.csv', '--kind', 'customers').code).toBe(0);
  expect(custops('ingest', 'feedback.csv', '--kind', 'feedback').code).toBe(0);
});

describe('custops feedback end to end', () => {
  it('summarises NPS by month with the repeated complaint counted once', () => {
    const result = custops('feedback', 'summary', '--by', 'month', '--format', 'json');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { groups: Array<Record<string, unknown>> };
    expect(summary.groups.map((g) => [g.group, g.responses, g.nps, g.small])).toEqual([
      ['2025-01', 4, 25, true],
      ['2025-02', 4, -25, true],
      ['2025-03', 1, 100, true],
    ]);
    expect(result.stderr).toMatch(/1 repeated submission counted once/);
  });

  it('lists detractors, low CSAT and negative comments with due times, and exits 4 when overdue', () => {
    const list = custops('feedback', 'alerts', '--as-of', '2025-02-05 12:00', '--format', 'json');
    expect(list.code).toBe(0);
    const items = JSON.parse(list.stdout) as Array<Record<string, unknown>>;
    expect(items.map((i) => [i.feedback_code, i.customer, i.due, i.overdue, i.complaint])).toEqual([
      ['F002', '李娜', '2025-01-10T14:30:00', true, true],
      ['F005', '李娜', '2025-02-04T11:00:00', true, true],
      ['F009', 'Tom Lee', '2025-02-22T18:00:00', false, true],
    ]);
    expect(items[0].reasons).toEqual(['detractor', 'low_csat', 'negative_comment']);
    const cron = custops('feedback', 'alerts', '--as-of', '2025-02-05 12:00', '--fail-on-alerts', '--quiet', '--format', 'csv');
    expect(cron.code).toBe(4);
    expect(cron.stderr).toMatch(/2 follow-up items are overdue/);
  });

  it('writes the call list to a file and shows it in Chinese', () => {
    const out = custops('feedback', 'alerts', '--as-of', '2025-02-05 12:00', '--output', 'calls.csv');
    expect(out.code).toBe(0);
    const csv = readFileSync(join(dir, 'calls.csv'), 'utf8');
    expect(csv).toContain('李娜');
    expect(csv.trim().split('\n')).toHaveLength(4);
    // Before any deadline passed: nothing overdue, so cron gets 0.
    const zh = custops('--lang', 'zh', 'feedback', 'alerts', '--as-of', '2025-01-09 00:00', '--fail-on-alerts');
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('回访清单');
    expect(zh.stdout).toContain('待响应');
  });

  it('resolves a complaint, schedules the second follow-up and keeps the history', () => {
    const items = JSON.parse(custops('feedback', 'alerts', '--format', 'json', '--as-of', '2025-02-05 12:00').stdout) as Array<{ id: number; feedback_code: string }>;
    const id = items.find((i) => i.feedback_code === 'F005')!.id;
    const first = custops('feedback', 'resolve', String(id), '--note', '已退款并致歉', '--as-of', '2025-02-05 15:00', '--format', 'json');
    expect(first.code).toBe(0);
    const result = JSON.parse(first.stdout) as { to: string; followupDue: string; history: Array<{ action: string; note: string | null }> };
    expect(result.to).toBe('awaiting_followup');
    expect(result.followupDue).toBe('2025-02-08T15:00:00');
    expect(result.history.map((h) => h.action)).toEqual(['raised', 'resolved']);
    const second = custops('feedback', 'resolve', String(id), '--note', '二次回访完成', '--as-of', '2025-02-07 10:00', '--format', 'json');
    expect(second.code).toBe(0);
    const closed = JSON.parse(second.stdout) as typeof result;
    expect(closed.to).toBe('closed');
    expect(closed.history.map((h) => [h.action, h.note])).toEqual([
      ['raised', 'detractor,low_csat,negative_comment'],
      ['resolved', '已退款并致歉'],
      ['followed_up', '二次回访完成'],
    ]);
    expect(custops('feedback', 'resolve', String(id)).code).toBe(2);
  });

  it('reports topics, keywords and the month × topic heatmap', () => {
    const topics = JSON.parse(custops('feedback', 'topics', '--format', 'json').stdout) as { comments: number; topics: Array<{ topic: string; volume: number }> };
    expect(topics.comments).toBe(8);
    expect(topics.topics.find((t) => t.topic === 'logistics')?.volume).toBe(3);
    const keywords = custops('feedback', 'keywords', '--format', 'csv');
    expect(keywords.code).toBe(0);
    expect(keywords.stdout.split('\n')[0]).toBe('term,weight,count,comments');
    expect(keywords.stdout).toContain('客服');
    const heatmap = custops('feedback', 'heatmap', '--format', 'csv');
    expect(heatmap.stdout.split('\n')[1]).toMatch(/^2025-01,3,1,1,3,0,0,1,/);
  });

  it('refuses a bad --by with exit code 2', () => {
    const bad = custops('feedback', 'summary', '--by', 'colour');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--by does not support colour/);
  });
});
