import type { Db } from './db.js';
import type { Column } from '../output/columns.js';
import { createTranslator, type Lang } from '../output/i18n.js';
import { messages } from '../output/messages/core.js';

const t = createTranslator(messages);

export type RejectRow = {
  id: number;
  source_id: number;
  file: string;
  line: number;
  column_name: string | null;
  reason: string;
  original: string;
};

export function* listRejects(db: Db, sourceId?: number): Generator<RejectRow> {
  const sql = `SELECT r.id, r.source_id, s.name AS file, r.line, r.column_name, r.reason, r.original
                 FROM rejects r JOIN sources s ON s.id = r.source_id
                ${sourceId === undefined ? '' : 'WHERE r.source_id = ?'}
                ORDER BY r.source_id, r.line`;
  const stmt = db.prepare(sql);
  yield* (sourceId === undefined ? stmt.iterate() : stmt.iterate(sourceId)) as Iterable<RejectRow>;
}

/** Stored (English) rejection reasons, as ingest words them (src/ingest/import.ts, validate.ts), in Chinese. */
const zhReasons: [RegExp, string][] = [
  [/^row has (\d+) fields, header has (\d+)$/, '该行有 $1 个字段，表头有 $2 个'],
  [/^order date is missing$/, '缺少下单日期'],
  [/^amount is missing$/, '缺少金额'],
  [/^cannot read the date "(.*)"$/, '无法识别日期“$1”'],
  [/^cannot read the amount "(.*)"$/, '无法识别金额“$1”'],
  [/^cannot read the time "(.*)"$/, '无法识别时间“$1”'],
  [/^"(.*)" is not a valid (\w+) score$/, '“$1”不是有效的 $2 分数'],
  [/^no score and no comment$/, '既无评分也无评论'],
  [/^opening time is missing$/, '缺少开单时间'],
  [/^no name, code, phone, e-mail or company$/, '没有姓名、编号、电话、邮箱或公司'],
  [/^summary row "(.*)", not a record$/, '汇总行“$1”，不是记录'],
  [/^note below the table "(.*)", not a record$/, '表格下方的备注“$1”，不是记录'],
  [/^cannot read the amount from unit price "(.*)" × quantity "(.*)"$/, '无法由单价“$1”×数量“$2”算出金额'],
];

/** A rejection reason in the reader's language (as stored when no translation matches). */
export function rejectReason(lang: Lang, reason: string): string {
  if (lang !== 'zh') return reason;
  for (const [pattern, zh] of zhReasons) if (pattern.test(reason)) return reason.replace(pattern, zh);
  return reason;
}

export function rejectColumns(lang: Lang): Column[] {
  return [
    { key: 'file', header: t(lang, 'col.source') },
    { key: 'line', header: t(lang, 'col.line') },
    { key: 'column_name', header: t(lang, 'col.column') },
    { key: 'reason', header: t(lang, 'col.reason') },
    { key: 'original', header: t(lang, 'col.original') },
  ];
}
