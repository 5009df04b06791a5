/**
 * Export a study as an Optuna journal file (JournalFileStorage / JournalFileBackend): one JSON
 * operation per line, as optuna/storages/_journal/storage.py writes them, so that
 * `optuna.load_study(storage=JournalStorage(JournalFileStorage(path)))` replays Encore's trials.
 * Ops: CREATE_STUDY (name and directions in one op, as Optuna writes it), SET_STUDY_USER_ATTR,
 * then per trial CREATE_TRIAL, SET_TRIAL_PARAM (with the distribution JSON), SET_TRIAL_INTERMEDIATE_VALUE
 * and SET_TRIAL_STATE_VALUES. Pending trials are left RUNNING.
 */
import { effectiveHigh, toInternal, type ParamSpec } from './space';
import type { StudyState } from './study';
import { intermediateSteps, trialFromJson, type TrialState } from './trials';

/** Optuna's JournalOperation codes. */
export const JournalOp = {
  CREATE_STUDY: 0,
  SET_STUDY_USER_ATTR: 2,
  CREATE_TRIAL: 4,
  SET_TRIAL_PARAM: 5,
  SET_TRIAL_STATE_VALUES: 6,
  SET_TRIAL_INTERMEDIATE_VALUE: 7,
} as const;

/** Optuna's TrialState numbers. */
const STATE: Record<TrialState, number> = { running: 0, complete: 1, pruned: 2, failed: 3 };

/** Journal export settings. */
export interface JournalOptions {
  /** Optuna's worker_id field; any string (Optuna uses uuid4 + thread id). */
  workerId?: string;
}

/** Optuna's distribution_to_json for a parameter: {"name": ..., "attributes": ...} as a JSON string. */
export function optunaDistributionJson(spec: ParamSpec): string {
  switch (spec.type) {
    case 'choice':
      return JSON.stringify({ name: 'CategoricalDistribution', attributes: { choices: spec.choices } });
    case 'int':
      return pyJson({
        name: 'IntDistribution',
        attributes: { log: false, step: spec.step ?? 1, low: spec.low, high: effectiveHigh(spec) },
      });
    case 'float':
      return pyJson({
        name: 'FloatDistribution',
        attributes: {
          step: spec.step === undefined ? null : asFloat(spec.step),
          low: asFloat(spec.low),
          high: asFloat(effectiveHigh(spec)),
          log: false,
        },
      });
    case 'logfloat':
      return pyJson({
        name: 'FloatDistribution',
        attributes: { step: null, low: asFloat(spec.low), high: asFloat(spec.high), log: true },
      });
  }
}

// Python's json writes floats as 1.0, NaN and Infinity; JSON.stringify writes 1 and null. Floats are
// marked with a private-use prefix and rewritten after stringifying.
const MARK = '\uE000f:';
function asFloat(x: number): string {
  const s = Number.isNaN(x)
    ? 'NaN'
    : x === Infinity
      ? 'Infinity'
      : x === -Infinity
        ? '-Infinity'
        : Number.isInteger(x)
          ? `${x}.0`
          : String(x);
  return MARK + s;
}
function pyJson(value: unknown): string {
  return JSON.stringify(value).replace(/"\uE000f:([^"]*)"/g, '$1');
}

/** Optuna's datetime.isoformat(timespec="microseconds") of a UTC time (naive, as Optuna writes local time). */
function isoMicros(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '000');
}

/** The study as Optuna journal lines (newline-terminated), study_id 0 and trial ids 0..n-1. */
export function toOptunaJournal(state: StudyState, options: JournalOptions = {}): string {
  const worker = options.workerId ?? 'encore-0';
  const lines: string[] = [];
  const op = (code: number, fields: Record<string, unknown>): void => {
    lines.push(pyJson({ op_code: code, worker_id: worker, ...fields }));
  };
  op(JournalOp.CREATE_STUDY, {
    study_name: state.name,
    directions: [state.direction === 'minimize' ? 1 : 2],
  });
  op(JournalOp.SET_STUDY_USER_ATTR, { study_id: 0, user_attr: { encore_strategy: state.strategy } });
  for (const json of state.trials) {
    const t = trialFromJson(json);
    op(JournalOp.CREATE_TRIAL, { study_id: 0, datetime_start: isoMicros(t.startedAt) });
    for (const spec of state.space.params) {
      const v = t.params[spec.name];
      if (v === undefined) continue;
      const internal = toInternal(spec, v);
      op(JournalOp.SET_TRIAL_PARAM, {
        trial_id: t.id,
        param_name: spec.name,
        param_value_internal: spec.type === 'choice' ? internal : asFloat(internal),
        distribution: optunaDistributionJson(spec),
      });
    }
    for (const step of intermediateSteps(t)) {
      op(JournalOp.SET_TRIAL_INTERMEDIATE_VALUE, {
        trial_id: t.id,
        step,
        intermediate_value: asFloat(t.intermediate[step] as number),
      });
    }
    if (t.state === 'running') continue;
    const values = t.value === undefined || t.state === 'failed' ? null : [asFloat(t.value)];
    op(JournalOp.SET_TRIAL_STATE_VALUES, {
      trial_id: t.id,
      state: STATE[t.state],
      values,
      datetime_complete: isoMicros(t.completedAt ?? t.startedAt),
    });
  }
  return lines.join('\n') + '\n';
}
