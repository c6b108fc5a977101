import { createHash } from 'node:crypto';
import type { KindRules } from './config.js';
import type { NormaliseOptions } from './records.js';

/** Bump when a normaliser or rule changes meaning: stores cleaned by an older version are re-cleaned in full. */
export const CLEAN_VERSION = 2;

function shortHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

/**
 * Identity of what the normalisers produce: ingest records it per source and clean compares it with its
 * own, so rows ingest already normalised the same way are not normalised again.
 */
export function normaliserHash(o: NormaliseOptions): string {
  return shortHash({ version: CLEAN_VERSION, defaultRegion: o.defaultRegion, dayFirst: o.dayFirst, inferRegionFromPhone: o.inferRegionFromPhone });
}

/** Identity of a kind's rules: when they change, every record is checked again (its normalised values stay). */
export function rulesHash(rules: KindRules): string {
  return shortHash({ version: CLEAN_VERSION, rules });
}
