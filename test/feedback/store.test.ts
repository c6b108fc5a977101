import { describe, expect, it } from 'vitest';
import { defaultFeedbackConfig, section } from '../../src/feedback/config.js';
import { analyseFeedback, feedbackRows, findDuplicates } from '../../src/feedback/store.js';
import { summarise } from '../../src/feedback/summary.js';
import { addCustomer, addFeedback, feedbackStore } from './store-helpers.js';

const config = defaultFeedbackConfig();

describe('feedback analysis in the store', () => {
  it('stores sentiment and topics, and re-analyses only changed comments', () => {
    const db = feedbackStore();
    const a = addFeedback(db, { comment: '物流太慢了，非常失望' });
    addFeedback(db, { comment: '包装很好' });
    addFeedback(db, { nps: 9 });
    expect(analyseFeedback(db, config)).toEqual({ feedback: 3, analysed: 3, duplicates: 0 });
    const row = db.prepare('SELECT sentiment, topics FROM feedback_analysis WHERE feedback_id = ?').get(a);
    expect(row).toEqual({ sentiment: 'negative', topics: '["logistics"]' });
    expect(analyseFeedback(db, config).analysed).toBe(0);
    db.prepare('UPDATE feedback SET comment = ? WHERE id = ?').run('物流很快，非常满意', a);
    expect(analyseFeedback(db, config).analysed).toBe(1);
    expect(db.prepare('SELECT sentiment FROM feedback_analysis WHERE feedback_id = ?').get(a)).toEqual({ sentiment: 'positive' });
  });

  it('re-analyses everything when the taxonomy changes, and adds configured keywords', () => {
    const db = feedbackStore();
    const id = addFeedback(db, { comment: '续航太短' });
    analyseFeedback(db, config);
    const extra = section.parse({ topic_keywords: { quality: ['续航'] } });
    expect(analyseFeedback(db, extra).analysed).toBe(1);
    expect(db.prepare('SELECT topics FROM feedback_analysis WHERE feedback_id = ?').get(id)).toEqual({ topics: '["quality"]' });
  });

  it('counts a repeated submission (same customer, same text, within the window) once', () => {
    const db = feedbackStore();
    addCustomer(db, { id: 1 });
    addCustomer(db, { id: 2 });
    const first = addFeedback(db, { customer: 1, at: '2025-01-01T10:00:00', nps: 3, comment: '退款太慢' });
    const again = addFeedback(db, { customer: 1, at: '2025-01-01T10:05:00', nps: 3, comment: ' 退款太慢 ' });
    const later = addFeedback(db, { customer: 1, at: '2025-01-10T10:00:00', nps: 3, comment: '退款太慢' });
    const other = addFeedback(db, { customer: 2, at: '2025-01-01T10:05:00', nps: 3, comment: '退款太慢' });
    expect(analyseFeedback(db, config).duplicates).toBe(1);
    expect(db.prepare('SELECT duplicate_of FROM feedback_analysis WHERE feedback_id = ?').get(again)).toEqual({ duplicate_of: first });
    const ids = [...feedbackRows(db)].map((r) => r.id);
    expect(ids).toEqual([first, other, later]);
    expect(summarise(feedbackRows(db), { by: 'all', config })[0]).toMatchObject({ responses: 3, nps_n: 3 });
    expect([...feedbackRows(db, { includeDuplicates: true })]).toHaveLength(4);
  });

  it('finds duplicates by phone when the customer is not linked, and by scores without text', () => {
    const dups = findDuplicates(
      [
        { id: 1, comment: null, customer_id: null, phone_e164: '+8613800000000', email_norm: null, nps_n: 2, csat_n: null, ces_n: null, submitted_ts: '2025-01-01T10:00:00' },
        { id: 2, comment: null, customer_id: null, phone_e164: '+8613800000000', email_norm: null, nps_n: 2, csat_n: null, ces_n: null, submitted_ts: '2025-01-02T09:00:00' },
        { id: 3, comment: null, customer_id: null, phone_e164: '+8613800000000', email_norm: null, nps_n: 9, csat_n: null, ces_n: null, submitted_ts: '2025-01-02T09:00:00' },
        { id: 4, comment: 'x', customer_id: null, phone_e164: null, email_norm: null, nps_n: null, csat_n: null, ces_n: null, submitted_ts: null },
        { id: 5, comment: 'x', customer_id: null, phone_e164: null, email_norm: null, nps_n: null, csat_n: null, ces_n: null, submitted_ts: null },
      ],
      72,
    );
    expect([...dups]).toEqual([[2, 1]]); // anonymous answers are never merged
  });

  it('filters rows by day', () => {
    const db = feedbackStore();
    addFeedback(db, { at: '2025-01-31T23:00:00', nps: 9 });
    addFeedback(db, { at: '2025-02-01T08:00:00', nps: 5 });
    addFeedback(db, { at: '2025-02-28', nps: 10 });
    analyseFeedback(db, config);
    expect([...feedbackRows(db, { since: '2025-02-01', until: '2025-02-28' })].map((r) => r.nps)).toEqual([5, 10]);
  });
});
