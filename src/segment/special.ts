/** Special functions the CLV likelihoods need, in double precision. */

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** log|Γ(x)| by the Lanczos approximation (g = 7, 9 terms), about 15 significant digits. */
export function lgamma(x: number): number {
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1−x) = π / sin(πx)
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  }
  const z = x - 1;
  let s = LANCZOS[0];
  for (let i = 1; i < LANCZOS_G + 2; i++) s += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/** log B(a, b). */
export function lbeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

/**
 * log|₂F₁(a, b; c; z)| and its sign for 0 ≤ z < 1, summing the series with a running scale so
 * that huge intermediate terms (large b·z, e.g. BG/NBD fits whose a and b run off together) do not
 * overflow. The caller adds its own log prefactor before leaving log space.
 */
export function log2f1(a: number, b: number, c: number, z: number): { log: number; sign: number } {
  if (!(z >= 0 && z < 1)) throw new RangeError(`log2f1 needs 0 ≤ z < 1, got ${z}`);
  const BIG = 1e200;
  let scaleLog = 0;
  let term = 1;
  let sum = 1;
  let small = 0;
  for (let n = 0; n < 5_000_000; n++) {
    term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    sum += term;
    if (Math.abs(sum) > BIG) {
      sum /= BIG;
      term /= BIG;
      scaleLog += Math.log(BIG);
    }
    if (Math.abs(term) <= 1e-16 * Math.abs(sum)) {
      if (++small >= 3) return { log: Math.log(Math.abs(sum)) + scaleLog, sign: Math.sign(sum) };
    } else {
      small = 0;
    }
  }
  throw new RangeError(`2F1(${a}, ${b}; ${c}; ${z}) did not converge`);
}
