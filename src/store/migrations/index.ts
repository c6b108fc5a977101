import { coreSchema } from './001-core.js';
import { cleanSchema } from './002-clean.js';
import { dedupeSchema } from './003-dedupe.js';
import { segmentSchema } from './004-segment.js';
import { feedbackSchema } from './005-feedback.js';
import { rulesSchema } from './006-rules.js';
import { reportSchema } from './007-report.js';
import { ingestOnceSchema } from './008-ingest-once.js';
import { unitPriceSchema } from './009-unit-price.js';

/** Numbered migrations, applied in order on open. Append only: never edit a released one. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  { version: 1, name: 'core', sql: coreSchema },
  { version: 2, name: 'clean', sql: cleanSchema },
  { version: 3, name: 'dedupe', sql: dedupeSchema },
  { version: 4, name: 'segment', sql: segmentSchema },
  { version: 5, name: 'feedback', sql: feedbackSchema },
  { version: 6, name: 'rules', sql: rulesSchema },
  { version: 7, name: 'report', sql: reportSchema },
  { version: 8, name: 'ingest-once', sql: ingestOnceSchema },
  { version: 9, name: 'unit-price', sql: unitPriceSchema },
];
