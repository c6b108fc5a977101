import { z } from 'zod';
import { compileCondition } from './condition.js';
import { parseScoreRange, RFM_PRESETS, type RfmRule } from './rfm.js';
import { DEFAULT_TIER_SETS, TIER_FIELDS, type TierSet } from './tiers.js';

const bilingual = z.object({ zh: z.string(), en: z.string() }).strict();

const scoreRange = z.union([z.string(), z.number()]).superRefine((value, ctx) => {
  try {
    parseScoreRange(value);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
  }
});

const rfmRule = z
  .object({
    name: z.string().min(1),
    r: scoreRange.default('1-5'),
    f: scoreRange.default('1-5'),
    m: scoreRange.default('1-5'),
    label: bilingual.optional(),
    action: bilingual.optional(),
  })
  .strict();

const tierRule = z
  .object({
    name: z.string().min(1),
    en: z.string().optional(),
    when: z.string().optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (rule.when === undefined) return;
    try {
      compileCondition(rule.when, Object.keys(TIER_FIELDS));
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message, path: ['when'] });
    }
  });

const tierSet = z.object({ label: bilingual.optional(), rules: z.array(tierRule).min(1) }).strict();

const share = z.number().min(0).max(1);

export const section = z
  .object({
    exclude_status: z.array(z.enum(['paid', 'pending', 'cancelled', 'refunded'])).default(['cancelled', 'refunded']),
    rfm: z
      .object({
        preset: z.enum(Object.keys(RFM_PRESETS) as [string, ...string[]]).default('standard'),
        rules: z.array(rfmRule).optional(),
        min_sample: z.number().int().min(1).default(50),
      })
      .strict()
      .prefault({}),
    tiers: z.record(z.string(), tierSet).default(DEFAULT_TIER_SETS as Record<string, z.infer<typeof tierSet>>),
    pareto: z
      .object({ a_share: share.default(0.7), b_share: share.default(0.9), top_share: share.default(0.2) })
      .strict()
      .refine((p) => p.a_share <= p.b_share, { message: 'a_share must not exceed b_share' })
      .prefault({}),
    lifecycle: z
      .object({
        new_days: z.number().int().min(1).default(90),
        active_days: z.number().int().min(1).default(90),
        churn_days: z.number().int().min(1).default(365),
        warning_months: z.number().int().min(1).max(120).default(3),
        warn_churned: z.boolean().default(false),
      })
      .strict()
      .refine((l) => l.active_days <= l.churn_days, { message: 'active_days must not exceed churn_days' })
      .prefault({}),
    matrix: z
      .object({
        window_months: z.number().int().min(1).max(60).default(6),
        value_threshold: z.union([z.enum(['median', 'mean']), z.number().min(0)]).default('median'),
        growth_threshold: z.number().default(0),
      })
      .strict()
      .prefault({}),
    cluster: z
      .object({
        k: z.number().int().min(2).max(20).optional(),
        k_min: z.number().int().min(2).default(2),
        k_max: z.number().int().min(2).max(20).default(8),
        seed: z.number().int().default(42),
        extra_features: z.array(z.enum(['tenure_days', 'aov'])).default([]),
        fit_sample: z.number().int().min(100).default(20000),
        silhouette_sample: z.number().int().min(50).max(20000).default(2000),
      })
      .strict()
      .prefault({}),
    clv: z
      .object({
        time_unit: z.enum(['day', 'week', 'month']).default('week'),
        horizon_months: z.number().int().min(1).max(240).default(12),
        annual_discount_rate: z.number().min(0).max(1).default(0.1),
        margin: z.number().min(0).max(1).default(1),
        fit_sample: z.number().int().min(1000).default(200000),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .prefault({});

export type SegmentConfig = z.infer<typeof section>;

export function defaultSegmentConfig(): SegmentConfig {
  return section.parse(undefined);
}

/** The rule list in force: the configured rules, else the named preset. */
export function rfmRules(config: SegmentConfig): RfmRule[] {
  if (config.rfm.rules && config.rfm.rules.length > 0) {
    return config.rfm.rules.map((r) => ({
      name: r.name,
      r: parseScoreRange(r.r),
      f: parseScoreRange(r.f),
      m: parseScoreRange(r.m),
      label: r.label,
      action: r.action,
    }));
  }
  return [...RFM_PRESETS[config.rfm.preset]];
}

export function tierSets(config: SegmentConfig): Record<string, TierSet> {
  return config.tiers;
}

export const yamlDoc = `# 客户分群 / segmentation (custops segment ...)
segment:
  # 不计入的订单状态（无状态视为已付款）/ order statuses that do not count (no status = paid)
  exclude_status: [cancelled, refunded]
  rfm:
    # R/F/M 各按五分位打 1–5 分：分数 = floor(名次 × 5 / 人数) + 1，名次为该值第一次出现的位置（同 SQL RANK() − 1），
    # 同值必同分、与行序无关；大量并列（如只下过一单）时保留低分，某些分数可能为空。
    # Quintile scores 1–5: score = floor(position × 5 / n) + 1 with position the first place the value
    # takes (SQL RANK() − 1), so equal values always share a score whatever the row order; heavy ties
    # (everyone with one order) keep the low score and some scores may be empty.
    # 分群方案 / segment scheme: standard (R×F 图 11 类) | r-rfm (R 语言 rfm 包边界)
    preset: standard
    # 自定义规则（先匹配先得，覆盖 preset）/ your own rules, first match wins, replace the preset:
    # rules:
    #   - { name: champions, r: "5", f: "4-5" }
    #   - { name: vip, r: "4-5", f: "3-5", m: "5", label: { zh: 大客户, en: VIP }, action: { zh: 专人维护, en: Account manager } }
    # 少于此数不做五分位打分 / refuse quintile scores below this many customers
    min_sample: 50
  # 分层规则：每套规则按顺序匹配，先匹配先得；无 when 表示其余所有客户
  # Tier rule sets: first matching rule wins; a rule without "when" takes everyone left.
  # 字段 / fields: annual_revenue years spend spend_12m orders orders_12m aov recency_days
  #   (金额单位元 / money in yuan; 500万 = 5000000) province city industry channel
  # 运算 / operators: >= > <= < == != and or not ( )
  tiers:
    value:
      label: { zh: 价值分层, en: Value tier }
      rules:
        - { name: 战略客户, en: Strategic, when: "annual_revenue >= 5000000 and years >= 3" }
        - { name: 重点客户, en: Key, when: "annual_revenue >= 1000000" }
        - { name: 普通客户, en: Regular }
    loyalty:
      label: { zh: 会员等级, en: Loyalty tier }
      rules:
        - { name: 铂金卡, en: Platinum, when: "spend_12m >= 20000" }
        - { name: 金卡, en: Gold, when: "spend_12m >= 5000" }
        - { name: 银卡, en: Silver, when: "spend_12m >= 1000" }
        - { name: 普通会员, en: Member }
  pareto:
    # A 类累计收入占比上限、B 类上限、头部客户比例 / cumulative revenue share for A and B; top share
    a_share: 0.7
    b_share: 0.9
    top_share: 0.2
  lifecycle:
    # 首单在此天数内为新客 / new: first order within this many days
    new_days: 90
    # 末单在此天数内为活跃 / active: last order within this many days
    active_days: 90
    # 超过此天数无订单为流失，其间为沉睡 / churned after this many days without an order; sleeping between
    churn_days: 365
    # 连续几个月无订单发出流失预警 / churn warning after this many months without an order
    warning_months: 3
    # 预警名单是否包含已流失客户 / include already churned customers in the warning list
    warn_churned: false
  matrix:
    # 增长 = 最近 N 个月 对比 之前 N 个月 / growth compares the last N months with the N before
    window_months: 6
    # 高价值线：median | mean | 金额（元）/ high-value line: median, mean or an amount in yuan
    value_threshold: median
    # 增长率高于此值为成长（0.1 = 10%）/ growing when growth is above this (0.1 = 10%)
    growth_threshold: 0
  cluster:
    # 固定簇数；不填则按轮廓系数在 k_min..k_max 中选 / fixed k; otherwise chosen by silhouette
    # k: 4
    k_min: 2
    k_max: 8
    seed: 42
    # 额外特征 / extra features: tenure_days, aov
    extra_features: []
    fit_sample: 20000
    silhouette_sample: 2000
  clv:
    # BG/NBD 时间单位 / time unit of the BG/NBD fit: day | week | month
    time_unit: week
    # 预测月数 / months to predict
    horizon_months: 12
    # 年折现率 / yearly discount rate
    annual_discount_rate: 0.1
    # 毛利率（1 = 按收入计）/ profit margin (1 = CLV in revenue)
    margin: 1
    # 拟合最多使用的客户数（随机抽样，预测覆盖全部）/ fit on at most this many customers (seeded sample; predictions cover all)
    fit_sample: 200000
`;

/** The segment section of a loaded custops config (defaults when the section is not registered). */
export function segmentSection(config: unknown): SegmentConfig {
  const s = (config as { segment?: SegmentConfig } | undefined)?.segment;
  return s ?? defaultSegmentConfig();
}
