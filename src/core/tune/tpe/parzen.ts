/**
 * Optuna's _ParzenEstimator, as in the installed Optuna 3.1.0: a weighted mixture with one kernel per
 * observation plus a prior kernel. Numeric kernels are truncated normals on the parameter's range (log scale for log-floats, widened by half a step for
 * discrete ones); categorical kernels put +1 on the observed choice over a flat prior_weight / (n + 1).
 * Values are in Optuna's internal representation: the number itself, or the choice index.
 */
import type { Rng } from '../../random';
import { effectiveHigh, snap, stepOf, type ParamSpec } from '../space';
import { logGaussMass, truncnormLogPdf, truncnormPpf } from './truncnorm';

/** The estimator settings (Optuna's _ParzenEstimatorParameters). */
export interface ParzenSettings {
  considerPrior: boolean;
  priorWeight: number;
  considerMagicClip: boolean;
  considerEndpoints: boolean;
  multivariate: boolean;
  /** Weights of n observations in chronological order (oldest first). */
  weights: (n: number) => number[];
  /** Continuous kernels as true densities (current Optuna) rather than Optuna 3.1.0's form; see truncnormLogPdf. */
  normalizedKernels?: boolean;
}

const EPS = 1e-12;
const SIGMA0_MAGNITUDE = 0.2;

interface NumericKernels {
  kind: 'numeric';
  spec: Exclude<ParamSpec, { type: 'choice' }>;
  low: number;
  high: number;
  q: number | undefined;
  mus: number[];
  sigmas: number[];
  /** log mass of each kernel inside [low, high], the truncation normaliser. */
  logZ: number[];
}

interface CategoricalKernels {
  kind: 'categorical';
  /** probs[component][choice] */
  probs: number[][];
}

type Kernels = NumericKernels | CategoricalKernels;

/** Samples by parameter name, internal representation; every array has the same length. */
export type SampleSet = Record<string, number[]>;

/** Parzen bounds (Optuna's _calculate_parzen_bounds): log for log-floats, +- step/2 for discrete ones. */
function parzenBounds(spec: Exclude<ParamSpec, { type: 'choice' }>): {
  low: number;
  high: number;
  q: number | undefined;
} {
  if (spec.type === 'logfloat') return { low: Math.log(spec.low), high: Math.log(spec.high), q: undefined };
  const q = stepOf(spec);
  if (q === undefined) return { low: spec.low, high: spec.high, q };
  return { low: spec.low - 0.5 * q, high: effectiveHigh(spec) + 0.5 * q, q };
}

/** Draw an index from normalised weights. */
function drawIndex(weights: readonly number[], rng: Rng): number {
  const u = rng();
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += weights[i] as number;
    if (u < acc) return i;
  }
  return weights.length - 1;
}

/** A Parzen estimator over one or more parameters (several only in multivariate mode). */
export class ParzenEstimator {
  private readonly weights: number[];
  private readonly kernels = new Map<string, Kernels>();

  /** observations[name][i] is observation i of that parameter (all arrays equally long, chronological). */
  constructor(
    observations: SampleSet,
    private readonly specs: readonly ParamSpec[],
    private readonly s: ParzenSettings,
  ) {
    const n = observations[specs[0]?.name ?? '']?.length ?? 0;
    const withPrior = s.considerPrior || n === 0;
    const w = s.weights(n).slice(0, n);
    if (withPrior) w.push(s.priorWeight);
    const total = w.reduce((a, b) => a + b, 0);
    this.weights = w.map((x) => x / total);
    const sigma0 = s.multivariate
      ? SIGMA0_MAGNITUDE * Math.max(n, 1) ** (-1 / (specs.length + 4))
      : undefined;
    for (const spec of specs) {
      const obs = observations[spec.name] ?? [];
      this.kernels.set(
        spec.name,
        spec.type === 'choice'
          ? this.categorical(obs, spec.choices.length, withPrior)
          : this.numeric(obs, spec, withPrior, sigma0),
      );
    }
  }

  private categorical(obs: readonly number[], k: number, withPrior: boolean): CategoricalKernels {
    const n = obs.length;
    const fill = withPrior ? this.s.priorWeight / (n + 1) : this.s.priorWeight / n;
    const rows = withPrior ? n + 1 : n;
    const probs: number[][] = [];
    for (let i = 0; i < rows; i++) {
      const row = new Array<number>(k).fill(fill);
      if (i < n) row[obs[i] as number] = (row[obs[i] as number] as number) + 1;
      const sum = row.reduce((a, b) => a + b, 0);
      probs.push(row.map((x) => x / sum));
    }
    return { kind: 'categorical', probs };
  }

  private numeric(
    obs: readonly number[],
    spec: Exclude<ParamSpec, { type: 'choice' }>,
    withPrior: boolean,
    sigma0: number | undefined,
  ): NumericKernels {
    const { low, high, q } = parzenBounds(spec);
    const n = obs.length;
    const mus = obs.map((x) => (spec.type === 'logfloat' ? Math.log(x) : x));
    if (withPrior) mus.push(0.5 * (low + high));
    let sigmas: number[];
    if (sigma0 !== undefined) {
      sigmas = mus.map(() => sigma0 * (high - low));
    } else {
      // Each kernel is as wide as the larger gap to its sorted neighbours (the range ends count as neighbours).
      const order = mus.map((_, i) => i).sort((a, b) => (mus[a] as number) - (mus[b] as number));
      const ends = [low, ...order.map((i) => mus[i] as number), high];
      const sorted = order.map((_, j) =>
        Math.max(
          (ends[j + 1] as number) - (ends[j] as number),
          (ends[j + 2] as number) - (ends[j + 1] as number),
        ),
      );
      if (!this.s.considerEndpoints && ends.length >= 4) {
        sorted[0] = (ends[2] as number) - (ends[1] as number);
        sorted[sorted.length - 1] = (ends[ends.length - 2] as number) - (ends[ends.length - 3] as number);
      }
      sigmas = new Array<number>(mus.length);
      order.forEach((i, j) => (sigmas[i] = sorted[j] as number));
    }
    // Optuna's "magic clip": no kernel narrower than range / min(100, 1 + kernels).
    const maxSigma = high - low;
    const minSigma = this.s.considerMagicClip ? (high - low) / Math.min(100, 1 + mus.length) : EPS;
    sigmas = sigmas.map((x) => Math.min(maxSigma, Math.max(minSigma, x)));
    if (withPrior) sigmas[n] = high - low;
    const logZ = mus.map((mu, i) =>
      logGaussMass((low - mu) / (sigmas[i] as number), (high - mu) / (sigmas[i] as number)),
    );
    return { kind: 'numeric', spec, low, high, q, mus, sigmas, logZ };
  }

  /** `size` joint draws (a shared mixture component per draw), internal representation. */
  sample(rng: Rng, size: number): SampleSet {
    const active = Array.from({ length: size }, () => drawIndex(this.weights, rng));
    const out: SampleSet = {};
    for (const spec of this.specs) {
      const k = this.kernels.get(spec.name) as Kernels;
      if (k.kind === 'categorical') {
        out[spec.name] = active.map((c) => drawIndex(k.probs[c] as number[], rng));
        continue;
      }
      out[spec.name] = active.map((c) => {
        const mu = k.mus[c] as number;
        const sigma = k.sigmas[c] as number;
        const x = truncnormPpf(rng(), (k.low - mu) / sigma, (k.high - mu) / sigma) * sigma + mu;
        return fromParzenScale(k, x);
      });
    }
    return out;
  }

  /** log density (mass, for discrete parameters) of each joint sample under the mixture. */
  logPdf(samples: SampleSet): number[] {
    const m = samples[this.specs[0]?.name ?? '']?.length ?? 0;
    const out: number[] = [];
    const comp = new Array<number>(this.weights.length);
    for (let i = 0; i < m; i++) {
      for (let c = 0; c < comp.length; c++) comp[c] = Math.log(this.weights[c] as number);
      for (const spec of this.specs) {
        const k = this.kernels.get(spec.name) as Kernels;
        const x = (samples[spec.name] as number[])[i] as number;
        for (let c = 0; c < comp.length; c++)
          comp[c] = (comp[c] as number) + kernelLogPdf(k, c, x, this.s.normalizedKernels ?? false);
      }
      const max = Math.max(...comp);
      let sum = 0;
      for (const v of comp) sum += Math.exp(v - max);
      out.push(max === -Infinity ? -Infinity : max + Math.log(sum));
    }
    return out;
  }
}

/** Back from the Parzen scale to a parameter value: exp for log-floats, onto the step grid for discrete ones. */
function fromParzenScale(k: NumericKernels, x: number): number {
  const spec = k.spec;
  if (spec.type === 'logfloat') return Math.min(spec.high, Math.max(spec.low, Math.exp(x)));
  if (k.q === undefined) return x;
  const v = Math.round((x - spec.low) / k.q) * k.q + spec.low;
  return snap(Math.min(effectiveHigh(spec), Math.max(spec.low, v)), k.q);
}

function kernelLogPdf(k: Kernels, c: number, x: number, normalized: boolean): number {
  if (k.kind === 'categorical') return Math.log((k.probs[c] as number[])[x] as number);
  const mu = k.mus[c] as number;
  const sigma = k.sigmas[c] as number;
  const a = (k.low - mu) / sigma;
  const b = (k.high - mu) / sigma;
  if (k.q === undefined) {
    const t = k.spec.type === 'logfloat' ? Math.log(x) : x;
    return truncnormLogPdf(t, a, b, mu, sigma, k.logZ[c] as number, normalized);
  }
  // Discrete: the kernel's mass on [x - q/2, x + q/2] within the range, over its mass on the range.
  const lo = Math.max(x - k.q / 2, k.low);
  const hi = Math.min(x + k.q / 2, k.high);
  return logGaussMass((lo - mu) / sigma, (hi - mu) / sigma) - (k.logZ[c] as number);
}
