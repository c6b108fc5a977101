import { z } from 'zod';
import type { Config } from '../config.js';
import { defaultSegmentConfig, type SegmentConfig } from '../segment/config.js';
import { defaultFeedbackConfig, type FeedbackConfig } from '../feedback/config.js';

export const section = z
  .object({
    tier_set: z.string().optional(),
    trend_weeks: z.number().int().min(2).max(104).default(12),
    churn_warnings: z.number().int().min(1).max(500).default(10),
    topics_window_days: z.number().int().min(7).max(730).default(28),
    top_topics: z.number().int().min(1).max(50).default(8),
    alert_rows: z.number().int().min(1).max(500).default(20),
    task_horizon_days: z.number().int().min(1).max(90).default(7),
    task_rows: z.number().int().min(1).max(500).default(20),
  })
  .strict()
  .prefault({});

export type ReportConfig = z.infer<typeof section>;

export function defaultReportConfig(): ReportConfig {
  return section.parse(undefined);
}

export const yamlDoc = `# 周报 / weekly report (custops report weekly, custops run weekly)
report:
  # 按哪套分层展示客户（默认 segment.tiers 的第一套）/ tier set shown (default: the first in segment.tiers)
  # tier_set: value
  # 趋势图显示的周数 / weeks in the trend charts
  trend_weeks: 12
  # 流失预警列出前几名（按风险价值）/ churn warnings listed (top by value at risk)
  churn_warnings: 10
  # 痛点话题统计最近多少天的评论 / days of comments behind the top pain points
  topics_window_days: 28
  # 列出几个痛点话题 / pain points listed
  top_topics: 8
  # 列出几条未关闭的反馈预警 / open feedback alerts listed
  alert_rows: 20
  # 列出多少天内到期的跟进任务 / follow-up tasks due within this many days
  task_horizon_days: 7
  task_rows: 20
`;

/** The sections the report reads, defaults until src/config.ts composes them. */
export interface ReportSettings {
  report: ReportConfig;
  segment: SegmentConfig;
  feedback: FeedbackConfig;
  config: Config | undefined;
}

export function reportSettings(config: Config | undefined): ReportSettings {
  const sections = (config ?? {}) as Partial<{ report: ReportConfig; segment: SegmentConfig; feedback: FeedbackConfig }>;
  return {
    report: sections.report ?? defaultReportConfig(),
    segment: sections.segment ?? defaultSegmentConfig(),
    feedback: sections.feedback ?? defaultFeedbackConfig(),
    config,
  };
}
