/** Derivative-free minimisation for the CLV likelihoods: Nelder–Mead with restarts. */

export interface MinimizeOptions {
  /** Stop when the simplex's function values agree to this relative tolerance (default 1e-12). */
  ftol?: number;
  /** …and its vertices to this absolute tolerance (default 1e-9). */
  xtol?: number;
  maxEvaluations?: number;
  /** Initial simplex edge (default 0.5; the CLV fits work on log-parameters, so this is ×1.65). */
  step?: number;
  /** Restart from the best point until an extra run no longer improves (default up to 6 runs). */
  maxRestarts?: number;
}

export interface MinimizeResult {
  x: number[];
  fx: number;
  evaluations: number;
  converged: boolean;
}

function safe(f: (x: number[]) => number): (x: number[]) => number {
  return (x) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
}

/** One Nelder–Mead run (standard coefficients: reflect 1, expand 2, contract ½, shrink ½). */
export function nelderMead(fn: (x: number[]) => number, x0: readonly number[], options: MinimizeOptions = {}): MinimizeResult {
  const f = safe(fn);
  const n = x0.length;
  const ftol = options.ftol ?? 1e-12;
  const xtol = options.xtol ?? 1e-9;
  const maxEval = options.maxEvaluations ?? 6_000;
  const step = options.step ?? 0.5;
  let evaluations = 0;
  const evalAt = (x: number[]): number => {
    evaluations++;
    return f(x);
  };
  const simplex: number[][] = [Array.from(x0)];
  for (let i = 0; i < n; i++) {
    const v = Array.from(x0);
    v[i] += step;
    simplex.push(v);
  }
  let values = simplex.map(evalAt);
  let converged = false;
  while (evaluations < maxEval) {
    const order = values.map((v, i) => i).sort((i, j) => values[i] - values[j]);
    const sorted = order.map((i) => simplex[i]);
    values = order.map((i) => values[i]);
    simplex.splice(0, simplex.length, ...sorted);
    const best = values[0];
    const worst = values[n];
    const spreadF = Math.abs(worst - best);
    let spreadX = 0;
    for (let i = 1; i <= n; i++) for (let j = 0; j < n; j++) spreadX = Math.max(spreadX, Math.abs(simplex[i][j] - simplex[0][j]));
    if (Number.isFinite(best) && spreadF <= ftol * (Math.abs(best) + 1e-300) + 1e-300 && spreadX <= xtol) {
      converged = true;
      break;
    }
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += simplex[i][j] / n;
    const along = (t: number): number[] => centroid.map((c, j) => c + t * (simplex[n][j] - c));
    const reflected = along(-1);
    const fr = evalAt(reflected);
    if (fr < values[0]) {
      const expanded = along(-2);
      const fe = evalAt(expanded);
      if (fe < fr) {
        simplex[n] = expanded;
        values[n] = fe;
      } else {
        simplex[n] = reflected;
        values[n] = fr;
      }
    } else if (fr < values[n - 1]) {
      simplex[n] = reflected;
      values[n] = fr;
    } else {
      const outside = fr < values[n];
      const contracted = along(outside ? -0.5 : 0.5);
      const fc = evalAt(contracted);
      if (fc < (outside ? fr : values[n])) {
        simplex[n] = contracted;
        values[n] = fc;
      } else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i].map((v, j) => simplex[0][j] + 0.5 * (v - simplex[0][j]));
          values[i] = evalAt(simplex[i]);
        }
      }
    }
  }
  let bestIdx = 0;
  for (let i = 1; i < values.length; i++) if (values[i] < values[bestIdx]) bestIdx = i;
  return { x: simplex[bestIdx], fx: values[bestIdx], evaluations, converged };
}

/**
 * Several starting points are each run to a loose tolerance (cheap); the best is then polished by
 * Nelder–Mead restarted from its own best point with a fresh, smaller simplex (which escapes the
 * premature collapse that makes single runs stop early) until a restart no longer improves.
 */
export function minimize(fn: (x: number[]) => number, starts: readonly (readonly number[])[], options: MinimizeOptions = {}): MinimizeResult {
  const ftol = options.ftol ?? 1e-12;
  let evaluations = 0;
  let best: MinimizeResult | undefined;
  for (const start of starts) {
    const rough = nelderMead(fn, start, { ...options, ftol: Math.max(ftol, 1e-7), xtol: 1e-4 });
    evaluations += rough.evaluations;
    if (!best || rough.fx < best.fx) best = rough;
  }
  let current = best!;
  for (let r = 0; r < (options.maxRestarts ?? 6); r++) {
    const again = nelderMead(fn, current.x, { ...options, step: (options.step ?? 0.5) / (r === 0 ? 1 : 4) });
    evaluations += again.evaluations;
    const improved = current.fx - again.fx > ftol * Math.abs(current.fx);
    if (again.fx <= current.fx) current = again;
    if (!improved && r > 0) break;
  }
  return { ...current, evaluations };
}

/**
 * Keeps a minimisation inside a box: the objective sees the clamped point, plus a small pull
 * back towards the box so the simplex does not drift on the flat outside. Used on log-parameters
 * so a likelihood whose optimum lies at infinity (e.g. no spend heterogeneity) stops at the wall.
 */
export function boxed(fn: (x: number[]) => number, lo: number | readonly number[], hi: number | readonly number[]): { objective: (x: number[]) => number; clamp: (x: readonly number[]) => number[] } {
  const low = (i: number): number => (typeof lo === 'number' ? lo : lo[i]);
  const high = (i: number): number => (typeof hi === 'number' ? hi : hi[i]);
  const clamp = (x: readonly number[]): number[] => x.map((v, i) => Math.min(high(i), Math.max(low(i), v)));
  return {
    clamp,
    objective: (x) => {
      let excess = 0;
      x.forEach((v, i) => (excess += v > high(i) ? (v - high(i)) ** 2 : v < low(i) ? (low(i) - v) ** 2 : 0));
      return fn(clamp(x)) + 1e-6 * excess;
    },
  };
}

/** True when some coordinate sits on (or within 1e-6 of) the box wall. */
export function atBound(x: readonly number[], lo: number | readonly number[], hi: number | readonly number[]): boolean {
  return x.some((v, i) => v >= (typeof hi === 'number' ? hi : hi[i]) - 1e-6 || v <= (typeof lo === 'number' ? lo : lo[i]) + 1e-6);
}
