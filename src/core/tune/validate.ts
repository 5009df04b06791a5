/**
 * Checks a tuning request before anything runs, returning every problem as a message a person can act
 * on (shown next to the control that caused it), never throwing.
 */
import type { ParamSpec, SearchSpace } from './space';

/** One problem: `path` names the offending field ("space", "params.lr.low", "budget"). */
export interface TuneIssue {
  path: string;
  message: string;
}

/** What validateTuning looks at. */
export interface TuneRequest {
  space: SearchSpace;
  /** Number of trials (or, for a resource-based scheduler, the trial budget). */
  budget: number;
  /** The model's parameter names plus the training settings' names; unknown names are reported. */
  knownParams?: readonly string[];
}

/** Every problem in a tuning request; an empty list means it can run. */
export function validateTuning(req: TuneRequest): TuneIssue[] {
  const issues: TuneIssue[] = [];
  if (!Number.isFinite(req.budget) || !Number.isInteger(req.budget)) {
    issues.push({
      path: 'budget',
      message: `The budget must be a whole number of trials (got ${req.budget}).`,
    });
  } else if (req.budget < 1) {
    issues.push({ path: 'budget', message: `The budget must be at least 1 trial (got ${req.budget}).` });
  }
  const params = req.space?.params ?? [];
  if (params.length === 0) {
    issues.push({ path: 'space', message: 'The search space is empty: add at least one parameter to tune.' });
  }
  const seen = new Map<string, ParamSpec>();
  const known = req.knownParams ? new Set(req.knownParams) : undefined;
  for (const spec of params) {
    const label = `Parameter "${spec.name}"`;
    const path = `params.${spec.name}`;
    if (!spec.name) issues.push({ path: 'params', message: 'A parameter has no name.' });
    if (seen.has(spec.name)) issues.push({ path, message: `${label} is listed twice.` });
    if (known && spec.name && !known.has(spec.name)) {
      const list = [...known].sort().join(', ');
      issues.push({
        path,
        message: `${label} is not a setting of this model or of training, so tuning it would change nothing. Known settings: ${list}.`,
      });
    }
    issues.push(...checkRange(spec, label, path));
    issues.push(...checkCondition(spec, seen, label, path));
    seen.set(spec.name, spec);
  }
  return issues;
}

function checkRange(spec: ParamSpec, label: string, path: string): TuneIssue[] {
  if (spec.type === 'choice') {
    if (spec.choices.length === 0)
      return [{ path: `${path}.choices`, message: `${label} has no choices: add at least one.` }];
    if (new Set(spec.choices).size !== spec.choices.length) {
      return [{ path: `${path}.choices`, message: `${label} lists the same choice twice.` }];
    }
    return [];
  }
  const out: TuneIssue[] = [];
  if (!Number.isFinite(spec.low) || !Number.isFinite(spec.high)) {
    return [{ path, message: `${label}: min and max must be numbers (got ${spec.low} and ${spec.high}).` }];
  }
  if (spec.low > spec.high) {
    out.push({
      path: `${path}.low`,
      message: `${label}: min (${spec.low}) is greater than max (${spec.high}).`,
    });
  }
  if (spec.type === 'logfloat' && spec.low <= 0) {
    out.push({ path: `${path}.low`, message: `${label}: a log range needs min > 0 (got ${spec.low}).` });
  }
  if (spec.type === 'int' && (!Number.isInteger(spec.low) || !Number.isInteger(spec.high))) {
    out.push({
      path,
      message: `${label}: an integer range needs whole-number min and max (got ${spec.low} and ${spec.high}).`,
    });
  }
  const step = spec.type === 'logfloat' ? undefined : spec.step;
  if (step !== undefined && (!Number.isFinite(step) || step <= 0)) {
    out.push({ path: `${path}.step`, message: `${label}: the step must be greater than 0 (got ${step}).` });
  } else if (spec.type === 'int' && step !== undefined && !Number.isInteger(step)) {
    out.push({
      path: `${path}.step`,
      message: `${label}: an integer step must be a whole number (got ${step}).`,
    });
  }
  return out;
}

function checkCondition(
  spec: ParamSpec,
  earlier: Map<string, ParamSpec>,
  label: string,
  path: string,
): TuneIssue[] {
  const cond = spec.when;
  if (!cond) return [];
  if (cond.param === spec.name)
    return [{ path: `${path}.when`, message: `${label} cannot depend on itself.` }];
  const parent = earlier.get(cond.param);
  if (!parent) {
    return [
      {
        path: `${path}.when`,
        message: `${label} depends on "${cond.param}", which is not a parameter listed before it.`,
      },
    ];
  }
  if (cond.op === 'in' && !Array.isArray(cond.value)) {
    return [{ path: `${path}.when`, message: `${label}: the condition "in" needs a list of values.` }];
  }
  const ordered = cond.op === 'gt' || cond.op === 'gte' || cond.op === 'lt' || cond.op === 'lte';
  if (ordered && (parent.type === 'choice' || typeof cond.value !== 'number')) {
    return [
      {
        path: `${path}.when`,
        message: `${label}: the condition "${cond.op}" compares numbers, but "${cond.param}" is not numeric or the value is not a number.`,
      },
    ];
  }
  return [];
}
