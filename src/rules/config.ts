import { z } from 'zod';
import type { Config } from '../config.js';
import { compileCondition } from '../segment/condition.js';
import { parseDuration } from '../service/duration.js';
import { fieldsFor, RULE_KINDS } from './fields.js';

const bilingual = z.object({ zh: z.string(), en: z.string() }).strict();

function durationOf(kind: 'minutes' | 'weeks' | 'months', hint: string) {
  return z.union([z.string(), z.number()]).superRefine((value, ctx) => {
    try {
      const d = parseDuration(value);
      const ok = kind === 'months' ? d.months !== undefined : d.minutes !== undefined && (kind === 'minutes' || (d.minutes % 10080 === 0 && d.minutes > 0));
      if (!ok) ctx.addIssue({ code: 'custom', message: hint });
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
    }
  });
}

const due = durationOf('minutes', 'due is a span in minutes, hours, days or weeks: 48h, 7d, 2w');

const common = {
  /** Stable name: part of every task's key, so renaming a rule starts its tasks afresh. */
  id: z.string().regex(/^[A-Za-z0-9][\w-]*$/, 'rule ids are letters, digits, - and _ (they are part of task keys)'),
  label: bilingual.optional(),
  enabled: z.boolean().default(true),
  when: z.string().min(1),
  action: z.string().min(1),
  owner: z.string().default(''),
  /** Give the task to the customer's 负责人 / account manager when the customer list has one. */
  owner_from_customer: z.boolean().default(false),
  due,
};

const contractEnd = z.object({ kind: z.literal('contract_end'), ...common }).strict();
const noOrder = z.object({ kind: z.literal('no_order'), ...common }).strict();
const activityDrop = z
  .object({
    kind: z.literal('activity_drop'),
    ...common,
    scope: z.enum(['customer', 'segment']).default('customer'),
    segment_by: z.enum(['tier', 'channel', 'province', 'industry']).default('tier'),
    measure: z.enum(['orders', 'revenue']).default('revenue'),
    min_drop: z.number().gt(0).lt(1).default(0.05),
    window: durationOf('weeks', 'an activity window is whole weeks: 1w, 4w').default('1w'),
  })
  .strict();
const complaint = z
  .object({
    kind: z.literal('complaint'),
    ...common,
    window: durationOf('minutes', 'a complaint window is a span: 14d, 2w').default('14d'),
    follow_up: z
      .object({ after: due, action: z.string().min(1).default('follow_up'), owner: z.string().optional() })
      .strict()
      .optional(),
  })
  .strict();
const tierChange = z
  .object({
    kind: z.literal('tier_change'),
    ...common,
    window: durationOf('months', 'a tier-change window is whole months: 1mo, 3mo').default('1mo'),
  })
  .strict();

const rule = z.discriminatedUnion('kind', [contractEnd, noOrder, activityDrop, complaint, tierChange], {
  error: (issue) => (issue.code === 'invalid_union' ? `kind must be one of ${RULE_KINDS.join(', ')}` : undefined),
});

export type Rule = z.infer<typeof rule>;
export type RuleOf<K extends Rule['kind']> = Extract<Rule, { kind: K }>;

const DEFAULT_RULES: z.input<typeof rule>[] = [
  {
    id: 'contract-renewal', kind: 'contract_end', label: { zh: '合同续约', en: 'Contract renewal' },
    when: 'contract_days_left >= 0 and contract_days_left < 30', action: 'renewal', owner: '客户经理', owner_from_customer: true, due: '7d',
  },
  {
    id: 'win-back', kind: 'no_order', label: { zh: '流失挽回', en: 'Win-back' },
    when: 'months_since_paid_order >= 3 and days_since_paid_order < 365', action: 'win_back', owner: '销售', owner_from_customer: true, due: '14d',
  },
  {
    id: 'segment-activity-drop', kind: 'activity_drop', label: { zh: '分层活跃下滑', en: 'Segment activity drop' },
    scope: 'segment', segment_by: 'tier', measure: 'revenue', min_drop: 0.05, window: '1w',
    when: 'declining_weeks >= 3', action: 'retention', owner: '运营', due: '7d',
  },
  {
    id: 'customer-activity-drop', kind: 'activity_drop', label: { zh: '客户活跃下滑', en: 'Customer activity drop' },
    scope: 'customer', measure: 'revenue', min_drop: 0.05, window: '4w',
    when: 'declining_weeks >= 3', action: 'retention', owner: '客户经理', owner_from_customer: true, due: '7d',
  },
  {
    id: 'complaint', kind: 'complaint', label: { zh: '投诉/差评响应', en: 'Complaint response' },
    when: "nps <= 6 or sentiment == 'negative'", window: '14d', action: 'respond', owner: '客服组', due: '48h',
    follow_up: { after: '72h', action: 'follow_up', owner: '客服组' },
  },
  {
    id: 'tier-downgrade', kind: 'tier_change', label: { zh: '降级复核', en: 'Tier downgrade review' },
    when: 'tiers_down >= 1', window: '1mo', action: 'review', owner: '客户经理', owner_from_customer: true, due: '7d',
  },
];

export const section = z
  .object({
    /** Which segment tier set the rules' `tier` fields and tier changes use. */
    tier_set: z.string().default('value'),
    list: z.array(rule).prefault(DEFAULT_RULES),
    kpi: z
      .object({
        /** Retention and churn compare buyers of the last N months with those of the N months before. */
        period_months: z.number().int().min(1).max(24).default(3),
        /** Repurchase rate: buyers with two or more purchase days among buyers of the last N months. */
        repurchase_months: z.number().int().min(1).max(60).default(12),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.list.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', message: `duplicate rule id ${r.id}`, path: ['list', i, 'id'] });
      seen.add(r.id);
      try {
        compileCondition(r.when, fieldsFor(r.kind, r.kind === 'activity_drop' ? r.scope : 'customer'));
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message, path: ['list', i, 'when'] });
      }
    });
  })
  .prefault({});

export type RulesConfig = z.infer<typeof section>;

export function defaultRulesConfig(): RulesConfig {
  return section.parse(undefined);
}

/** The rules section of a loaded config (all defaults until src/config.ts composes it). */
export function rulesConfigOf(config: Config | undefined): RulesConfig {
  return (config as { rules?: RulesConfig } | undefined)?.rules ?? defaultRulesConfig();
}

export const yamlDoc = `# 主动规则与跟进任务 / proactive rules and follow-up tasks (custops rules test|run, custops tasks)
# 每条规则：kind 监控什么，when 条件，window 时间窗，action 动作，owner 负责人，due 期限
# Each rule: kind (what it watches), when (condition), window, action, owner, due.
# 条件语法同分层规则 / conditions as in tier rules: >= > <= < == != and or not ( ), 'text' in quotes.
# 字段 / fields (custops rules fields lists them all):
#   contract_end, no_order: tier level province city industry channel paid_orders spend_12m
#     days_since_paid_order months_since_paid_order contract_days_left
#   activity_drop: + declining_weeks last_week previous_week drop (scope segment: segment customers …)
#   complaint: nps csat ces sentiment sentiment_score feedback_channel tier level
#   tier_change: + previous_tier tiers_down
# 同一客户同一周期只生成一次任务，重复运行不会重复创建 / one task per rule, customer and period: re-runs create nothing new.
rules:
  # 规则里的 tier 用哪套分层 / which segment tier set the rules' tier fields use
  tier_set: value
  list:
    # 合同 30 天内到期 → 续约任务 / contract ends within 30 days → renewal task
    - id: contract-renewal
      kind: contract_end
      label: { zh: 合同续约, en: Contract renewal }
      when: "contract_days_left >= 0 and contract_days_left < 30"
      action: renewal
      owner: 客户经理
      # 客户名单里有负责人时交给负责人 / the customer's account manager when the list names one
      owner_from_customer: true
      due: 7d
    # 连续 3 个月无付款订单 → 挽回任务（已流失一年以上的除外）/ no paid order for 3 months → win-back (not for customers lost a year ago)
    - id: win-back
      kind: no_order
      label: { zh: 流失挽回, en: Win-back }
      when: "months_since_paid_order >= 3 and days_since_paid_order < 365"
      action: win_back
      owner: 销售
      owner_from_customer: true
      due: 14d
    # 分层的周收入连续 3 周下降 ≥ 5% → 挽留任务 / a segment's weekly revenue fell ≥ 5% three weeks in a row
    - id: segment-activity-drop
      kind: activity_drop
      label: { zh: 分层活跃下滑, en: Segment activity drop }
      scope: segment
      # 分组 / segments by: tier | channel | province | industry
      segment_by: tier
      # 活跃度 / activity: orders | revenue
      measure: revenue
      min_drop: 0.05
      # 每周的活跃度统计最近多少周 / each weekly value covers this many weeks (1w = that week alone)
      window: 1w
      when: "declining_weeks >= 3"
      action: retention
      owner: 运营
      due: 7d
    # 客户近 4 周滚动收入连续 3 周下降 ≥ 5% / a customer's rolling 4-week revenue fell ≥ 5% three weeks in a row
    - id: customer-activity-drop
      kind: activity_drop
      label: { zh: 客户活跃下滑, en: Customer activity drop }
      scope: customer
      measure: revenue
      min_drop: 0.05
      window: 4w
      when: "declining_weeks >= 3"
      action: retention
      owner: 客户经理
      owner_from_customer: true
      due: 7d
    # 贬损者（NPS 0–6）或负面评价 → 48 小时内响应；处理完 72 小时后回访
    # detractor or negative comment → respond within 48 h; follow up 72 h after it is resolved (custops tasks done ID)
    - id: complaint
      kind: complaint
      label: { zh: 投诉/差评响应, en: Complaint response }
      when: "nps <= 6 or sentiment == 'negative'"
      # 只看最近 14 天的反馈 / feedback of the last 14 days
      window: 14d
      action: respond
      owner: 客服组
      due: 48h
      follow_up:
        after: 72h
        action: follow_up
        owner: 客服组
    # 价值分层降级（对比 1 个月前月末）→ 复核任务 / value tier lower than at the end of last month → review
    - id: tier-downgrade
      kind: tier_change
      label: { zh: 降级复核, en: Tier downgrade review }
      when: "tiers_down >= 1"
      window: 1mo
      action: review
      owner: 客户经理
      owner_from_customer: true
      due: 7d
  kpi:
    # 留存/流失：最近 N 个月的购买客户对比之前 N 个月 / retention and churn: buyers of the last N months vs the N before
    period_months: 3
    # 复购率：最近 N 个月内有两天及以上购买的客户占比 / repurchase: share of buyers with 2+ purchase days in N months
    repurchase_months: 12
`;
