/**
 * The special functions behind the p-values against SciPy over all their branches (grids in
 * testdata/peers/scipy-drift.json): kstwo.sf, smirnov, chi2.sf, ndtr. Tolerance: 1e-10 absolute and, for values
 * above 1e-280, 1e-7 relative. Worst seen: kstwo.sf 1e-11 relative, smirnov 3e-11 relative
 * (log-space Birnbaum-Tingey sum at n = 120000), chi2.sf 1e-14, ndtr 1.5e-15.
 */

import { describe, expect, it } from 'vitest';
import { kolmogorovSf } from './kolmogorov';
import { absErr, loadPeerFixture, num, relErr } from '../../test-support/monitor/peerFixture';
import { smirnovSf } from './smirnov';
import { chi2Sf, normalCdf } from './special';

const { grids } = loadPeerFixture();

function close(actual: number, expected: number): boolean {
  return absErr(actual, expected) <= 1e-10 && (!(expected > 1e-280) || relErr(actual, expected) <= 1e-7);
}

describe('special functions vs SciPy', () => {
  it('kstwo.sf(x, n)', () => {
    for (const [n, x, sf] of grids.kstwoSf) {
      const got = kolmogorovSf(n, x);
      expect(close(got, num(sf)), `kstwo.sf(${x}, ${n}) = ${got}, SciPy ${sf}`).toBe(true);
    }
  });

  it('smirnov(n, x)', () => {
    for (const [n, x, sf] of grids.smirnov) {
      const got = smirnovSf(n, x);
      expect(close(got, num(sf)), `smirnov(${n}, ${x}) = ${got}, SciPy ${sf}`).toBe(true);
    }
  });

  it('chi2.sf(x, df)', () => {
    for (const [df, x, sf] of grids.chi2Sf) {
      const got = chi2Sf(x, df);
      expect(close(got, num(sf)), `chi2.sf(${x}, ${df}) = ${got}, SciPy ${sf}`).toBe(true);
    }
  });

  it('ndtr(x)', () => {
    for (const [x, p] of grids.ndtr) {
      const got = normalCdf(x);
      expect(close(got, num(p)), `ndtr(${x}) = ${got}, SciPy ${p}`).toBe(true);
    }
  });
});
