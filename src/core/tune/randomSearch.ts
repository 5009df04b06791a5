/** Random search: every active parameter drawn uniformly (log-uniformly for log-floats) from the study PRNG. */
import { randInt, type Rng } from '../random';
import {
  effectiveHigh,
  isActive,
  isSingle,
  snap,
  stepOf,
  type ParamSpec,
  type ParamValue,
  type Params,
  type SearchSpace,
} from './space';
import type { Strategy } from './strategy';

/** One uniform draw of a parameter. A single-valued parameter returns its value without drawing. */
export function sampleUniform(spec: ParamSpec, rng: Rng): ParamValue {
  if (spec.type === 'choice') {
    return spec.choices.length === 1
      ? (spec.choices[0] as ParamValue)
      : (spec.choices[randInt(rng, spec.choices.length)] as ParamValue);
  }
  if (isSingle(spec)) return spec.low;
  if (spec.type === 'logfloat') {
    const lo = Math.log(spec.low);
    return Math.min(spec.high, Math.max(spec.low, Math.exp(lo + (Math.log(spec.high) - lo) * rng())));
  }
  const step = stepOf(spec);
  if (step === undefined) return spec.low + (spec.high - spec.low) * rng();
  const count = Math.round((effectiveHigh(spec) - spec.low) / step) + 1;
  return snap(spec.low + step * randInt(rng, count), step);
}

/** Uniform draws for the parameters active under the values drawn before them. */
export function sampleRandomParams(space: SearchSpace, rng: Rng): Params {
  const params: Params = {};
  for (const spec of space.params) {
    if (isActive(spec, params)) params[spec.name] = sampleUniform(spec, rng);
  }
  return params;
}

/** The random search strategy (no options: the study's seed makes it reproducible). */
export function randomSearch(): Strategy {
  return {
    id: 'random',
    options: {},
    suggest: (ctx) => sampleRandomParams(ctx.space, ctx.rng),
  };
}
