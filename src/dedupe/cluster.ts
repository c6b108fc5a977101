/**
 * Clustering of matched pairs into entities: connected components built strongest link first,
 * with a guard against chaining. Two groups join only when the mean match probability over all
 * their cross pairs reaches `cohesion` — one strong link between two groups whose other members
 * clearly differ (王芳 in 北京 ↔ 王芳 with no city ↔ 王芳 in 上海) is not enough.
 */
export interface Edge {
  i: number;
  j: number;
  weight: number;
}

/** Edges packed in typed arrays (a million records give about a million match edges). */
export class EdgeList {
  i: Uint32Array;
  j: Uint32Array;
  weight: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.i = new Uint32Array(capacity);
    this.j = new Uint32Array(capacity);
    this.weight = new Float64Array(capacity);
  }

  static from(edges: Edge[]): EdgeList {
    const list = new EdgeList(Math.max(edges.length, 1));
    for (const e of edges) list.push(e.i, e.j, e.weight);
    return list;
  }

  push(i: number, j: number, weight: number): void {
    if (this.length === this.i.length) this.grow();
    const k = this.length++;
    this.i[k] = i;
    this.j[k] = j;
    this.weight[k] = weight;
  }

  at(k: number): Edge {
    return { i: this.i[k], j: this.j[k], weight: this.weight[k] };
  }

  private grow(): void {
    const size = this.i.length * 2;
    const i = new Uint32Array(size);
    i.set(this.i);
    this.i = i;
    const j = new Uint32Array(size);
    j.set(this.j);
    this.j = j;
    const w = new Float64Array(size);
    w.set(this.weight);
    this.weight = w;
  }
}

export interface ClusterOptions {
  cohesion: number;
  /** Cross pairs scored per join at most (large groups are sampled evenly). */
  maxCrossPairs: number;
}

export interface ClusterResult {
  /** Cluster root per record index (records alone are their own root). */
  root: Int32Array;
  /** Links that were above the match threshold but refused by the chaining guard or a "different" decision. */
  refused: { edge: Edge; cohesion: number; reason: 'cohesion' | 'decision' }[];
  /** Edges that joined two groups (the spanning links of each cluster). */
  joined: Edge[];
}

export interface Decisions {
  /** Pairs a person confirmed as the same customer (record indices). */
  same: [number, number][];
  /** Pairs a person said are different customers. */
  different: [number, number][];
}

export function clusterEdges(
  n: number,
  edges: EdgeList,
  probability: (i: number, j: number) => number,
  options: ClusterOptions,
  decisions: Decisions = { same: [], different: [] },
): ClusterResult {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const members = new Map<number, number[]>();
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const groupOf = (r: number): number[] => members.get(r) ?? [r];
  const different = new Map<number, Set<number>>();
  for (const [a, b] of decisions.different) {
    if (!different.has(a)) different.set(a, new Set());
    if (!different.has(b)) different.set(b, new Set());
    different.get(a)?.add(b);
    different.get(b)?.add(a);
  }
  const forbidden = (ga: number[], gb: number[]): boolean => {
    if (different.size === 0) return false;
    for (const a of ga) {
      const d = different.get(a);
      if (!d) continue;
      for (const b of gb) if (d.has(b)) return true;
    }
    return false;
  };
  const join = (ra: number, rb: number, ga: number[], gb: number[]): void => {
    const [big, small] = ga.length >= gb.length ? [ra, rb] : [rb, ra];
    parent[small] = big;
    members.set(big, ga.length >= gb.length ? ga.concat(gb) : gb.concat(ga));
    members.delete(small);
  };

  const result: ClusterResult = { root: parent, refused: [], joined: [] };
  for (const [a, b] of decisions.same) {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    const ga = groupOf(ra);
    const gb = groupOf(rb);
    if (forbidden(ga, gb)) continue;
    join(ra, rb, ga, gb);
    result.joined.push({ i: a, j: b, weight: Infinity });
  }
  // strongest first; (weight, i, j) orders the edges completely, so the result does not depend on input order
  const order = new Uint32Array(edges.length);
  for (let k = 0; k < order.length; k++) order[k] = k;
  const { i: ei, j: ej, weight: ew } = edges;
  order.sort((x, y) => ew[y] - ew[x] || ei[x] - ei[y] || ej[x] - ej[y]);
  for (const k of order) {
    const ra = find(ei[k]);
    const rb = find(ej[k]);
    if (ra === rb) continue;
    const edge = edges.at(k);
    const ga = groupOf(ra);
    const gb = groupOf(rb);
    if (forbidden(ga, gb)) {
      result.refused.push({ edge, cohesion: 0, reason: 'decision' });
      continue;
    }
    if (ga.length > 1 || gb.length > 1) {
      const c = crossCohesion(ga, gb, probability, options.maxCrossPairs);
      if (c < options.cohesion) {
        result.refused.push({ edge, cohesion: c, reason: 'cohesion' });
        continue;
      }
    }
    join(ra, rb, ga, gb);
    result.joined.push(edge);
  }
  for (let i = 0; i < n; i++) parent[i] = find(i);
  return result;
}

/** Mean match probability over the cross pairs of two groups (evenly sampled when there are many). */
export function crossCohesion(ga: number[], gb: number[], probability: (i: number, j: number) => number, maxPairs: number): number {
  const total = ga.length * gb.length;
  const step = total > maxPairs ? total / maxPairs : 1;
  let sum = 0;
  let count = 0;
  for (let t = 0; t < total; t += step) {
    const k = Math.floor(t);
    sum += probability(ga[Math.floor(k / gb.length)], gb[k % gb.length]);
    count++;
  }
  return count === 0 ? 0 : sum / count;
}
