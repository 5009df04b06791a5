/**
 * Test-only: loads testdata/peers/scipy-drift.json (written by bench/peer/scipy_drift.py) and compares numbers
 * with SciPy's, where JSON's lack of Infinity/NaN is worked around with the strings "Infinity", "-Infinity", "NaN".
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SampleSpec } from './fixtureInputs';

/** A number as the peer writes it. */
export type PeerNumber = number | 'Infinity' | '-Infinity' | 'NaN';

/** One test's numbers in the fixture. */
export interface PeerTest {
  statistic: PeerNumber;
  pValue?: PeerNumber;
  method?: 'exact' | 'asymp';
  location?: PeerNumber;
  sign?: 1 | -1;
  ref?: number[];
  cur?: number[];
  edges?: number[];
  keys?: (number | string)[];
}

/** One case: two sample specs, checks that the samples were rebuilt, SciPy's results per test. */
export interface PeerCase {
  name: string;
  kind: 'numerical' | 'categorical';
  ref: SampleSpec;
  cur: SampleSpec;
  refCheck: { n: number; first: (number | string)[]; sum?: number; counts?: Record<string, number> };
  curCheck: { n: number; first: (number | string)[]; sum?: number; counts?: Record<string, number> };
  default: string;
  tests: Record<string, PeerTest>;
}

/** The whole fixture. */
export interface PeerFixture {
  versions: Record<string, string>;
  cases: PeerCase[];
  grids: {
    kstwoSf: [number, number, PeerNumber][];
    smirnov: [number, number, PeerNumber][];
    chi2Sf: [number, number, PeerNumber][];
    ndtr: [number, PeerNumber][];
  };
}

/** Reads the fixture from the repository's testdata/peers. */
export function loadPeerFixture(): PeerFixture {
  const url = new URL('../../../testdata/peers/scipy-drift.json', import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as PeerFixture;
}

/** A peer number as a JS number. */
export function num(x: PeerNumber | undefined): number {
  if (x === undefined) return NaN;
  if (x === 'Infinity') return Infinity;
  if (x === '-Infinity') return -Infinity;
  if (x === 'NaN') return NaN;
  return x;
}

/** |a - b| / max(|b|, tiny); 0 when both are the same non-finite value, Infinity when only one is. */
export function relErr(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b ? 0 : Infinity;
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
}

/** |a - b|, with the same non-finite rules as relErr. */
export function absErr(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b ? 0 : Infinity;
  return Math.abs(a - b);
}
