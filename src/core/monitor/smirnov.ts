/**
 * The exact one-sided Kolmogorov-Smirnov tail, scipy.special.smirnov(n, x) = P(D_n+ >= x), by the
 * Birnbaum-Tingey (1951) formula
 *
 *   P(D_n+ >= x) = x * sum_{j=0}^{floor(n(1-x))} C(n, j) (x + j/n)^(j-1) (1 - x - j/n)^(n-j).
 *
 * Every term is positive, so summing them in log space is stable; the relative error is about 1e-10 for n up
 * to 1e5 (the log-binomials dominate), far inside the 1e-6 the drift tests need. SciPy's C code
 * (scipy/special/cephes/kolmogorov.c) uses the same formula with extra care for its last digits.
 */

import { logGamma } from './special';

/** P(D_n+ >= x) for a sample of n >= 1 points and a deviation x in [0, 1]. Unitless probability. */
export function smirnovSf(n: number, x: number): number {
  if (!(n >= 1) || !Number.isInteger(n) || !(x >= 0 && x <= 1)) return NaN;
  if (x === 0) return 1;
  if (x === 1) return 0;
  const last = Math.floor(n * (1 - x));
  const logFactN = logGamma(n + 1);
  const logs: number[] = [];
  let maxLog = -Infinity;
  for (let j = 0; j <= last; j++) {
    const evn = x + j / n;
    const omevn = (n - j) / n - x; // 1 - x - j/n, written to keep the exact zero at j = n(1 - x)
    if (!(omevn > 0) && n - j > 0) continue; // the term is exactly 0 (or rounding noise around 0)
    const logTerm =
      logFactN -
      logGamma(j + 1) -
      logGamma(n - j + 1) +
      (j - 1) * Math.log(evn) +
      (n - j > 0 ? (n - j) * Math.log(omevn) : 0);
    logs.push(logTerm);
    if (logTerm > maxLog) maxLog = logTerm;
  }
  if (maxLog === -Infinity) return 0;
  let sum = 0;
  for (const l of logs) sum += Math.exp(l - maxLog);
  const p = x * sum * Math.exp(maxLog);
  return Math.min(1, Math.max(0, p));
}
