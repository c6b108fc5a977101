// Feedback analysis (src/feedback): per-comment sentiment, topics and duplicate links, follow-up items
// for low scores and negative comments, and the history of every change to an item.
export const feedbackSchema = `
CREATE TABLE feedback_analysis (
  feedback_id INTEGER PRIMARY KEY REFERENCES feedback(id) ON DELETE CASCADE,
  -- What was analysed: re-analysed when the comment, scores or customer change, or the analyser does.
  input_hash TEXT NOT NULL,
  analyser INTEGER NOT NULL,
  sentiment TEXT CHECK (sentiment IN ('positive', 'neutral', 'negative')),
  sentiment_score REAL,
  topics TEXT NOT NULL DEFAULT '[]',
  -- A repeated submission (same customer, same text, within the window) points at the first one.
  duplicate_of INTEGER REFERENCES feedback(id) ON DELETE SET NULL,
  analysed_at TEXT NOT NULL
);
CREATE INDEX feedback_analysis_duplicate ON feedback_analysis(duplicate_of);

CREATE TABLE feedback_alerts (
  id INTEGER PRIMARY KEY,
  feedback_id INTEGER NOT NULL UNIQUE REFERENCES feedback(id) ON DELETE CASCADE,
  -- JSON list: detractor, low_csat, negative_comment
  reasons TEXT NOT NULL,
  complaint INTEGER NOT NULL DEFAULT 0,
  tier TEXT,
  raised_at TEXT NOT NULL,
  respond_due TEXT NOT NULL,
  -- open → (complaint) awaiting_followup → closed; open → closed otherwise
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'awaiting_followup', 'closed')),
  resolved_at TEXT,
  followup_due TEXT,
  closed_at TEXT
);
CREATE INDEX feedback_alerts_status ON feedback_alerts(status);

CREATE TABLE feedback_alert_history (
  id INTEGER PRIMARY KEY,
  alert_id INTEGER NOT NULL REFERENCES feedback_alerts(id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('raised', 'resolved', 'followed_up', 'reopened')),
  status_from TEXT,
  status_to TEXT NOT NULL,
  note TEXT,
  run_id INTEGER REFERENCES runs(id)
);
CREATE INDEX feedback_alert_history_alert ON feedback_alert_history(alert_id);
`;
