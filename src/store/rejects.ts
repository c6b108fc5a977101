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

export function rejectColumns(lang: Lang): Column[] {
  return [
    { key: 'file', header: t(lang, 'col.source') },
    { key: 'line', header: t(lang, 'col.line') },
    { key: 'column_name', header: t(lang, 'col.column') },
    { key: 'reason', header: t(lang, 'col.reason') },
    { key: 'original', header: t(lang, 'col.original') },
  ];
}
