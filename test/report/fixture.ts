import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, type Db } from '../../src/store/db.js';
import { ingestFiles } from '../../src/ingest/import.js';
import { normaliseOptionsFrom } from '../../src/ingest/normalise-options.js';
import { defaultConfig } from '../../src/config.js';
import { tempDir } from '../helpers/bin.js';

/**
 * A small store with hand-checkable numbers. As of 2025-03-16 (a Sunday): the report week is
 * 2025-03-10…16 (W11), the previous one 2025-03-03…09 (W10).
 *
 * Counted orders this week: O2 C1 ¥200, O4 C3 ¥300 (O5 cancelled, O8 refunded) → 2 orders, ¥500, 2 buyers.
 * Previous week: O3 C2 ¥50, O7 C6 ¥80 → 2 orders, ¥130, 2 buyers.
 * New (first seen = earlier of registration and first order): C3, C4 this week; none last week
 * (C2 registered 2025-03-04 but first ordered 2025-02-01).
 * Feedback this week: NPS 10, 9, 3, 7 → NPS 25; CSAT 5, 4, 1, 3 → 50%. Last week: NPS 10, 6 → 0; CSAT 5, 2 → 50%.
 */
export const AS_OF = '2025-03-16';

export const files = {
  'customers.csv': [
    '客户编号,客户名称,手机号码,电子邮箱,城市,注册日期,备注',
    'C1,张伟,13812345678,zhangwei@qq.com,上海,2024-01-10,VIP',
    'C2,李娜,13912345678,lina@163.com,北京,2025-03-04,',
    'C3,John Smith,13712345678,john.smith@example.com,深圳,2025-03-11,',
    'C4,王芳,13612345678,,杭州,2025-03-12,',
    `C5,"=cmd|' /C calc'!A0",13512345678,attacker@example.com,广州,2023-05-01,"@SUM(1+1)"`,
    'C6,<script>alert(1)</script>,13412345678,x@example.com,成都,2023-06-01,"-2+3"',
    'C7,Old Buyer,13312345678,old@example.com,武汉,2022-01-01,',
  ].join('\n'),
  'orders.csv': [
    '订单号,客户编号,下单时间,实付金额,订单状态',
    'O1,C1,2024-06-01,100.00,已完成',
    'O2,C1,2025-03-11,200.00,已完成',
    'O3,C2,2025-03-05,50.00,已完成',
    'O4,C3,2025-03-12,300.00,已完成',
    'O5,C3,2025-03-14,100.00,已取消',
    'O6,C5,2024-10-01,5000.00,已完成',
    'O7,C6,2025-03-06,80.00,已完成',
    'O8,C1,2025-03-15,40.00,已退款',
    'O9,C2,2025-02-01,60.00,已完成',
    'O10,C7,2023-06-01,999.00,已完成',
  ].join('\n'),
  'feedback.csv': [
    '反馈编号,客户编号,提交时间,推荐意愿,满意度,评价内容',
    'F1,C1,2025-03-11 10:00,10,5,很满意，物流很快',
    'F2,C2,2025-03-12 11:00,9,4,',
    'F3,C3,2025-03-13 12:00,3,1,物流太慢了，等了一个多星期',
    'F4,C4,2025-03-14 13:00,7,3,',
    'F5,C6,2025-03-05 14:00,10,5,',
    'F6,C5,2025-03-06 15:00,6,2,质量很差，用了两天就坏了',
  ].join('\n'),
};

/** Writes the fixture files and ingests them into a new store; returns the store and its folder. */
export async function fixtureStore(): Promise<{ db: Db; dir: string; path: string }> {
  const dir = tempDir('custops-report-');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), `${text}\n`);
  const path = join(dir, 'custops.db');
  const db = openStore(path);
  const config = defaultConfig();
  await ingestFiles(db, Object.keys(files).map((f) => join(dir, f)), { normalise: normaliseOptionsFrom(config), synonyms: config.ingest.synonyms, linkBy: config.ingest.link_by });
  return { db, dir, path };
}
