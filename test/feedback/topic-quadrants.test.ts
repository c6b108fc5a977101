import { describe, expect, it } from 'vitest';
import type { FeedbackRow } from '../../src/feedback/store.js';
import { topicReport } from '../../src/feedback/topic-report.js';
import { compileTaxonomy } from '../../src/feedback/topics.js';

function row(id: number, topics: string[], sentiment: FeedbackRow['sentiment']): FeedbackRow {
  return { id, code: null, submitted: null, day: null, nps: null, csat: null, ces: null, channel: null, comment: 'x', customerId: null, entity: null, province: null, sentiment, score: null, topics };
}

describe('topic quadrants', () => {
  it('a frequent topic with two negative comments in three is to fix first, even when most topics are all complaints', () => {
    const rows = [
      row(1, ['service'], 'negative'),
      row(2, ['service'], 'negative'),
      row(3, ['service'], 'positive'),
      row(4, ['price'], 'negative'),
      row(5, ['packaging'], 'negative'),
      row(6, ['quality'], 'positive'),
      row(7, ['quality'], 'positive'),
    ];
    const byTopic = new Map(topicReport(rows, compileTaxonomy()).topics.map((t) => [t.topic, t]));
    expect(byTopic.get('service')?.negative_share).toBeCloseTo(2 / 3, 4);
    expect(byTopic.get('service')?.quadrant).toBe('fix_first');
    expect(byTopic.get('quality')?.quadrant).toBe('strength');
    expect(byTopic.get('price')?.quadrant).toBe('watch');
  });
});
