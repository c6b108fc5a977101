export type AbcClass = 'A' | 'B' | 'C';

export interface ParetoOptions {
  /** A = the biggest customers up to this cumulative revenue share (default 0.7). */
  aShare?: number;
  /** B = the next ones up to this cumulative share (default 0.9); the rest are C. */
  bShare?: number;
  /** "Top x% of customers make y% of revenue": x (default 0.2). */
  topShare?: number;
  /** The Lorenz-style curve is sampled at this many equal customer-share steps (default 100). */
  curvePoints?: number;
}

export interface ParetoClassSummary {
  cls: AbcClass;
  customers: number;
  customerShare: number;
  revenueCents: number;
  revenueShare: number;
}

export interface CurvePoint {
  customerShare: number;
  revenueShare: number;
}

export interface ParetoResult {
  customers: number;
  revenueCents: number;
  topShare: number;
  topCustomers: number;
  topRevenueShare: number;
  /** Smallest share of customers (biggest first) whose revenue reaches 80% of the total. */
  customerShareFor80: number;
  classes: ParetoClassSummary[];
  curve: CurvePoint[];
}

/**
 * ABC / Pareto in one pass over entities sorted by revenue, biggest first (ties: smaller entity id
 * first). An entity's class depends on the cumulative share of the entities BEFORE it, so the one
 * that crosses the A line is still A. Needs the count and total up front (one aggregate query), so
 * the store path streams a million rows without holding them.
 */
export class ParetoBuilder {
  private readonly a: number;
  private readonly b: number;
  private readonly topCustomers: number;
  private readonly checkpoints: number[];
  private readonly curve: CurvePoint[] = [{ customerShare: 0, revenueShare: 0 }];
  private readonly classes = new Map<AbcClass, { n: number; cents: number }>([['A', { n: 0, cents: 0 }], ['B', { n: 0, cents: 0 }], ['C', { n: 0, cents: 0 }]]);
  private seen = 0;
  private cum = 0;
  private topCents = 0;
  private reach80 = -1;
  private nextCheckpoint = 1;

  constructor(private readonly n: number, private readonly totalCents: number, private readonly options: ParetoOptions = {}) {
    this.a = options.aShare ?? 0.7;
    this.b = options.bShare ?? 0.9;
    this.topCustomers = Math.ceil(n * (options.topShare ?? 0.2));
    const points = options.curvePoints ?? 100;
    this.checkpoints = Array.from({ length: points + 1 }, (_, i) => Math.round((i * n) / points));
  }

  /** Feed the next entity's revenue (in descending order); returns its ABC class. */
  add(cents: number): AbcClass {
    const before = this.totalCents > 0 ? this.cum / this.totalCents : 1;
    const cls: AbcClass = before < this.a ? 'A' : before < this.b ? 'B' : 'C';
    const c = this.classes.get(cls)!;
    c.n += 1;
    c.cents += cents;
    this.cum += cents;
    this.seen += 1;
    if (this.seen <= this.topCustomers) this.topCents += cents;
    if (this.reach80 < 0 && this.totalCents > 0 && this.cum >= 0.8 * this.totalCents) this.reach80 = this.seen;
    while (this.nextCheckpoint < this.checkpoints.length && this.checkpoints[this.nextCheckpoint] <= this.seen) {
      if (this.checkpoints[this.nextCheckpoint] === this.seen) this.pushPoint();
      this.nextCheckpoint++;
    }
    return cls;
  }

  private pushPoint(): void {
    this.curve.push({ customerShare: this.seen / this.n, revenueShare: this.totalCents > 0 ? this.cum / this.totalCents : 0 });
  }

  finish(): ParetoResult {
    const total = this.totalCents;
    return {
      customers: this.n,
      revenueCents: total,
      topShare: this.options.topShare ?? 0.2,
      topCustomers: this.topCustomers,
      topRevenueShare: total > 0 ? this.topCents / total : 0,
      customerShareFor80: this.n > 0 && this.reach80 > 0 ? this.reach80 / this.n : 0,
      classes: [...this.classes.entries()].map(([cls, c]) => ({
        cls,
        customers: c.n,
        customerShare: this.n ? c.n / this.n : 0,
        revenueCents: c.cents,
        revenueShare: total > 0 ? c.cents / total : 0,
      })),
      curve: dedupeCurve(this.curve),
    };
  }
}

/** With fewer customers than curve points several steps land on the same customer count. */
function dedupeCurve(points: CurvePoint[]): CurvePoint[] {
  return points.filter((p, i) => i === 0 || p.customerShare !== points[i - 1].customerShare);
}

export interface ParetoEntity {
  entityId: number;
  revenueCents: number;
  cls: AbcClass;
  rank: number;
  cumulativeShare: number;
}

export function pareto(items: readonly { entityId: number; revenueCents: number }[], options: ParetoOptions = {}): { result: ParetoResult; entities: ParetoEntity[] } {
  const sorted = [...items].sort((x, y) => y.revenueCents - x.revenueCents || x.entityId - y.entityId);
  const total = sorted.reduce((s, x) => s + x.revenueCents, 0);
  const builder = new ParetoBuilder(sorted.length, total, options);
  let cum = 0;
  const entities = sorted.map((x, i) => {
    const cls = builder.add(x.revenueCents);
    cum += x.revenueCents;
    return { entityId: x.entityId, revenueCents: x.revenueCents, cls, rank: i + 1, cumulativeShare: total > 0 ? cum / total : 0 };
  });
  return { result: builder.finish(), entities };
}
