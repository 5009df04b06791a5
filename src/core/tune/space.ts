/**
 * Search spaces: what a tuner may vary. A space is an ordered list of parameters; a parameter may carry
 * a condition on an earlier one (units_3 exists only when layers >= 3), which keeps the space a plain
 * JSON object that the UI can render and a study can save.
 */

/** A value a parameter can take. */
export type ParamValue = string | number | boolean;

/** One trial's settings: parameter name -> value. Inactive conditional parameters are absent. */
export type Params = Record<string, ParamValue>;

/** How a condition compares the other parameter's value. */
export type ConditionOp = 'eq' | 'ne' | 'in' | 'gt' | 'gte' | 'lt' | 'lte';

/** "This parameter exists only when `param` `op` `value`." `in` takes a list of values. */
export interface Condition {
  param: string;
  op: ConditionOp;
  value: ParamValue | readonly ParamValue[];
}

interface ParamBase {
  name: string;
  /** When present, the parameter is sampled only if the condition holds on the earlier parameters. */
  when?: Condition;
}

/** A categorical parameter (Optuna's CategoricalDistribution). */
export interface ChoiceParam extends ParamBase {
  type: 'choice';
  choices: readonly ParamValue[];
}

/** Integers low, low + step, ... up to high (inclusive; step defaults to 1). */
export interface IntParam extends ParamBase {
  type: 'int';
  low: number;
  high: number;
  step?: number;
}

/** Reals in [low, high], or the grid low, low + step, ... when step is given. */
export interface FloatParam extends ParamBase {
  type: 'float';
  low: number;
  high: number;
  step?: number;
}

/** Reals in [low, high] sampled uniformly in log space (learning rates, weight decay). Needs low > 0. */
export interface LogFloatParam extends ParamBase {
  type: 'logfloat';
  low: number;
  high: number;
}

/** Any parameter of a search space. */
export type ParamSpec = ChoiceParam | IntParam | FloatParam | LogFloatParam;

/** An ordered list of parameters; a condition may only refer to a parameter listed before it. */
export interface SearchSpace {
  params: readonly ParamSpec[];
}

/** Whether `cond` holds for the parameters chosen so far (false when its parameter is absent). */
export function conditionHolds(cond: Condition, params: Params): boolean {
  const v = params[cond.param];
  if (v === undefined) return false;
  const target = cond.value;
  switch (cond.op) {
    case 'eq':
      return v === target;
    case 'ne':
      return v !== target;
    case 'in':
      return Array.isArray(target) && target.includes(v);
    case 'gt':
      return typeof v === 'number' && v > (target as number);
    case 'gte':
      return typeof v === 'number' && v >= (target as number);
    case 'lt':
      return typeof v === 'number' && v < (target as number);
    case 'lte':
      return typeof v === 'number' && v <= (target as number);
  }
}

/** Whether `spec` is active given the parameters chosen so far. */
export function isActive(spec: ParamSpec, params: Params): boolean {
  return spec.when === undefined || conditionHolds(spec.when, params);
}

/** The step of a numeric parameter (1 for int, undefined for a continuous float). */
export function stepOf(spec: IntParam | FloatParam | LogFloatParam): number | undefined {
  if (spec.type === 'int') return spec.step ?? 1;
  if (spec.type === 'float') return spec.step;
  return undefined;
}

/** The largest reachable value: high rounded down onto the step grid (as Optuna adjusts `high`). */
export function effectiveHigh(spec: IntParam | FloatParam | LogFloatParam): number {
  const step = stepOf(spec);
  if (step === undefined) return spec.high;
  const n = Math.floor((spec.high - spec.low) / step + 1e-9);
  return snap(spec.low + n * step, step);
}

/** Round away binary noise from low + k * step (0.1 + 2 * 0.1 -> 0.3, not 0.30000000000000004). */
export function snap(x: number, step: number): number {
  const decimals = Math.min(12, Math.max(0, -Math.floor(Math.log10(step)) + 3));
  return Number(x.toFixed(decimals));
}

/** Whether the parameter can take a single value only (Optuna's distribution.single()). */
export function isSingle(spec: ParamSpec): boolean {
  if (spec.type === 'choice') return spec.choices.length === 1;
  return effectiveHigh(spec) === spec.low;
}

/** A canonical string for a parameter set (sorted keys), to spot duplicates. */
export function paramsKey(params: Params): string {
  return JSON.stringify(
    Object.keys(params)
      .sort()
      .map((k) => [k, params[k]]),
  );
}

/** Optuna's internal representation: the choice index for a categorical, the number otherwise. */
export function toInternal(spec: ParamSpec, value: ParamValue): number {
  if (spec.type === 'choice') return spec.choices.indexOf(value);
  return value as number;
}

/** Inverse of toInternal. */
export function fromInternal(spec: ParamSpec, x: number): ParamValue {
  if (spec.type === 'choice') return spec.choices[x] as ParamValue;
  return x;
}
