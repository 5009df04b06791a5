/**
 * Turning trials into TPE observations, after Optuna's _get_observation_pairs and
 * _split_observation_pairs. Each usable trial gets a score (step, loss) that sorts lexicographically:
 * complete trials (step -Infinity) by loss, then pruned trials by how far they got (-last step) and
 * their last intermediate value, then pending trials under the constant liar (step +Infinity, loss
 * +Infinity: always in the "above" group, which steers the next suggestion away from them).
 */
import { toInternal, type ParamSpec } from '../space';
import { intermediateSteps, lossSign, type Direction, type TrialRecord } from '../trials';

/** One trial as TPE sees it: its score and its parameter values (internal representation). */
export interface Observation {
  step: number;
  loss: number;
  values: Record<string, number | undefined>;
}

/** Observations in chronological order. Failed trials are ignored; pending ones only with the liar. */
export function collectObservations(
  trials: readonly TrialRecord[],
  specs: readonly ParamSpec[],
  direction: Direction,
  constantLiar: boolean,
): Observation[] {
  const sign = lossSign(direction);
  const out: Observation[] = [];
  for (const t of trials) {
    let step: number;
    let loss: number;
    if (t.state === 'complete') {
      if (t.value === undefined) continue;
      step = -Infinity;
      loss = sign * t.value;
    } else if (t.state === 'pruned') {
      const steps = intermediateSteps(t);
      const last = steps[steps.length - 1];
      if (last === undefined) {
        step = 1;
        loss = 0;
      } else {
        const v = t.intermediate[last] as number;
        step = -last;
        loss = Number.isNaN(v) ? Infinity : sign * v;
      }
    } else if (t.state === 'running' && constantLiar) {
      step = Infinity;
      loss = Infinity;
    } else {
      continue;
    }
    const values: Record<string, number | undefined> = {};
    for (const spec of specs) {
      const v = t.params[spec.name];
      values[spec.name] = v === undefined ? undefined : toInternal(spec, v);
    }
    out.push({ step, loss, values });
  }
  return out;
}

/** How many observations count towards startup and gamma: all but the pending ones. */
export function countFinished(obs: readonly Observation[]): number {
  return obs.filter((o) => o.step < Infinity).length;
}

/** Indices of the nBelow best observations and of the rest, each in chronological order. */
export function splitObservations(
  obs: readonly Observation[],
  nBelow: number,
): { below: number[]; above: number[] } {
  // A stable sort by (step, loss), like numpy's argsort(kind="stable") on the structured array.
  const order = obs
    .map((_, i) => i)
    .sort((a, b) => {
      const oa = obs[a] as Observation;
      const ob = obs[b] as Observation;
      if (oa.step !== ob.step) return oa.step < ob.step ? -1 : 1;
      if (oa.loss !== ob.loss) return oa.loss < ob.loss ? -1 : 1;
      return a - b;
    });
  const below = order.slice(0, nBelow).sort((a, b) => a - b);
  const above = order.slice(nBelow).sort((a, b) => a - b);
  return { below, above };
}
