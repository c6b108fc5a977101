import { toSimplified } from '../clean/han.js';
import type { SurvivorshipRule } from './config.js';
import { GOLDEN_FIELDS, type GoldenField, type MatchRecord } from './types.js';

export interface SurvivorshipRules {
  default: SurvivorshipRule;
  fields: Record<string, SurvivorshipRule>;
  /** Source names (or ids as text), most trusted first. */
  source_priority: string[];
}

export interface GoldenRecord {
  values: Record<GoldenField, string | null>;
  /** Which member each value came from (record id), null when no member had one. */
  from: Record<GoldenField, number | null>;
  members: number[];
}

type Candidate = { value: string; member: MatchRecord };

/**
 * The golden record of one entity: per field, one member's value chosen by the field's rule.
 * Empty values never win; every member stays linked.
 */
export function goldenRecord(members: MatchRecord[], rules: SurvivorshipRules, sourceName: (sourceId: number | undefined) => string | undefined = (id) => (id === undefined ? undefined : String(id))): GoldenRecord {
  const values = {} as Record<GoldenField, string | null>;
  const from = {} as Record<GoldenField, number | null>;
  // ties are broken by the most complete member, then the most recent one
  const filled = new Map(members.map((m) => [m.id, GOLDEN_FIELDS.filter((f) => typeof m[f] === 'string' && (m[f] as string).trim() !== '').length]));
  const byRecency = members.slice().sort(recentFirst);
  const byPreference = members.slice().sort((a, b) => (filled.get(b.id) as number) - (filled.get(a.id) as number) || recentFirst(a, b));
  for (const field of GOLDEN_FIELDS) {
    const rule = rules.fields[field] ?? rules.default;
    const candidates: Candidate[] = [];
    for (const m of rule === 'most_recent' ? byRecency : byPreference) {
      const v = m[field];
      if (typeof v === 'string' && v.trim() !== '') candidates.push({ value: v, member: m });
    }
    // one candidate needs no rule (most entities are a single record)
    const chosen = candidates.length <= 1 ? (candidates[0] ?? null) : choose(rule, candidates, rules.source_priority, sourceName);
    values[field] = chosen ? chosen.value : null;
    from[field] = chosen ? chosen.member.id : null;
  }
  return { values, from, members: members.map((m) => m.id) };
}

function recentFirst(a: MatchRecord, b: MatchRecord): number {
  const ta = a.updatedAt ?? '';
  const tb = b.updatedAt ?? '';
  if (ta !== tb) return ta < tb ? 1 : -1;
  return b.id - a.id;
}

function choose(rule: SurvivorshipRule, candidates: Candidate[], priority: string[], sourceName: (id: number | undefined) => string | undefined): Candidate {
  switch (rule) {
    case 'most_recent':
      return candidates[0];
    case 'most_frequent': {
      // values that differ only in case, width, spacing or traditional/simplified count as one
      // (within the group the most frequent exact spelling, then the most recent)
      const groups = new Map<string, number>();
      const exact = new Map<string, number>();
      for (const c of candidates) {
        groups.set(valueKey(c.value), (groups.get(valueKey(c.value)) ?? 0) + 1);
        exact.set(c.value, (exact.get(c.value) ?? 0) + 1);
      }
      const score = (c: Candidate): number => (groups.get(valueKey(c.value)) as number) * 1e6 + (exact.get(c.value) as number);
      let best = candidates[0];
      for (const c of candidates) if (score(c) > score(best)) best = c;
      return best;
    }
    case 'most_complete': {
      let best = candidates[0];
      for (const c of candidates) if (c.value.trim().length > best.value.trim().length) best = c;
      return best;
    }
    case 'source_priority': {
      const rank = (c: Candidate): number => {
        const name = sourceName(c.member.sourceId);
        const r = name === undefined ? -1 : priority.indexOf(name);
        return r < 0 ? priority.length : r;
      };
      let best = candidates[0];
      for (const c of candidates) if (rank(c) < rank(best)) best = c;
      return best;
    }
  }
}

/** Case, width, word order, punctuation and traditional/simplified differences ignored. */
function valueKey(value: string): string {
  return toSimplified(value.normalize('NFKC').toLowerCase())
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .sort()
    .join(' ');
}
