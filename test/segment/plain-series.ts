/** Gauss ₂F₁(a, b; c; z) by its plain power series (0 ≤ z < 1): the test reference where the terms stay small. */
export function plainSeries(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 10_000; n++) {
    term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    sum += term;
  }
  return sum;
}
