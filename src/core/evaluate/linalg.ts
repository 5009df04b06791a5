/** Small dense linear algebra for closed-form baselines (d up to a few hundred features). */

/**
 * Solve A x = b for symmetric positive definite A (row-major [d, d]) by Cholesky. A is not
 * modified. If A is not numerically positive definite, a growing multiple of its mean diagonal
 * is added (a tiny ridge), which keeps collinear one-hot columns from failing the fit.
 */
export function solveSpd(A: Float64Array, b: Float64Array, d: number): Float64Array {
  let meanDiag = 0;
  for (let i = 0; i < d; i++) meanDiag += A[i * d + i]!;
  meanDiag = meanDiag / Math.max(1, d) || 1;
  for (let attempt = 0; attempt < 8; attempt++) {
    const jitter = attempt === 0 ? 0 : meanDiag * 10 ** (attempt - 12);
    const L = cholesky(A, d, jitter);
    if (L) return cholSolve(L, b, d);
  }
  throw new Error('The linear baseline could not be fitted: the features are degenerate (constant or NaN).');
}

function cholesky(A: Float64Array, d: number, jitter: number): Float64Array | null {
  const L = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * d + j]! + (i === j ? jitter : 0);
      for (let k = 0; k < j; k++) s -= L[i * d + k]! * L[j * d + k]!;
      if (i === j) {
        if (!(s > 0) || !Number.isFinite(s)) return null;
        L[i * d + i] = Math.sqrt(s);
      } else L[i * d + j] = s / L[j * d + j]!;
    }
  }
  return L;
}

function cholSolve(L: Float64Array, b: Float64Array, d: number): Float64Array {
  const y = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i * d + k]! * y[k]!;
    y[i] = s / L[i * d + i]!;
  }
  const x = new Float64Array(d);
  for (let i = d - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < d; k++) s -= L[k * d + i]! * x[k]!;
    x[i] = s / L[i * d + i]!;
  }
  return x;
}
