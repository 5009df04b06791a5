/**
 * Special functions behind the drift p-values: log-gamma, the regularised incomplete gamma functions, erf/erfc,
 * the normal CDF and the chi-squared survival function. Pure float64 maths; the reference values are SciPy's
 * (scipy.special.gammaincc / ndtr, scipy.stats.chi2.sf), checked in special.test.ts against
 * testdata/peers/scipy-drift.json.
 */

const LANCZOS_G = 7;
// Lanczos coefficients for g = 7, n = 9 (Numerical Recipes 3rd ed. / Godfrey): about 1e-15 relative error.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITER = 100_000;

/** ln Γ(x) for x > 0 (reflection below 0.5). Relative error about 1e-15 (absolute 1e-10 near x = 1e5). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** exp(-x) x^a / Γ(a), the common prefactor of both incomplete-gamma expansions. */
function gammaPrefactor(a: number, x: number): number {
  return Math.exp(-x + a * Math.log(x) - logGamma(a));
}

/** Series for P(a, x), good for x < a + 1. */
function gammaPSeries(a: number, x: number): number {
  let ap = a;
  let term = 1 / a;
  let sum = term;
  for (let i = 0; i < MAX_ITER; i++) {
    ap += 1;
    term *= x / ap;
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) break;
  }
  return sum * gammaPrefactor(a, x);
}

/** Continued fraction (modified Lentz) for Q(a, x), good for x >= a + 1. */
function gammaQFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return gammaPrefactor(a, x) * h;
}

/** Regularised lower incomplete gamma P(a, x) = γ(a, x) / Γ(a), a > 0, x >= 0. Unitless, in [0, 1]. */
export function gammaP(a: number, x: number): number {
  if (!(a > 0) || Number.isNaN(x)) return NaN;
  if (x <= 0) return 0;
  if (x === Infinity) return 1;
  return x < a + 1 ? gammaPSeries(a, x) : 1 - gammaQFraction(a, x);
}

/** Regularised upper incomplete gamma Q(a, x) = 1 - P(a, x) (scipy.special.gammaincc). Absolute error ~1e-15. */
export function gammaQ(a: number, x: number): number {
  if (!(a > 0) || Number.isNaN(x)) return NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - gammaPSeries(a, x) : gammaQFraction(a, x);
}

/** The error function erf(x) = sign(x) P(1/2, x²). */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const p = gammaP(0.5, x * x);
  return x < 0 ? -p : p;
}

/** The complementary error function erfc(x) = 1 - erf(x), accurate in the upper tail (Q(1/2, x²) for x >= 0). */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  return x >= 0 ? gammaQ(0.5, x * x) : 2 - gammaQ(0.5, x * x);
}

/** Standard normal CDF Φ(x) (scipy.special.ndtr, same split as cephes: erf near 0, erfc in the tails). */
export function normalCdf(x: number): number {
  const t = x * Math.SQRT1_2;
  if (Math.abs(t) < Math.SQRT1_2) return 0.5 + 0.5 * erf(t);
  const y = 0.5 * erfc(Math.abs(t));
  return t > 0 ? 1 - y : y;
}

/**
 * Two-sided normal tail 2 (1 - Φ(|z|)), computed as erfc(|z| / √2) so it keeps its precision far out in the
 * tail (Evidently writes 2 * (1 - norm.cdf(|z|)); the two agree to ~1e-16 absolute).
 */
export function normalTwoSided(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return erfc(Math.abs(z) * Math.SQRT1_2);
}

/**
 * Chi-squared survival function P(X >= x) for `df` degrees of freedom (scipy.stats.chi2.sf): Q(df/2, x/2).
 * NaN for df <= 0 (SciPy's argument check), 1 for x <= 0, 0 for x = +Infinity.
 */
export function chi2Sf(x: number, df: number): number {
  if (!(df > 0) || Number.isNaN(x)) return NaN;
  return gammaQ(df / 2, x / 2);
}
