import { packGroups } from './packed.js';
import type { Prepared } from './prepare.js';

/**
 * Blocking: only records that share a blocking key are compared. Rules are OR-ed: a pair is a
 * candidate when any rule puts both records in one block. A block larger than maxBlockSize is
 * split by the rule's sub-keys in turn (王伟 + 北京 → … + birth year); one still too large is
 * compared by a sorted window only, so the number of pairs grows about linearly with records.
 */
export interface BlockingRule {
  name: string;
  /** MatchRecord fields the rule looks at (EM sessions on this rule leave their comparisons out). */
  fields: string[];
  key(p: Prepared, i: number): string | null;
  subKeys: ((p: Prepared, i: number) => string | null)[];
  /** Sorted-neighbourhood rule: records sorted by key, each compared with the next window−1. */
  window?: boolean;
}

const initial = (s: string | null): string => (s ? s[0] : '');
const year = (p: Prepared, i: number): string | null => (p.birth[i] ? (p.birth[i] as string).slice(0, 4) : null);
const initials = (p: Prepared, i: number): string | null => {
  const f = initial(p.familyRoman[i]);
  const g = initial(p.givenRoman[i]);
  return f || g ? [f, g].sort().join('') : null;
};

export const BLOCKING_RULES: Record<string, BlockingRule> = {
  phone: { name: 'phone', fields: ['phone'], key: (p, i) => p.phone[i], subKeys: [initials] },
  email: { name: 'email', fields: ['email'], key: (p, i) => p.email[i], subKeys: [initials] },
  idNumber: { name: 'idNumber', fields: ['idNumber'], key: (p, i) => p.idNumber[i], subKeys: [year] },
  nameCity: {
    name: 'nameCity',
    fields: ['givenName', 'familyName', 'name', 'city', 'province', 'postcode'],
    key: (p, i) => (p.nameRomanKey[i] && p.cityRoman[i] ? `${p.nameRomanKey[i]}|${p.cityRoman[i]}` : null),
    subKeys: [year, (p, i) => p.postcode[i]],
  },
  namePinyin: {
    name: 'namePinyin',
    fields: ['givenName', 'familyName', 'name', 'province', 'city'],
    key: (p, i) => p.nameRomanKey[i],
    subKeys: [(p, i) => p.province[i], year],
  },
  birthDate: {
    name: 'birthDate',
    fields: ['birthDate', 'familyName', 'givenName', 'name'],
    key: (p, i) => p.birth[i],
    subKeys: [initials],
  },
  postcodeInitials: {
    name: 'postcodeInitials',
    fields: ['postcode', 'givenName', 'familyName', 'name'],
    key: (p, i) => {
      const ini = initials(p, i);
      return p.postcode[i] && ini ? `${p.postcode[i]}|${ini}` : null;
    },
    subKeys: [year],
  },
  phoneticName: {
    name: 'phoneticName',
    fields: ['givenName', 'familyName', 'name', 'postcode', 'city', 'province'],
    key: (p, i) => (p.familySound[i] && p.givenSound[i] ? [p.familySound[i], p.givenSound[i]].sort().join('|') : null),
    subKeys: [(p, i) => p.postcode[i] ?? p.cityRoman[i], year],
  },
  sortedName: {
    name: 'sortedName',
    fields: ['givenName', 'familyName', 'name'],
    key: (p, i) => (p.familyRoman[i] || p.givenRoman[i] ? `${p.familyRoman[i] ?? ''} ${p.givenRoman[i] ?? ''}` : null),
    subKeys: [],
    window: true,
  },
  sortedGivenName: {
    name: 'sortedGivenName',
    fields: ['givenName', 'familyName', 'name'],
    key: (p, i) => (p.familyRoman[i] || p.givenRoman[i] ? `${p.givenRoman[i] ?? ''} ${p.familyRoman[i] ?? ''}` : null),
    subKeys: [],
    window: true,
  },
};

export interface BlockingOptions {
  rules: string[];
  maxBlockSize: number;
  window: number;
  /** Pairs kept per equality rule to train the model on (EM sessions). */
  trainingSample: number;
  seed: number;
}

export interface RuleStats {
  rule: string;
  blocks: number;
  largestBlock: number;
  splitBlocks: number;
  windowedBlocks: number;
  /** Pairs this rule put forward that no earlier rule had. */
  newPairs: number;
}

export interface TrainingSample {
  rule: string;
  fields: string[];
  left: Uint32Array;
  right: Uint32Array;
  size: number;
  /** All pairs the rule's blocks hold (the sample is drawn from these). */
  population: number;
}

export interface BlockingResult {
  stats: RuleStats[];
  samples: TrainingSample[];
  /** Per equality rule, each record's final block (−1 none, −2 a block only compared by window). */
  blockIds: Int32Array[];
}

type Emit = (i: number, j: number) => void;

export function resolveRules(names: string[]): BlockingRule[] {
  return names.map((n) => {
    const rule = BLOCKING_RULES[n];
    if (!rule) throw new Error(`unknown blocking rule ${n} (known: ${Object.keys(BLOCKING_RULES).join(', ')})`);
    return rule;
  });
}

/** Enumerates candidate pairs (i < j, each once) through emit. */
export function generatePairs(p: Prepared, options: BlockingOptions, emit: Emit): BlockingResult {
  const rules = resolveRules(options.rules);
  const equality = rules.filter((r) => !r.window);
  const windowed = rules.filter((r) => r.window);
  const blockIds: Int32Array[] = [];
  const stats: RuleStats[] = [];
  const samples: TrainingSample[] = [];
  const windowPairs = new PairBuffer();
  const rng = mulberry32(options.seed);
  const everyone = new Uint32Array(p.n);
  for (let i = 0; i < p.n; i++) everyone[i] = i;

  const coveredEarlier = (i: number, j: number, upTo: number): boolean => {
    for (let r = 0; r < upTo; r++) {
      const b = blockIds[r][i];
      if (b >= 0 && b === blockIds[r][j]) return true;
    }
    return false;
  };

  for (const rule of equality) {
    const r = blockIds.length;
    const ids = new Int32Array(p.n).fill(-1);
    const stat: RuleStats = { rule: rule.name, blocks: 0, largestBlock: 0, splitBlocks: 0, windowedBlocks: 0, newPairs: 0 };
    const sample: TrainingSample = {
      rule: rule.name,
      fields: rule.fields,
      left: new Uint32Array(options.trainingSample),
      right: new Uint32Array(options.trainingSample),
      size: 0,
      population: 0,
    };
    let nextId = 0;
    const exhaustive = (members: ArrayLike<number>): void => {
      const id = nextId++;
      for (let x = 0; x < members.length; x++) ids[members[x]] = id;
    };
    const top = groupBy(p, rule.key, everyone);
    for (let g = 0; g < top.count; g++) {
      const size = top.start[g + 1] - top.start[g];
      if (size < 2) continue;
      stat.blocks++;
      if (size > stat.largestBlock) stat.largestBlock = size;
      if (size > options.maxBlockSize) stat.splitBlocks++;
      for (const block of splitBlock(p, rule, top.group(g), options.maxBlockSize)) {
        if (block.length < 2) continue;
        if (block.length <= options.maxBlockSize) {
          exhaustive(block);
        } else {
          stat.windowedBlocks++;
          for (let x = 0; x < block.length; x++) ids[block[x]] = -2;
          windowBlock(p, block, rule, options.window, (i, j) => windowPairs.push(i, j));
        }
      }
    }
    blockIds.push(ids);
    // second pass in block order: emit pairs no earlier rule produced, and sample training pairs
    const byBlock = packGroups(ids, nextId);
    const members = byBlock.members;
    for (let b = 0; b < nextId; b++) {
      const end = byBlock.start[b + 1];
      for (let x = byBlock.start[b]; x < end; x++) {
        const i = members[x];
        for (let y = x + 1; y < end; y++) {
          const j = members[y];
          sample.population++;
          if (sample.size < options.trainingSample) {
            sample.left[sample.size] = i;
            sample.right[sample.size] = j;
            sample.size++;
          } else {
            const slot = Math.floor(rng() * sample.population);
            if (slot < options.trainingSample) {
              sample.left[slot] = i;
              sample.right[slot] = j;
            }
          }
          if (coveredEarlier(i, j, r)) continue;
          stat.newPairs++;
          if (i < j) emit(i, j);
          else emit(j, i);
        }
      }
    }
    stats.push(stat);
    samples.push(sample);
  }

  for (const rule of windowed) {
    windowBlock(p, everyone, rule, options.window, (i, j) => windowPairs.push(i, j));
  }
  // windows (sorted-neighbourhood rules and over-large blocks) may propose a pair twice: deduplicate
  windowPairs.sortUnique();
  const windowStat: RuleStats = { rule: 'windows', blocks: 0, largestBlock: options.window, splitBlocks: 0, windowedBlocks: 0, newPairs: 0 };
  const ruleCount = blockIds.length;
  windowPairs.forEach((i, j) => {
    if (coveredEarlier(i, j, ruleCount)) return;
    windowStat.newPairs++;
    emit(i, j);
  });
  stats.push(windowStat);
  return { stats, samples, blockIds };
}

/**
 * Record indices grouped by key, packed: group g holds members[start[g] .. start[g + 1]), groups in
 * order of first appearance, members in the order given. Typed arrays rather than an array per
 * group: most keys (a phone, an e-mail) are held by one record or two.
 */
interface Groups {
  count: number;
  start: Uint32Array;
  members: Uint32Array;
  group(g: number): Uint32Array;
}

/** Groups record indices by key (records without a key are left out). */
function groupBy(p: Prepared, key: (p: Prepared, i: number) => string | null, indices: ArrayLike<number>): Groups {
  const groupIds = new Map<string, number>();
  const groupOf = new Int32Array(indices.length);
  for (let x = 0; x < indices.length; x++) {
    const k = key(p, indices[x]);
    if (k === null || k === '') {
      groupOf[x] = -1;
      continue;
    }
    let g = groupIds.get(k);
    if (g === undefined) {
      g = groupIds.size;
      groupIds.set(k, g);
    }
    groupOf[x] = g;
  }
  const count = groupIds.size;
  const { start, members } = packGroups(groupOf, count, indices);
  return { count, start, members, group: (g) => members.subarray(start[g], start[g + 1]) };
}

function splitBlock(p: Prepared, rule: BlockingRule, block: Uint32Array, max: number): Uint32Array[] {
  let current = [block];
  for (const sub of rule.subKeys) {
    if (current.every((b) => b.length <= max)) break;
    const next: Uint32Array[] = [];
    for (const b of current) {
      if (b.length <= max) {
        next.push(b);
        continue;
      }
      const groups = groupBy(p, (pp, i) => sub(pp, i) ?? '\u0000', b);
      for (let g = 0; g < groups.count; g++) next.push(groups.group(g));
    }
    current = next;
  }
  return current;
}

/** Sorted neighbourhood over a set of records: sort by the rule key plus sub-keys, pair within a window. */
function windowBlock(p: Prepared, members: ArrayLike<number>, rule: BlockingRule, window: number, emit: Emit): void {
  const keys: string[] = [];
  const keyed: number[] = [];
  for (let x = 0; x < members.length; x++) {
    const i = members[x];
    const k = rule.key(p, i);
    if (k === null || k === '') continue;
    keys.push(k + '\u0001' + rule.subKeys.map((s) => s(p, i) ?? '').join('\u0001'));
    keyed.push(i);
  }
  const order = new Uint32Array(keyed.length);
  for (let x = 0; x < order.length; x++) order[x] = x;
  order.sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : keyed[a] - keyed[b]));
  for (let x = 0; x < order.length; x++) {
    const i = keyed[order[x]];
    for (let y = x + 1; y < Math.min(order.length, x + window); y++) {
      const j = keyed[order[y]];
      if (i < j) emit(i, j);
      else emit(j, i);
    }
  }
}

/**
 * List of pairs packed as i * 2^26 + j in Float64Array chunks (exact for up to 67M records). Chunks,
 * not one growing array: a million records give about eight million window pairs, and doubling
 * an array that size would hold the old and the new copy at once.
 */
export class PairBuffer {
  private readonly chunks: Float64Array[] = [];
  private current: Float64Array;
  private used = 0;
  private sorted = false;
  /** Pairs pushed (repeats included). */
  length = 0;

  constructor(private readonly chunkSize = 1 << 20) {
    this.current = new Float64Array(Math.min(chunkSize, 1024));
  }

  push(i: number, j: number): void {
    if (this.sorted) throw new Error('PairBuffer is sorted: no more pushes');
    if (this.used === this.current.length) {
      if (this.current.length < this.chunkSize) {
        const bigger = new Float64Array(Math.min(this.current.length * 2, this.chunkSize));
        bigger.set(this.current);
        this.current = bigger;
      } else {
        this.chunks.push(this.current);
        this.current = new Float64Array(this.chunkSize);
        this.used = 0;
      }
    }
    this.current[this.used++] = i * 67108864 + j;
    this.length++;
  }

  /** Sorts each chunk; forEach then merges them, skipping repeats. No more pushes after this. */
  sortUnique(): void {
    if (this.used > 0) this.chunks.push(this.current.subarray(0, this.used));
    this.current = new Float64Array(0);
    this.used = 0;
    for (const c of this.chunks) c.sort();
    this.sorted = true;
  }

  /** Each distinct pair once, in ascending (i, j) order. Call sortUnique() first. */
  forEach(fn: (i: number, j: number) => void): void {
    if (!this.sorted) throw new Error('PairBuffer.forEach needs sortUnique() first');
    this.merge((v) => {
      const i = Math.floor(v / 67108864);
      fn(i, v - i * 67108864);
    });
  }

  private merge(fn: (packed: number) => void): void {
    const chunks = this.chunks;
    const at = new Uint32Array(chunks.length);
    let last = -1;
    for (;;) {
      // few chunks: a linear scan for the smallest head is enough
      let best = -1;
      let min = Infinity;
      for (let c = 0; c < chunks.length; c++) {
        if (at[c] < chunks[c].length && chunks[c][at[c]] < min) {
          min = chunks[c][at[c]];
          best = c;
        }
      }
      if (best < 0) return;
      at[best]++;
      if (min !== last) fn(min);
      last = min;
    }
  }
}

/** Small deterministic PRNG so runs are reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Names of the rules under which records i and j share a block (for explanations). */
export function rulesSharing(p: Prepared, ruleNames: string[], i: number, j: number): string[] {
  const out: string[] = [];
  for (const rule of resolveRules(ruleNames)) {
    const a = rule.key(p, i);
    if (a === null || a === '') continue;
    if (!rule.window && a === rule.key(p, j)) out.push(rule.name);
  }
  return out;
}
