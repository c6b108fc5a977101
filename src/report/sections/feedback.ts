import { change, type FeedbackSection, type TopicsSection } from '../model.js';
import { addDays, trailingWeeks } from '../weeks.js';
import { ces, csat, nps } from '../../feedback/metrics.js';
import { feedbackRows, taxonomyFromConfig, type FeedbackRow } from '../../feedback/store.js';
import { topicReport } from '../../feedback/topic-report.js';
import { createTranslator } from '../../output/i18n.js';
import { messages } from '../../output/messages/report.js';
import { hasRows, type SectionInput } from './input.js';

const t = createTranslator(messages);

interface Answers {
  nps: number[];
  csat: number[];
  ces: number[];
  responses: number;
}

/** Analysed feedback (the feedback stage ran: duplicates counted once) or, before that, the raw table. */
function analysed(input: SectionInput): boolean {
  return input.memo('feedback:analysed', () => hasRows(input.db, 'feedback_analysis'));
}

function answersIn(input: SectionInput, since: string, until: string): Answers {
  const out: Answers = { nps: [], csat: [], ces: [], responses: 0 };
  const rows: Iterable<Pick<FeedbackRow, 'nps' | 'csat' | 'ces'>> = analysed(input)
    ? feedbackRows(input.db, { since, until })
    : (input.db
        .prepare(`SELECT nps_n AS nps, csat_n AS csat, ces_n AS ces FROM feedback WHERE substr(submitted_ts, 1, 10) BETWEEN ? AND ?`)
        .all(since, until) as Pick<FeedbackRow, 'nps' | 'csat' | 'ces'>[]);
  for (const r of rows) {
    out.responses++;
    if (r.nps !== null) out.nps.push(r.nps);
    if (r.csat !== null) out.csat.push(r.csat);
    if (r.ces !== null) out.ces.push(r.ces);
  }
  return out;
}

interface Scores {
  responses: number;
  nps: { value: number | null; n: number; margin: number | null };
  csat: { value: number | null; n: number; margin: number | null };
  ces: { value: number | null; n: number; margin: number | null };
}

function scoresOf(input: SectionInput, a: Answers): Scores {
  const cfg = input.settings.feedback;
  const n = nps(a.nps);
  const c = csat(a.csat, { min: cfg.csat.scale_min, max: cfg.csat.scale_max, topBox: cfg.csat.top_box });
  const e = ces(a.ces, { min: cfg.ces.scale_min, max: cfg.ces.scale_max, easyMin: cfg.ces.easy_min });
  return {
    responses: a.responses,
    nps: { value: n.nps, n: n.n, margin: n.margin },
    csat: { value: c.share, n: c.n, margin: c.share === null || c.high === null || c.low === null ? null : (c.high - c.low) / 2 },
    ces: { value: e.mean, n: e.n, margin: e.mean === null || e.high === null || e.low === null ? null : (e.high - e.low) / 2 },
  };
}

/** NPS / CSAT / CES of the report week against the previous one, and their weekly trend. */
export function feedbackSection(input: SectionInput): FeedbackSection {
  const now = scoresOf(input, answersIn(input, input.week.start, input.week.end));
  const before = scoresOf(input, answersIn(input, input.previousWeek.start, input.previousWeek.end));
  const score = (k: 'nps' | 'csat' | 'ces'): FeedbackSection['nps'] => ({ value: change(now[k].value, before[k].value), n: now[k].n, margin: now[k].margin });
  const trend = trailingWeeks(input.asOf, input.settings.report.trend_weeks).map((w) => {
    const s = scoresOf(input, answersIn(input, w.start, w.end));
    return { label: w.label, start: w.start, responses: s.responses, nps: s.nps.value, csat: s.csat.value, ces: s.ces.value };
  });
  if (!analysed(input)) input.note('feedback', t(input.lang, 'note.feedbackNotAnalysed'));
  return {
    responses: change(now.responses, before.responses),
    nps: score('nps'),
    csat: score('csat'),
    ces: score('ces'),
    trend,
    source: analysed(input) ? 'feedback.feedbackRows + feedback.metrics' : 'sql (feedback table) + feedback.metrics',
  };
}

/**
 * Top pain points: the feedback stage's topic report over the last report.topics_window_days,
 * ordered by priority (frequent and negative first), and a topic × week heat map of negative share.
 */
export function topicsSection(input: SectionInput): TopicsSection {
  const windowDays = input.settings.report.topics_window_days;
  if (!analysed(input)) {
    return { available: false, comments: 0, windowDays, rows: [], heatmap: null, source: 'feedback.topicReport' };
  }
  const taxonomy = taxonomyFromConfig(input.settings.feedback);
  const since = addDays(input.asOf, -(windowDays - 1));
  const report = topicReport(feedbackRows(input.db, { since, until: input.asOf }), taxonomy);
  const top = report.topics
    .filter((s) => s.volume > 0)
    .sort((a, b) => b.priority - a.priority || b.volume - a.volume)
    .slice(0, input.settings.report.top_topics);
  const weeks = trailingWeeks(input.asOf, Math.min(8, input.settings.report.trend_weeks));
  const perWeek = weeks.map((w) => topicReport(feedbackRows(input.db, { since: w.start, until: w.end }), taxonomy));
  const label = (s: { zh: string; en: string }): string => (input.lang === 'zh' ? s.zh : s.en);
  return {
    available: true,
    comments: report.comments,
    windowDays,
    rows: top.map((s) => ({ key: s.topic, label: label(s), mentions: s.volume, share: s.share, negativeShare: s.negative_share, npsImpact: s.nps_impact })),
    heatmap:
      top.length === 0
        ? null
        : {
            columns: weeks.map((w) => w.label),
            rows: top.map((s) => ({
              label: label(s),
              values: perWeek.map((r) => r.topics.find((x) => x.topic === s.topic)?.negative_share ?? null),
            })),
          },
    source: 'feedback.topicReport',
  };
}
