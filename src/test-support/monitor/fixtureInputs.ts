/**
 * Test-only: rebuilds the inputs of testdata/peers/scipy-drift.json bit for bit, the TypeScript twin of the
 * generator in bench/peer/scipy_drift.py. Every step is exact in float64 on both sides (16-bit uniforms summed
 * twelve at a time are dyadic rationals; flooring to a power-of-two quantum is exact; categories come from
 * integer weights), so no libm function is involved and Python and V8 produce the same doubles.
 */

/** A sample as the peer describes it. */
export type SampleSpec =
  | { type: 'values'; values: (number | string)[] }
  | { type: 'normal'; seed: number; n: number; mu: number; sigma: number; quantum: number | null }
  | { type: 'categorical'; seed: number; n: number; labels: (number | string)[]; weights: number[] };

/** Marsaglia's xorshift32 (13, 17, 5) with the peer's seeding and 8 discarded outputs. */
function xorshift32(seed: number): () => number {
  let x = (Math.imul(seed, 2654435761) + 1) >>> 0 || 1;
  const next = (): number => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
  for (let i = 0; i < 8; i++) next();
  return next;
}

/** The sample a spec describes: Irwin-Hall normals (sum of 12 uniforms - 6), or weighted categories. */
export function generateSample(spec: SampleSpec): (number | string)[] {
  if (spec.type === 'values') return [...spec.values];
  const next = xorshift32(spec.seed);
  const out: (number | string)[] = [];
  if (spec.type === 'normal') {
    for (let i = 0; i < spec.n; i++) {
      let s = 0;
      for (let k = 0; k < 12; k++) s += (next() >>> 16) / 65536;
      let v = spec.mu + spec.sigma * (s - 6);
      if (spec.quantum !== null) v = Math.floor(v / spec.quantum) * spec.quantum;
      out.push(v);
    }
    return out;
  }
  const total = spec.weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < spec.n; i++) {
    const r = next() % total;
    let acc = 0;
    for (let j = 0; j < spec.labels.length; j++) {
      acc += spec.weights[j]!;
      if (r < acc) {
        out.push(spec.labels[j]!);
        break;
      }
    }
  }
  return out;
}
