import { z } from 'zod';

/** A range on a field's normalised value: numbers (amounts in yuan, scores) or ISO dates / 'today'. */
const range = z
  .object({
    min: z.union([z.number(), z.string()]).optional(),
    max: z.union([z.number(), z.string()]).optional(),
  })
  .strict()
  .refine((r) => r.min !== undefined || r.max !== undefined, { message: 'give min, max or both' });

const dateOrToday = /^(?:today|\d{4}-\d{2}-\d{2})$/;

/** Validation rules for one kind of record. Field names are the canonical fields (name, phone, order_date …). */
const kindRules = z
  .object({
    /** Fields every record needs; "phone|email" means at least one of them. */
    required: z.array(z.string().min(1)).default([]),
    /** Regular expressions the (normalised) value must match. */
    patterns: z
      .record(z.string(), z.string())
      .default({})
      .superRefine((patterns, ctx) => {
        for (const [field, source] of Object.entries(patterns)) {
          try {
            new RegExp(source, 'u');
          } catch (err) {
            ctx.addIssue({ code: 'custom', path: [field], message: `invalid regular expression: ${(err as Error).message}` });
          }
        }
      }),
    /** The only values a field may hold (compared after normalisation, case-insensitive). */
    allowed: z.record(z.string(), z.array(z.union([z.string(), z.number()]))).default({}),
    /** Numeric or date ranges. */
    ranges: z
      .record(z.string(), range)
      .default({})
      .superRefine((ranges, ctx) => {
        for (const [field, r] of Object.entries(ranges)) {
          for (const bound of ['min', 'max'] as const) {
            const v = r[bound];
            if (typeof v === 'string' && !dateOrToday.test(v)) {
              ctx.addIssue({ code: 'custom', path: [field, bound], message: 'a date bound is YYYY-MM-DD or today' });
            }
          }
        }
      }),
    /** Fields whose values must not repeat across records. */
    unique: z.array(z.string().min(1)).default([]),
  })
  .strict();

export type KindRules = z.infer<typeof kindRules>;

export const section = z
  .object({
    /** Country for phone numbers written without a country code (ISO 3166 code). */
    default_region: z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code such as CN').default('CN'),
    /** 05/03/2025 is 5 March when true, 3 May when false. */
    day_first: z.boolean().default(false),
    /** Fill a missing province/city from a landline's area code (0755 → 广东 深圳). */
    infer_region_from_phone: z.boolean().default(true),
    rules: z
      .object({
        customers: kindRules.prefault({
          required: ['name', 'phone|email'],
          ranges: { birth_date: { min: '1900-01-01', max: 'today' }, registered_at: { max: 'today' }, annual_revenue: { min: 0 } },
          unique: ['customer_code'],
        }),
        orders: kindRules.prefault({
          required: ['order_date', 'amount'],
          ranges: { order_date: { min: '2000-01-01', max: 'today' }, quantity: { min: 0 } },
          unique: ['order_code'],
        }),
        feedback: kindRules.prefault({
          required: ['submitted_at', 'nps|csat|ces|comment'],
          ranges: { submitted_at: { min: '2000-01-01', max: 'today' } },
          unique: ['feedback_code'],
        }),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .prefault({});

export type CleanConfig = z.infer<typeof section>;

export const yamlDoc = `# 清洗与校验 / cleaning and validation (custops clean)
clean:
  # 没有国家代码的电话按此国家解析 / country for phone numbers without a country code
  default_region: CN
  # 05/03/2025：true = 3月5日（日在前），false = 5月3日（月在前） / true: day first, false: month first
  day_first: false
  # 省市为空时按座机区号补全（0755 → 广东 深圳） / fill a missing province/city from a landline area code
  infer_region_from_phone: true
  # 校验规则，按记录类型；字段名为标准字段名 / validation rules per kind, by canonical field name
  #   required: 必填；"phone|email" 表示至少一个 / required fields; "phone|email" = at least one of them
  #   patterns: 正则，作用于规范化后的值（电话 +86…，省份 广东，状态 paid…） / regex on the normalised value
  #   allowed:  允许的取值（不区分大小写） / allowed values (case-insensitive)
  #   ranges:   数值（金额按元）或日期（YYYY-MM-DD 或 today）范围 / numeric (amounts in yuan) or date ranges
  #   unique:   不允许重复的字段 / fields whose values must not repeat
  rules:
    customers:
      required: [name, phone|email]
      patterns: {}
      #   customer_code: '^C\\d{6}$'
      allowed: {}
      #   gender: [男, 女, M, F]
      ranges:
        birth_date: { min: '1900-01-01', max: today }
        registered_at: { max: today }
        annual_revenue: { min: 0 }
      unique: [customer_code]
    orders:
      required: [order_date, amount]
      patterns: {}
      allowed: {}
      ranges:
        order_date: { min: '2000-01-01', max: today }
        quantity: { min: 0 }
      unique: [order_code]
    feedback:
      required: [submitted_at, nps|csat|ces|comment]
      patterns: {}
      allowed: {}
      ranges:
        submitted_at: { min: '2000-01-01', max: today }
      unique: [feedback_code]
`;
