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
    const exhaustive = (members: number[]): void => {
      const id = nextId++;
      for (const m of members) ids[m] = id;
    };
    const blocks = groupBy(p, rule.key, allIndices(p.n));
    for (const top of blocks) {
      if (top.length < 2) continue;
      stat.blocks++;
      if (top.length > stat.largestBlock) stat.largestBlock = top.length;
      if (top.length > options.maxBlockSize) stat.splitBlocks++;
      for (const block of splitBlock(p, rule, top, options.maxBlockSize)) {
        if (block.length < 2) continue;
        if (block.length <= options.maxBlockSize) {
          exhaustive(block);
        } else {
          stat.windowedBlocks++;
          for (const m of block) ids[m] = -2;
          windowBlock(p, block, rule, options.window, (i, j) => windowPairs.push(i, j));
          continue;
        }
      }
    }
    blockIds.push(ids);
    // second pass in block order: emit pairs no earlier rule produced, and sample training pairs
    const members = membersByBlock(ids, nextId);
    for (const block of members) {
      for (let x = 0; x < block.length; x++) {
        const i = block[x];
        for (let y = x + 1; y < block.length; y++) {
          const j = block[y];
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
    windowBlock(p, allIndices(p.n), rule, options.window, (i, j) => windowPairs.push(i, j));
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

function allIndices(n: number): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** Groups record indices by key (records without a key are left out). */
function groupBy(p: Prepared, key: (p: Prepared, i: number) => string | null, indices: number[]): number[][] {
  const groups = new Map<string, number[]>();
  for (const i of indices) {
    const k = key(p, i);
    if (k === null || k === '') continue;
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  }
  return [...groups.values()];
}

function splitBlock(p: Prepared, rule: BlockingRule, block: number[], max: number): number[][] {
  let current = [block];
  for (const sub of rule.subKeys) {
    if (current.every((b) => b.length <= max)) break;
    const next: number[][] = [];
    for (const b of current) {
      if (b.length <= max) next.push(b);
      else next.push(...groupBy(p, (pp, i) => sub(pp, i) ?? '\u0000', b));
    }
    current = next;
  }
  return current;
}

/** Sorted neighbourhood over a set of records: sort by the rule key plus sub-keys, pair within a window. */
function windowBlock(p: Prepared, members: number[], rule: BlockingRule, window: number, emit: Emit): void {
  const keyed: { k: string; i: number }[] = [];
  for (const i of members) {
    const k = rule.key(p, i);
    if (k === null || k === '') continue;
    keyed.push({ k: k + '\u0001' + rule.subKeys.map((s) => s(p, i) ?? '').join('\u0001'), i });
  }
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i));
  for (let x = 0; x < keyed.length; x++) {
    for (let y = x + 1; y < Math.min(keyed.length, x + window); y++) {
      const i = keyed[x].i;
      const j = keyed[y].i;
      if (i < j) emit(i, j);
      else emit(j, i);
    }
  }
}

function membersByBlock(ids: Int32Array, blocks: number): Uint32Array[] {
  const sizes = new Uint32Array(blocks);
  for (const b of ids) if (b >= 0) sizes[b]++;
  const out = new Array<Uint32Array>(blocks);
  for (let b = 0; b < blocks; b++) out[b] = new Uint32Array(sizes[b]);
  const fill = new Uint32Array(blocks);
  for (let i = 0; i < ids.length; i++) {
    const b = ids[i];
    if (b >= 0) out[b][fill[b]++] = i;
  }
  return out;
}

/** Growable list of pairs packed as i * 2^26 + j in a Float64Array (exact for up to 67M records). */
class PairBuffer {
  private data = new Float64Array(1024);
  length = 0;
  push(i: number, j: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = i * 67108864 + j;
  }
  sortUnique(): void {
    const view = this.data.subarray(0, this.length);
    view.sort();
    let w = 0;
    for (let r = 0; r < view.length; r++) if (r === 0 || view[r] !== view[r - 1]) view[w++] = view[r];
    this.length = w;
  }
  forEach(fn: (i: number, j: number) => void): void {
    for (let r = 0; r < this.length; r++) {
      const v = this.data[r];
      const i = Math.floor(v / 67108864);
      fn(i, v - i * 67108864);
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
