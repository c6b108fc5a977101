import { z } from 'zod';
import { defaultTopics } from './topics.js';

const topicRule = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'use lowercase letters, digits and _'),
    zh: z.string().min(1),
    en: z.string().min(1),
    keywords: z.array(z.string().min(1)).min(1),
  })
  .strict();

const deadline = z
  .object({
    respond_hours: z.number().positive().optional(),
    followup_hours: z.number().positive().optional(),
  })
  .strict();

export const section = z
  .object({
    /** Periods or groups with fewer answers are marked as small samples. */
    min_responses: z.number().int().min(1).default(30),
    csat: z
      .object({
        scale_min: z.number().default(1),
        scale_max: z.number().default(5),
        /** Top-N box counted as satisfied (2 = 4–5 on a 1–5 scale). */
        top_box: z.number().int().min(1).default(2),
        /** Scores at or below this raise a follow-up item. */
        alert_max: z.number().default(2),
      })
      .strict()
      .refine((c) => c.scale_min < c.scale_max, { message: 'scale_min must be below scale_max' })
      .prefault({}),
    ces: z
      .object({
        scale_min: z.number().default(1),
        scale_max: z.number().default(7),
        /** Scores at or above this count as "easy" (CES 2.0: 5–7 agree on a 1–7 scale). */
        easy_min: z.number().default(5),
      })
      .strict()
      .prefault({}),
    nps: z
      .object({
        /** Detractors (0–6 by definition) raise a follow-up item. */
        alert_detractors: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    /** Same customer, same text within this many hours: counted once. */
    duplicate_window_hours: z.number().min(0).default(72),
    sentiment: z
      .object({
        /** Comment scores (−1…1) at or below this are strongly negative: a follow-up item and a complaint. */
        alert_score: z.number().min(-1).max(0).default(-0.5),
      })
      .strict()
      .prefault({}),
    /** Topic taxonomy; replaces the built-in one when given. */
    topics: z.array(topicRule).min(1).default(defaultTopics),
    /** More keywords for topics by id, added to the taxonomy in force. */
    topic_keywords: z.record(z.string(), z.array(z.string().min(1))).default({}),
    keywords: z
      .object({
        /** Product names and terms kept whole in segmentation and always counted. */
        user_words: z.array(z.string().min(1)).default([]),
        stop_words: z.array(z.string().min(1)).default([]),
        top: z.number().int().min(1).max(500).default(20),
        method: z.enum(['tfidf', 'textrank']).default('tfidf'),
      })
      .strict()
      .prefault({}),
    alerts: z
      .object({
        respond_hours: z.number().positive().default(48),
        /** Complaints get a second follow-up this many hours after they are resolved. */
        followup_hours: z.number().positive().default(72),
        /** Channel names or comment words that make an item a complaint (besides a strongly negative comment). */
        complaint_words: z.array(z.string().min(1)).default(['投诉', '举报', '12315', 'complaint', 'complain']),
        /** Tier set (from segment.tiers) whose tier names key `tiers` below; the first set when absent. */
        tier_set: z.string().optional(),
        /** Deadlines per tier name, overriding the defaults above. */
        tiers: z.record(z.string(), deadline).default({}),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .prefault({});

export type FeedbackConfig = z.infer<typeof section>;

export function defaultFeedbackConfig(): FeedbackConfig {
  return section.parse(undefined);
}

export const yamlDoc = `# 客户反馈 / feedback (custops feedback ...)
feedback:
  # 回答数少于此值的周期/分组标记为小样本 / periods or groups with fewer answers are marked small-sample
  min_responses: 30
  csat:
    scale_min: 1
    scale_max: 5
    # 前 N 档计为满意（2 = 1–5 分制的 4–5 分）/ top-N box counted as satisfied
    top_box: 2
    # 低于等于此分生成回访任务 / scores at or below this raise a follow-up item
    alert_max: 2
  ces:
    scale_min: 1
    scale_max: 7
    # 大于等于此分计为"容易" / scores at or above this count as easy (CES 2.0: 5–7)
    easy_min: 5
  nps:
    # 贬损者（0–6 分）生成回访任务 / detractors (0–6) raise a follow-up item
    alert_detractors: true
  # 同一客户、同一内容在此小时数内重复提交只计一次 / same customer + same text within N hours counts once
  duplicate_window_hours: 72
  sentiment:
    # 情感分（−1…1）低于等于此值为强烈负面：生成回访并视为投诉 / strongly negative: follow-up item and complaint
    alert_score: -0.5
  # 主题分类（给出即替换内置分类）/ topic taxonomy (replaces the built-in one when given):
  # topics:
  #   - { id: logistics, zh: 物流/配送, en: Delivery, keywords: [物流, 快递, 配送, delivery, shipping] }
  # 为已有主题追加关键词 / more keywords for existing topics:
  topic_keywords: {}
  #   quality: [续航, battery life]
  keywords:
    # 产品名等自定义词（分词时保持完整）/ product names kept whole when segmenting
    user_words: []
    # 额外停用词 / extra stop words
    stop_words: []
    top: 20
    # tfidf | textrank
    method: tfidf
  alerts:
    # 48 小时内首次响应 / first response within 48 hours
    respond_hours: 48
    # 投诉解决后 72 小时二次回访 / complaints: second follow-up 72 hours after resolution
    followup_hours: 72
    # 渠道或评论中出现这些词视为投诉 / channel or comment words that make an item a complaint
    complaint_words: [投诉, 举报, '12315', complaint, complain]
    # 按等级设置时限（等级名来自 segment.tiers）/ deadlines per tier (names from segment.tiers):
    # tier_set: value
    tiers: {}
    #   重要价值客户: { respond_hours: 24, followup_hours: 48 }
`;
