/**
 * Trial records: what a study remembers about each trial, and the JSON-safe encoding of numbers
 * (a diverged loss is NaN or Infinity, which plain JSON would turn into null).
 */
import type { Params } from './space';

/** Which way is better. Encore minimises by default (losses, errors). */
export type Direction = 'minimize' | 'maximize';

/** Lifecycle of a trial; 'running' is a pending trial: asked, not yet told. */
export type TrialState = 'running' | 'complete' | 'pruned' | 'failed';

/** What a worker receives: run the model with these settings. id is 0-based, as Optuna's trial number. */
export interface Trial {
  id: number;
  params: Params;
}

/** What a worker reports back: the objective, or that the trial failed or was pruned. */
export type TellResult = number | 'failed' | 'pruned';

/** A number that survives JSON: finite numbers as they are, others as 'NaN', 'Infinity', '-Infinity'. */
export type JsonNumber = number | 'NaN' | 'Infinity' | '-Infinity';

/** Everything a study keeps about one trial. */
export interface TrialRecord {
  id: number;
  params: Params;
  state: TrialState;
  /** complete: the objective; pruned: the last intermediate value (as Optuna records it). */
  value?: number;
  /** Intermediate values by step (epoch), for pruners and for ranking pruned trials in TPE. */
  intermediate: Record<number, number>;
  /** Why a trial failed, when known. */
  error?: string;
  /** Milliseconds since the Unix epoch. */
  startedAt: number;
  completedAt?: number;
}

/** A TrialRecord with its numbers made JSON-safe. */
export interface TrialJson extends Omit<TrialRecord, 'intermediate'> {
  intermediate: Record<string, JsonNumber>;
}

/** Encode a number for JSON. */
export function encodeNumber(x: number): JsonNumber {
  if (Number.isFinite(x)) return x;
  return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
}

/** Decode what encodeNumber wrote. */
export function decodeNumber(x: JsonNumber): number {
  return typeof x === 'number' ? x : Number(x);
}

/** Steps with a reported value, ascending. */
export function intermediateSteps(t: Pick<TrialRecord, 'intermediate'>): number[] {
  return Object.keys(t.intermediate)
    .map(Number)
    .sort((a, b) => a - b);
}

/** The JSON form of a trial record. */
export function trialToJson(t: TrialRecord): TrialJson {
  const intermediate: Record<string, JsonNumber> = {};
  for (const s of intermediateSteps(t)) intermediate[String(s)] = encodeNumber(t.intermediate[s] as number);
  return { ...t, params: { ...t.params }, intermediate };
}

/** Inverse of trialToJson. */
export function trialFromJson(t: TrialJson): TrialRecord {
  const intermediate: Record<number, number> = {};
  for (const [k, v] of Object.entries(t.intermediate)) intermediate[Number(k)] = decodeNumber(v);
  return { ...t, params: { ...t.params }, intermediate };
}

/** +1 when minimising, -1 when maximising: multiply a value to get a loss (smaller is better). */
export function lossSign(direction: Direction): 1 | -1 {
  return direction === 'minimize' ? 1 : -1;
}

/** The best complete trial, or undefined when none has completed. Ties go to the earlier trial. */
export function bestTrial(trials: readonly TrialRecord[], direction: Direction): TrialRecord | undefined {
  const sign = lossSign(direction);
  let best: TrialRecord | undefined;
  for (const t of trials) {
    if (t.state !== 'complete' || t.value === undefined) continue;
    if (!best || sign * t.value < sign * (best.value as number)) best = t;
  }
  return best;
}
