import { InputError } from '../errors.js';
import { Random } from './random.js';
import type { GroupTotals } from './rfm.js';

/** A feature column for clustering. `log` applies log(1 + x) first (for skewed non-negative values). */
export interface Feature {
  name: string;
  values: ArrayLike<number>;
  log?: boolean;
}

/** Row-major matrix n × d. */
export interface Matrix {
  n: number;
  d: number;
  data: Float64Array;
}

/** z-scores per column after the optional log; a constant column becomes all zeros. */
export function standardise(features: readonly Feature[]): Matrix & { means: number[]; sds: number[] } {
  const n = features.length ? features[0].values.length : 0;
  const d = features.length;
  const data = new Float64Array(n * d);
  const means: number[] = [];
  const sds: number[] = [];
  features.forEach((f, j) => {
    if (f.values.length !== n) throw new Error(`feature ${f.name} has ${f.values.length} values, expected ${n}`);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const v = f.log ? Math.log1p(Math.max(0, f.values[i])) : f.values[i];
      data[i * d + j] = v;
      sum += v;
    }
    const mean = n ? sum / n : 0;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (data[i * d + j] - mean) ** 2;
    const sd = n ? Math.sqrt(ss / n) : 0;
    for (let i = 0; i < n; i++) data[i * d + j] = sd > 0 ? (data[i * d + j] - mean) / sd : 0;
    means.push(mean);
    sds.push(sd);
  });
  return { n, d, data, means, sds };
}

function dist2(a: Float64Array, i: number, b: Float64Array, j: number, d: number): number {
  let s = 0;
  for (let t = 0; t < d; t++) {
    const x = a[i * d + t] - b[j * d + t];
    s += x * x;
  }
  return s;
}

/** Index of the nearest centroid (lowest index wins a tie) and its squared distance. */
function nearest(m: Matrix, i: number, centroids: Float64Array, k: number): [number, number] {
  let best = 0;
  let bestD = Infinity;
  for (let c = 0; c < k; c++) {
    const dd = dist2(m.data, i, centroids, c, m.d);
    if (dd < bestD) {
      bestD = dd;
      best = c;
    }
  }
  return [best, bestD];
}

/** k-means++ seeding: each next centre drawn with probability ∝ squared distance to the nearest chosen one. */
function seedCentroids(m: Matrix, k: number, rng: Random): Float64Array {
  const { n, d, data } = m;
  const centroids = new Float64Array(k * d);
  const first = rng.int(n);
  centroids.set(data.subarray(first * d, first * d + d), 0);
  const closest = new Float64Array(n);
  for (let i = 0; i < n; i++) closest[i] = dist2(data, i, centroids, 0, d);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) total += closest[i];
    let pick = 0;
    if (total > 0) {
      let target = rng.uniform() * total;
      for (pick = 0; pick < n - 1; pick++) {
        target -= closest[pick];
        if (target < 0) break;
      }
    } else {
      pick = rng.int(n);
    }
    centroids.set(data.subarray(pick * d, pick * d + d), c * d);
    for (let i = 0; i < n; i++) closest[i] = Math.min(closest[i], dist2(data, i, centroids, c, d));
  }
  return centroids;
}

export interface KMeansFit {
  k: number;
  centroids: Float64Array;
  labels: Int32Array;
  inertia: number;
}

/** Lloyd's algorithm from k-means++ seeds; the best of `restarts` runs by inertia. */
export function kmeans(m: Matrix, k: number, rng: Random, options: { restarts?: number; maxIter?: number } = {}): KMeansFit {
  const { n, d } = m;
  if (k < 1 || k > n) throw InputError.of('clusters.k', { k, n });
  let best: KMeansFit | undefined;
  for (let run = 0; run < (options.restarts ?? 4); run++) {
    const centroids = seedCentroids(m, k, rng);
    const labels = new Int32Array(n).fill(-1);
    let inertia = 0;
    for (let iter = 0; iter < (options.maxIter ?? 100); iter++) {
      let changed = 0;
      inertia = 0;
      for (let i = 0; i < n; i++) {
        const [c, dd] = nearest(m, i, centroids, k);
        inertia += dd;
        if (labels[i] !== c) {
          labels[i] = c;
          changed++;
        }
      }
      if (changed === 0) break;
      const sums = new Float64Array(k * d);
      const counts = new Float64Array(k);
      for (let i = 0; i < n; i++) {
        const c = labels[i];
        counts[c]++;
        for (let t = 0; t < d; t++) sums[c * d + t] += m.data[i * d + t];
      }
      for (let c = 0; c < k; c++) {
        if (counts[c] === 0) continue; // an emptied cluster keeps its old centre
        for (let t = 0; t < d; t++) centroids[c * d + t] = sums[c * d + t] / counts[c];
      }
    }
    if (!best || inertia < best.inertia) best = { k, centroids, labels, inertia };
  }
  return best!;
}

/** Mean silhouette over the given rows (all rows when omitted), distances within those rows only. */
export function silhouette(m: Matrix, labels: Int32Array, k: number, rows?: readonly number[]): number {
  const idx = rows ?? Array.from({ length: m.n }, (_, i) => i);
  const s = idx.length;
  if (k < 2 || s < 2) return 0;
  let total = 0;
  const sumTo = new Float64Array(k);
  const countIn = new Float64Array(k);
  for (const i of idx) countIn[labels[i]]++;
  for (const i of idx) {
    sumTo.fill(0);
    for (const j of idx) {
      if (i === j) continue;
      sumTo[labels[j]] += Math.sqrt(dist2(m.data, i, m.data, j, m.d));
    }
    const own = labels[i];
    if (countIn[own] <= 1) continue; // silhouette of a singleton is 0
    const a = sumTo[own] / (countIn[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && countIn[c] > 0) b = Math.min(b, sumTo[c] / countIn[c]);
    if (b === Infinity) continue;
    const denom = Math.max(a, b);
    total += denom > 0 ? (b - a) / denom : 0;
  }
  return total / s;
}

export interface ClusterOptions {
  /** Fixed number of clusters; chosen by silhouette between kMin and kMax when omitted. */
  k?: number;
  kMin?: number;
  kMax?: number;
  seed?: number;
  restarts?: number;
  /** Rows used to fit (a seeded sample above this; every row is then assigned). Default 20,000. */
  fitSample?: number;
  /** Rows used for the silhouette (O(s²)). Default 2,000. */
  silhouetteSample?: number;
}

export interface ClusterRun {
  k: number;
  /** 0-based cluster per input row. */
  labels: Int32Array;
  /** Silhouette per candidate k (only the chosen one when k was given). */
  silhouettes: { k: number; silhouette: number }[];
  /** Centres in standardised units, one row per cluster. */
  centroids: Float64Array;
  standardisation: { means: number[]; sds: number[] };
}

function subMatrix(m: Matrix, rows: readonly number[]): Matrix {
  const data = new Float64Array(rows.length * m.d);
  rows.forEach((r, i) => data.set(m.data.subarray(r * m.d, r * m.d + m.d), i * m.d));
  return { n: rows.length, d: m.d, data };
}

/** Standardise, fit k-means (choosing k by silhouette unless given), assign every row. */
export function clusterFeatures(features: readonly Feature[], options: ClusterOptions = {}): ClusterRun {
  const m = standardise(features);
  if (m.n < 3) throw InputError.of('clusters.tooFew', { n: m.n });
  const rng = new Random(options.seed ?? 42);
  const fitRows = rng.sample(m.n, Math.min(m.n, options.fitSample ?? 20_000));
  const fit = fitRows.length === m.n ? m : subMatrix(m, fitRows);
  const silRows = rng.sample(fit.n, Math.min(fit.n, options.silhouetteSample ?? 2_000));
  const candidates = options.k !== undefined ? [options.k] : range(options.kMin ?? 2, Math.min(options.kMax ?? 8, fit.n - 1));
  if (candidates.length === 0) throw InputError.of('clusters.range', { n: m.n, k: options.kMin ?? 2 });
  let chosen: KMeansFit | undefined;
  let chosenScore = -Infinity;
  const silhouettes: { k: number; silhouette: number }[] = [];
  for (const k of candidates) {
    const f = kmeans(fit, k, rng, { restarts: options.restarts });
    const score = silhouette(fit, f.labels, k, silRows);
    silhouettes.push({ k, silhouette: score });
    if (score > chosenScore + 1e-12) {
      chosen = f;
      chosenScore = score;
    }
  }
  const best = chosen!;
  const labels = new Int32Array(m.n);
  for (let i = 0; i < m.n; i++) labels[i] = nearest(m, i, best.centroids, best.k)[0];
  return { k: best.k, labels, silhouettes, centroids: best.centroids, standardisation: { means: m.means, sds: m.sds } };
}

function range(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let k = lo; k <= hi; k++) out.push(k);
  return out;
}

export interface ClusterEntityInput {
  entityId: number;
  recencyDays: number;
  frequency: number;
  monetaryCents: number;
  /** Other numeric features by name (same names for every entity). */
  extra?: Record<string, number>;
}

export interface ClusterProfile extends GroupTotals {
  /** 1-based, ordered by average spend, biggest first. */
  cluster: number;
  extra: Record<string, number>;
  /** Above/below the overall average on R (recent = fewer days), F and M. */
  recent: boolean;
  frequent: boolean;
  highSpend: boolean;
}

export interface ClusterResult {
  k: number;
  silhouettes: { k: number; silhouette: number }[];
  /** Cluster (1-based, as in profiles) per input entity. */
  clusters: Int32Array;
  profiles: ClusterProfile[];
}

/** Column form of the clustering input (the store path builds these without per-entity objects). */
export interface ClusterColumns {
  n: number;
  recencyDays: ArrayLike<number>;
  frequency: ArrayLike<number>;
  monetaryCents: ArrayLike<number>;
  extra?: Record<string, ArrayLike<number>>;
}

/** k-means on log R/F/M (+ extra features, standardised as given) with a profile per cluster. */
export function clusterColumns(cols: ClusterColumns, options: ClusterOptions & { logExtra?: boolean } = {}): ClusterResult {
  const { n } = cols;
  const extraNames = Object.keys(cols.extra ?? {}).sort();
  const monetaryYuan = Float64Array.from({ length: n }, (_, i) => cols.monetaryCents[i] / 100);
  const features: Feature[] = [
    { name: 'recency', values: cols.recencyDays, log: true },
    { name: 'frequency', values: cols.frequency, log: true },
    { name: 'monetary', values: monetaryYuan, log: true },
    ...extraNames.map((name) => ({ name, values: cols.extra![name], log: options.logExtra ?? false })),
  ];
  const run = clusterFeatures(features, options);
  const acc = Array.from({ length: run.k }, () => ({ n: 0, r: 0, f: 0, m: 0, extra: new Float64Array(extraNames.length) }));
  for (let i = 0; i < n; i++) {
    const a = acc[run.labels[i]];
    a.n++;
    a.r += cols.recencyDays[i];
    a.f += cols.frequency[i];
    a.m += cols.monetaryCents[i];
    extraNames.forEach((x, j) => (a.extra[j] += cols.extra![x][i]));
  }
  const totalCents = acc.reduce((s, a) => s + a.m, 0);
  const overall = { r: acc.reduce((s, a) => s + a.r, 0) / n, f: acc.reduce((s, a) => s + a.f, 0) / n, m: totalCents / n };
  const order = acc.map((a, c) => ({ c, avgM: a.n ? a.m / a.n : -Infinity })).sort((x, y) => y.avgM - x.avgM || x.c - y.c);
  const renumber = new Int32Array(run.k);
  order.forEach((o, rank) => (renumber[o.c] = rank + 1));
  const profiles = order
    .filter((o) => acc[o.c].n > 0)
    .map((o) => {
      const a = acc[o.c];
      return {
        cluster: renumber[o.c],
        customers: a.n,
        share: a.n / n,
        revenueCents: a.m,
        revenueShare: totalCents ? a.m / totalCents : 0,
        avgRecencyDays: a.r / a.n,
        avgFrequency: a.f / a.n,
        avgMonetaryCents: a.m / a.n,
        extra: Object.fromEntries(extraNames.map((x, j) => [x, a.extra[j] / a.n])),
        recent: a.r / a.n < overall.r,
        frequent: a.f / a.n > overall.f,
        highSpend: a.m / a.n > overall.m,
      };
    });
  const clusters = Int32Array.from(run.labels, (l) => renumber[l]);
  return { k: run.k, silhouettes: run.silhouettes, clusters, profiles };
}

export function clusterEntities(rows: readonly ClusterEntityInput[], options: ClusterOptions & { logExtra?: boolean } = {}): ClusterResult {
  const extraNames = Object.keys(rows[0]?.extra ?? {});
  return clusterColumns(
    {
      n: rows.length,
      recencyDays: rows.map((r) => r.recencyDays),
      frequency: rows.map((r) => r.frequency),
      monetaryCents: rows.map((r) => r.monetaryCents),
      extra: Object.fromEntries(extraNames.map((x) => [x, rows.map((r) => r.extra?.[x] ?? 0)])),
    },
    options,
  );
}
