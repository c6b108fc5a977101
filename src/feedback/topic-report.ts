import { nps } from './metrics.js';
import type { FeedbackRow } from './store.js';
import type { Taxonomy } from './topics.js';

// Per topic: how often it comes up, how customers feel about it, and what it does to NPS; then a
// priority matrix of frequency × negativity with the worst pain points first.

export type Quadrant = 'fix_first' | 'watch' | 'strength' | 'minor';

export interface TopicStat {
  topic: string;
  zh: string;
  en: string;
  volume: number;
  /** Of all analysed comments. */
  share: number;
  positive: number;
  negative: number;
  negative_share: number | null;
  avg_score: number | null;
  nps_n: number;
  nps: number | null;
  /** NPS of all answers minus NPS of the answers that do not mention the topic: < 0 means it drags NPS down. */
  nps_impact: number | null;
  /** share × negative_share: frequent and negative topics first. */
  priority: number;
  quadrant: Quadrant;
}

export interface TopicReport {
  comments: number;
  unassigned: number;
  topics: TopicStat[];
}

export function topicReport(rows: Iterable<FeedbackRow>, taxonomy: Taxonomy): TopicReport {
  const list = [...rows].filter((r) => r.sentiment !== null);
  const allNps = nps(list.flatMap((r) => (r.nps === null ? [] : [r.nps])));
  let unassigned = 0;
  for (const r of list) if (r.topics.length === 0) unassigned++;
  const stats: TopicStat[] = taxonomy.topics.map((topic) => {
    const withTopic = list.filter((r) => r.topics.includes(topic.id));
    const without = list.filter((r) => !r.topics.includes(topic.id));
    const positive = withTopic.filter((r) => r.sentiment === 'positive').length;
    const negative = withTopic.filter((r) => r.sentiment === 'negative').length;
    const scores = withTopic.flatMap((r) => (r.score === null ? [] : [r.score]));
    const topicNps = nps(withTopic.flatMap((r) => (r.nps === null ? [] : [r.nps])));
    const withoutNps = nps(without.flatMap((r) => (r.nps === null ? [] : [r.nps])));
    const share = list.length > 0 ? withTopic.length / list.length : 0;
    const negativeShare = withTopic.length > 0 ? negative / withTopic.length : null;
    return {
      topic: topic.id,
      zh: topic.zh,
      en: topic.en,
      volume: withTopic.length,
      share: round(share, 4)!,
      positive,
      negative,
      negative_share: round(negativeShare, 4),
      avg_score: scores.length > 0 ? round(scores.reduce((a, b) => a + b, 0) / scores.length, 3) : null,
      nps_n: topicNps.n,
      nps: round(topicNps.nps, 1),
      nps_impact: allNps.nps !== null && withoutNps.nps !== null && topicNps.n > 0 ? round(allNps.nps - withoutNps.nps, 1) : null,
      priority: round(share * (negativeShare ?? 0), 4)!,
      quadrant: 'minor',
    };
  });
  classify(stats);
  stats.sort((a, b) => b.priority - a.priority || b.volume - a.volume || a.topic.localeCompare(b.topic));
  return { comments: list.length, unassigned, topics: stats };
}

/**
 * Quadrants split at the median share and median negativity of the topics that came up; a topic
 * where at least half the comments are negative is negative whatever the median (when most topics
 * are complaints, the median is high and a topic two thirds negative must not read as a strength).
 */
function classify(stats: TopicStat[]): void {
  const present = stats.filter((s) => s.volume > 0);
  const shareCut = median(present.map((s) => s.share));
  const negativeCut = median(present.map((s) => s.negative_share ?? 0));
  for (const s of stats) {
    const frequent = s.volume > 0 && s.share >= shareCut;
    const negativeShare = s.negative_share ?? 0;
    const negative = s.volume > 0 && negativeShare > 0 && (negativeShare >= negativeCut || negativeShare >= 0.5);
    s.quadrant = frequent && negative ? 'fix_first' : negative ? 'watch' : frequent ? 'strength' : 'minor';
  }
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export type HeatmapMetric = 'volume' | 'negative';

export interface Heatmap {
  metric: HeatmapMetric;
  months: string[];
  topics: Array<{ id: string; zh: string; en: string }>;
  /** cells[month][topic]: comment count, or negative share 0…1 (null without comments). */
  cells: Array<Array<number | null>>;
}

/** Month × topic: how many comments mention each topic, or which share of them is negative. */
export function topicHeatmap(rows: Iterable<FeedbackRow>, taxonomy: Taxonomy, metric: HeatmapMetric): Heatmap {
  const counts = new Map<string, Map<string, { n: number; negative: number }>>();
  for (const r of rows) {
    if (r.sentiment === null || !r.day) continue;
    const month = r.day.slice(0, 7);
    let row = counts.get(month);
    if (!row) counts.set(month, (row = new Map()));
    for (const t of r.topics) {
      const cell = row.get(t) ?? { n: 0, negative: 0 };
      cell.n++;
      if (r.sentiment === 'negative') cell.negative++;
      row.set(t, cell);
    }
  }
  const months = [...counts.keys()].sort();
  const topics = taxonomy.topics.map((t) => ({ id: t.id, zh: t.zh, en: t.en }));
  const cells = months.map((m) =>
    topics.map((t) => {
      const cell = counts.get(m)!.get(t.id);
      if (metric === 'volume') return cell?.n ?? 0;
      return cell && cell.n > 0 ? round(cell.negative / cell.n, 4) : null;
    }),
  );
  return { metric, months, topics, cells };
}

function round(value: number | null, digits: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
