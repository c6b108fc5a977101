import { z } from 'zod';
import { BLOCKING_RULES } from './blocking.js';

const ruleName = z.enum(Object.keys(BLOCKING_RULES) as [string, ...string[]]);
const survivorshipRule = z.enum(['most_recent', 'most_frequent', 'most_complete', 'source_priority']);
export type SurvivorshipRule = z.infer<typeof survivorshipRule>;

export const DEFAULT_RULES = [
  'phone',
  'email',
  'idNumber',
  'nameCity',
  'namePinyin',
  'birthDate',
  'postcodeInitials',
  'phoneticName',
  'sortedName',
  'sortedGivenName',
];

const blocking = z
  .object({
    rules: z.array(ruleName).min(1).default(DEFAULT_RULES),
    max_block_size: z.number().int().min(2).max(10000).default(50),
    window: z.number().int().min(2).max(100).default(5),
  })
  .strict();

const training = z
  .object({
    pairs_per_rule: z.number().int().min(100).max(10_000_000).default(100_000),
    random_pairs: z.number().int().min(1000).max(100_000_000).default(500_000),
    max_iterations: z.number().int().min(1).max(1000).default(60),
    seed: z.number().int().default(42),
  })
  .strict();

const survivorship = z
  .object({
    default: survivorshipRule.default('most_frequent'),
    fields: z.record(z.string(), survivorshipRule).default({ phone: 'most_recent', email: 'most_recent', address: 'most_recent' }),
    source_priority: z.array(z.string()).default([]),
  })
  .strict();

const dedupeSection = z
  .object({
    /** Match probability at or above which records are merged automatically. */
    match: z.number().gt(0).lt(1).default(0.95),
    /** Between review and match a pair is uncertain: `custops dedupe --review` asks a person. */
    review: z.number().gt(0).lt(1).default(0.5),
    /** Chaining guard: two groups join only if their cross pairs' mean match probability reaches this. */
    cohesion: z.number().min(0).max(1).default(0.5),
    blocking: blocking.default(blocking.parse({})),
    training: training.default(training.parse({})),
    survivorship: survivorship.default(survivorship.parse({})),
  })
  .strict()
  .refine((s) => s.review <= s.match, { message: 'review must not be above match', path: ['review'] });

export type DedupeConfig = z.infer<typeof dedupeSection>;

export const section = dedupeSection.default(() => dedupeSection.parse({}));

export function defaultDedupeConfig(): DedupeConfig {
  return dedupeSection.parse({});
}

export const yamlDoc = `# 查重合并 / dedupe
dedupe:
  # 匹配概率 ≥ match 自动合并；review ≤ 概率 < match 交给人工确认 (custops dedupe --review)
  # match probability >= match merges automatically; between review and match a person decides
  match: 0.95
  review: 0.5
  # 防串联：两组记录之间所有配对的平均匹配概率须达到此值才合并（两个不同城市的“王芳”不会经由第三条记录连在一起）
  # chaining guard: two groups join only when the mean match probability of their cross pairs reaches this
  cohesion: 0.5
  blocking:
    # 候选配对规则（任一规则同块即比较）/ blocking rules, OR-ed: records sharing any key are compared
    # phone, email, idNumber, nameCity, namePinyin, birthDate, postcodeInitials, phoneticName,
    # sortedName, sortedGivenName
    rules: [${DEFAULT_RULES.join(', ')}]
    # 块过大时按子键拆分，仍过大则只比较排序窗口内的记录 / larger blocks are split by sub-keys, then windowed
    max_block_size: 50
    # 排序邻域窗口 / sorted-neighbourhood window
    window: 5
  training:
    # 每条规则用于 EM 训练的配对数 / pairs per blocking rule used to learn m by EM
    pairs_per_rule: 100000
    # 用于估计 u 的随机配对数 / random pairs used to estimate u
    random_pairs: 500000
    max_iterations: 60
    seed: 42
  survivorship:
    # 主记录取值规则 / golden record rules: most_recent, most_frequent, most_complete, source_priority
    default: most_frequent
    fields: { phone: most_recent, email: most_recent, address: most_recent }
    # 来源优先级（来源文件名，先者优先）/ source names, first wins (for source_priority)
    source_priority: []
`;
