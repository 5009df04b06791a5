/**
 * Turn a finished run (its config, sizes, training summary, metrics and Evaluation) into the
 * report module's ModelCardInput, so the app can offer the model card as Markdown or HTML.
 * The card is built from the Run alone: what it says is what ran.
 */
import type { Interval } from '../evaluate';
import type { SplitMethod } from '../split';
import type { MetricValue, ModelCardInput } from '../report';
import type { RunResult } from './types';

/** What the card needs beside the run: the model's label and, where known, the data's attribution. */
export interface ModelCardExtras {
  modelLabel: string;
  /** Where the data comes from and its licence. */
  attribution?: string;
}

/** Points kept in the card's predicted-vs-actual chart (the SVG grows with every point). */
const CARD_POINTS = 400;

/** A hyperparameter as the card shows it: numbers, booleans and strings as they are, the rest as JSON. */
function paramValue(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  if (Array.isArray(v))
    return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ');
  return JSON.stringify(v);
}

/** The numeric fields of a metrics object (confusion counts, n and threshold left out). */
function numericMetrics(m: object): Record<string, MetricValue> {
  const out: Record<string, MetricValue> = {};
  for (const [k, v] of Object.entries(m))
    if (typeof v === 'number' && k !== 'n' && k !== 'threshold') out[k] = v;
  return out;
}

/** At most `max` elements, evenly spaced, so a long sample keeps its spread. */
function thinOut<T>(xs: T[], max: number): T[] {
  if (xs.length <= max) return xs;
  return Array.from({ length: max }, (_, i) => xs[Math.floor((i * xs.length) / max)]!);
}

/**
 * The model card's input for a run: data, split (fractions from the sizes), model, test metrics
 * with their bootstrap intervals, baselines, importance, partial dependence, bias and artist
 * familiarity, the charts' data, and limitations drawn from the run (stop reason, weak model,
 * small test set, leakage). Plain data; feed it to modelCardMarkdown / modelCardHtml.
 */
export function modelCardInputOf(run: RunResult, extras: ModelCardExtras): ModelCardInput {
  const { evaluation: ev, config } = run;
  const task = config.prep.task;
  const target = config.prep.target;
  const dataName = config.data.name;
  const model = { id: config.modelId, label: extras.modelLabel, stopReason: run.stopReason };
  const { train, val, test } = run.sizes;
  const total = train + val + test;
  if (total === 0) throw new Error('The model card needs a split with at least one row.');
  const metrics: Record<string, MetricValue> = Object.keys(ev.intervals).length
    ? ({ ...ev.intervals } as Record<string, Interval>)
    : numericMetrics(run.metrics.model);
  const cls = task === 'classification';
  const limitations: string[] = [];
  if (model.stopReason === 'cancelled')
    limitations.push(
      'Training was stopped by hand before it finished; the weights are those of the best epoch seen.',
    );
  if (model.stopReason === 'diverged')
    limitations.push(
      'Training diverged (the loss became non-finite); the reported weights are from before that.',
    );
  const mean = ev.baselines.find((b) => b.id === 'mean');
  if (mean) {
    const key = cls ? 'rocAuc' : 'mae';
    const m = metrics[key];
    const b = (mean.metrics as unknown as Record<string, number>)[key];
    if (m !== undefined && typeof m !== 'number' && b !== undefined && Number.isFinite(b)) {
      const beats = cls ? m.lo > b : m.hi < b;
      if (!beats) {
        limitations.push(
          `The model does not clearly beat always predicting the ${cls ? 'majority rate' : 'training mean'} on ${cls ? 'ROC AUC' : 'MAE'}; treat its predictions as weak.`,
        );
      }
    }
  }
  limitations.push(...ev.notes);
  // A method the report does not know (a newer split) is shown by its name.
  const method = run.splitUsed.method as SplitMethod;
  const split = config.split;
  const card: ModelCardInput = {
    title: `Model card: ${model.label} predicting ${target}`,
    createdAt: run.createdAt,
    data: {
      name: dataName,
      rows: config.data.rows,
      usableRows: total,
      target,
      task,
      features: ev.featureColumns,
      attribution: extras.attribution,
      notes: [
        `${config.data.columns.length} columns in the file; ${ev.featureColumns.length} used as features.`,
        `Data fingerprint ${config.data.hash}; split seed ${split.seed}, training seed ${config.train.seed}.`,
      ],
    },
    split: {
      method,
      train: train / total,
      val: val / total,
      test: test / total,
      seed: split.seed,
      groupColumn: run.splitUsed.groupColumn,
      timeColumn: split.timeColumn,
      targetColumn: method === 'stratified' ? target : undefined,
      sizes: { train, val, test },
      warnings: run.warnings,
      leakage: run.leakage,
    },
    model: {
      name: model.label === model.id ? model.label : `${model.label} (${model.id})`,
      params: Object.fromEntries(Object.entries(config.modelParams).map(([k, v]) => [k, paramValue(v)])),
      parameterCount: run.summary.totalParams,
      epochs: run.history.length,
      bestEpoch: run.bestEpoch,
      stopReason: run.stopReason,
      trainingSeconds: run.trainingMs / 1000,
      backend: run.backend,
    },
    metrics,
    threshold: cls
      ? (ev.threshold ?? (run.metrics.task === 'classification' ? run.metrics.model.threshold : undefined))
      : undefined,
    baselines: ev.baselines.map((b) => ({
      name: b.label,
      description: b.description,
      metrics: numericMetrics(b.metrics),
    })),
    importance: ev.importance,
    partialDependence: ev.dependence,
    bias: ev.bias,
    familiarity: ev.familiarity,
    intendedUse: `An estimate of ${target} for tracks like those in ${dataName}, for exploring what the data says; not for decisions about individual artists or songs.`,
    limitations,
  };
  if (cls) {
    card.roc = ev.plots.roc;
    card.calibration = ev.plots.calibration;
  } else {
    card.scatter = thinOut(ev.plots.predictedVsActual, CARD_POINTS);
  }
  return card;
}
