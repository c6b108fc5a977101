import { z } from 'zod';

export const section = z
  .object({
    /** How orders and feedback find their customer, in order of preference. */
    link_by: z.array(z.enum(['customer_code', 'phone', 'email'])).default(['customer_code', 'phone', 'email']),
    /** Extra header synonyms: canonical field → list of column names seen in your exports. */
    synonyms: z.record(z.string(), z.array(z.string())).default({}),
    /** Rows written per insert batch inside the import transaction. */
    batch_size: z.number().int().min(100).max(100000).default(5000),
  })
  .strict()
  .default({ link_by: ['customer_code', 'phone', 'email'], synonyms: {}, batch_size: 5000 });

export const yamlDoc = `# 导入 / ingest
ingest:
  # 订单和反馈按此顺序关联到客户 / how orders and feedback are linked to customers, in order
  link_by: [customer_code, phone, email]
  # 额外的表头同义词 / extra header synonyms: canonical field -> column names in your exports
  synonyms: {}
  #   customer_code: [会员卡号, Member No]
  # 每批写入行数 / rows per insert batch
  batch_size: 5000
`;
