/**
 * The Tree-structured Parzen Estimator, written after Optuna's TPESampler with its defaults:
 * n_startup_trials 10 (random before), n_ei_candidates 24, gamma(n) = min(ceil(0.1 n), 25), Optuna's
 * default weights, prior weight 1, magic clip on, endpoints off, univariate. Options add multivariate
 * TPE (joint kernels over the parameters every finished trial has) and the constant liar (on by
 * default here: it changes nothing for sequential use, and keeps parallel workers apart).
 */
import type { Rng } from '../../random';
import { sampleRandomParams, sampleUniform } from '../randomSearch';
import {
  fromInternal,
  isActive,
  isSingle,
  paramsKey,
  type ParamSpec,
  type ParamValue,
  type Params,
} from '../space';
import type { SampleContext, Strategy } from '../strategy';
import type { TrialRecord } from '../trials';
import { collectObservations, countFinished, splitObservations } from './observations';
import { ParzenEstimator, type ParzenSettings, type SampleSet } from './parzen';

/** TPE options (all JSON); defaults are Optuna's except constantLiar. */
export interface TpeOptions {
  nStartupTrials?: number;
  nEiCandidates?: number;
  priorWeight?: number;
  considerPrior?: boolean;
  considerMagicClip?: boolean;
  considerEndpoints?: boolean;
  multivariate?: boolean;
  /** Treat pending trials as the worst so far (Optuna's constant_liar). Default true. */
  constantLiar?: boolean;
  /** Use true densities for continuous kernels, as Optuna after 3.1 does. Default false (3.1.0's form). */
  normalizedKernels?: boolean;
}

/** Optuna's default_gamma: the size of the "good" group among n finished trials. */
export function defaultGamma(n: number): number {
  return Math.min(Math.ceil(0.1 * n), 25);
}

/** Optuna's default_weights: flat for the last 25 observations, a linear ramp from 1/n before them. */
export function defaultWeights(n: number): number[] {
  if (n === 0) return [];
  if (n < 25) return new Array<number>(n).fill(1);
  const m = n - 25;
  const ramp = Array.from({ length: m }, (_, i) => (m === 1 ? 1 / n : 1 / n + ((1 - 1 / n) * i) / (m - 1)));
  return [...ramp, ...new Array<number>(25).fill(1)];
}

/** How many times a suggestion identical to a pending trial is redrawn before giving up (see suggest). */
const MAX_REDRAWS = 20;

/** The TPE strategy. */
export function tpe(options: TpeOptions = {}): Strategy {
  const o = {
    nStartupTrials: options.nStartupTrials ?? 10,
    nEiCandidates: options.nEiCandidates ?? 24,
    multivariate: options.multivariate ?? false,
    constantLiar: options.constantLiar ?? true,
  };
  const settings: ParzenSettings = {
    considerPrior: options.considerPrior ?? true,
    priorWeight: options.priorWeight ?? 1,
    considerMagicClip: options.considerMagicClip ?? true,
    considerEndpoints: options.considerEndpoints ?? false,
    multivariate: o.multivariate,
    weights: defaultWeights,
    normalizedKernels: options.normalizedKernels ?? false,
  };
  const draw = (ctx: SampleContext): Params => {
    const finished = ctx.trials.filter((t) => t.state === 'complete' || t.state === 'pruned');
    const n = countFinished(collectObservations(ctx.trials, [], ctx.direction, false));
    if (n < o.nStartupTrials) return sampleRandomParams(ctx.space, ctx.rng);
    let relative: Record<string, ParamValue> = {};
    if (o.multivariate) {
      const joint = ctx.space.params.filter(
        (s) => !isSingle(s) && finished.every((t) => t.params[s.name] !== undefined),
      );
      if (joint.length > 0) relative = sampleGroup(joint, ctx.trials, ctx, o, { ...settings });
    }
    const params: Params = {};
    for (const spec of ctx.space.params) {
      if (!isActive(spec, params)) continue;
      const fromJoint = relative[spec.name];
      if (fromJoint !== undefined) params[spec.name] = fromJoint;
      else if (isSingle(spec)) params[spec.name] = sampleUniform(spec, ctx.rng);
      else
        params[spec.name] = sampleGroup([spec], ctx.trials, ctx, o, { ...settings, multivariate: false })[
          spec.name
        ] as ParamValue;
    }
    return params;
  };
  return {
    id: 'tpe',
    options: { ...options },
    suggest(ctx) {
      // The liar only lowers the odds of handing a pending point out again; on small discrete spaces
      // the best candidate can still coincide with one. Encore then redraws (the PRNG has moved on),
      // and finally falls back to random search, so parallel workers never train the same settings.
      const pending = new Set(
        ctx.trials.filter((t) => t.state === 'running').map((t) => paramsKey(t.params)),
      );
      let params = draw(ctx);
      if (!o.constantLiar) return params;
      for (let i = 0; i < MAX_REDRAWS && pending.has(paramsKey(params)); i++) {
        params = i < MAX_REDRAWS / 2 ? draw(ctx) : sampleRandomParams(ctx.space, ctx.rng);
      }
      return params;
    },
  };
}

/** One TPE step over a group of parameters (one, or several jointly in multivariate mode). */
function sampleGroup(
  specs: readonly ParamSpec[],
  trials: readonly TrialRecord[],
  ctx: { direction: SampleContext['direction']; rng: Rng },
  o: { nEiCandidates: number; constantLiar: boolean },
  settings: ParzenSettings,
): Record<string, ParamValue> {
  const obs = collectObservations(trials, specs, ctx.direction, o.constantLiar);
  const { below, above } = splitObservations(obs, defaultGamma(countFinished(obs)));
  // Split over all trials first, then keep those that have the parameters (conditional ones may be absent).
  const pick = (idx: number[]): SampleSet => {
    const kept = idx.filter((i) => specs.every((s) => obs[i]?.values[s.name] !== undefined));
    const set: SampleSet = {};
    for (const s of specs) set[s.name] = kept.map((i) => obs[i]?.values[s.name] as number);
    return set;
  };
  const l = new ParzenEstimator(pick(below), specs, settings);
  const g = new ParzenEstimator(pick(above), specs, settings);
  const candidates = l.sample(ctx.rng, o.nEiCandidates);
  const ll = l.logPdf(candidates);
  const lg = g.logPdf(candidates);
  let best = 0;
  for (let i = 1; i < ll.length; i++) {
    if ((ll[i] as number) - (lg[i] as number) > (ll[best] as number) - (lg[best] as number)) best = i;
  }
  const out: Record<string, ParamValue> = {};
  for (const s of specs) out[s.name] = fromInternal(s, (candidates[s.name] as number[])[best] as number);
  return out;
}
