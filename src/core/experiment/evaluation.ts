/**
 * The evaluation of one trained run on its held-out test rows: metrics with bootstrap intervals,
 * baselines fitted on the same training rows, chart data, permutation importance, partial
 * dependence and bias by group. The result is plain data (no functions, class instances or
 * Maps), so it crosses the worker boundary and is stored in IndexedDB as it is.
 *
 * Cost: every step works on at most a few thousand rows (seeded samples) except the metric
 * bootstrap, whose resamples must have the test set's own size to give honest intervals.
 */
import type { Task } from '../data/task';
import { type Table, getColumn } from '../data/table';
import { type FamiliarityReport, type BiasReport, biasByArtistFamiliarity, biasByColumn } from '../bias';
import {
  type ClassificationMetrics,
  type HistogramBin,
  type ImportanceResult,
  type Interval,
  type PartialDependence,
  type RegressionMetrics,
  type ResidualVsFeature,
  type CalibrationBin,
  type FeatureGroup,
  bestSingleFeatureRule,
  bootstrapMetrics,
  calibrationBins,
  chooseThreshold,
  classificationMetrics,
  featureGroups,
  fitLinearBaseline,
  lowerBound,
  meanBaseline,
  partialDependence,
  permutationImportance,
  prCurve,
  predictedVsActual,
  regressionMetrics,
  residualHistogram,
  residualVsFeature,
  rocCurve,
  sampleIndices,
} from '../evaluate';
import { defaultBiasColumns, findArtistColumn } from '../bias/columns';

export interface EvaluationInput {
  table: Table;
  task: Task;
  seed: number;
  trainRows: Int32Array;
  testRows: Int32Array;
  /** Model inputs of the test rows, row-major [nTest, nFeatures], and the train rows (for the linear baseline and the rule). */
  xTest: Float32Array;
  xTrain: Float32Array;
  nFeatures: number;
  featureNames: string[];
  sourceColumn: string[];
  /** Targets in original units (regression) or 0/1 (classification). Shapes [nTest], [nTrain]. */
  yTest: Float32Array;
  yTrain: Float32Array;
  /** Model predictions on the test rows in original units (regression) or probabilities (classification). */
  testPredicted: Float32Array;
  /** Predict from model inputs (scaled X, as transformFeatures gives) to original units / probabilities. */
  /** Absent for models with non-tabular inputs (audio matrices): importance and dependence are then skipped. */
  predict?: (X: Float32Array) => Promise<Float32Array> | Float32Array;
  /** Classification decision threshold chosen on validation data (default 0.5). */
  threshold?: number;
  /** Columns for the bias analysis (default: defaultBiasColumns(table, target, featureColumns)). */
  biasColumns?: string[];
  /** Artist column for known-vs-unseen analysis (default: one named like artist / performer, if any). */
  artistColumn?: string;
  target: string;
  onProgress?: (fraction: number, what: string) => void;
}

export interface BaselineResult {
  id: 'mean' | 'linear' | 'rule';
  label: string;
  description: string;
  metrics: RegressionMetrics | ClassificationMetrics;
}

/** Residuals against one numeric source column of the table (raw units). */
export interface FeatureResiduals extends ResidualVsFeature {
  column: string;
}

export interface EvaluationPlots {
  predictedVsActual: { actual: number; predicted: number }[];
  residualHistogram: HistogramBin[];
  /** One entry per numeric source column (most important first, at most 20), points downsampled. */
  residualVsFeature: FeatureResiduals[];
  calibration?: CalibrationBin[];
  roc?: { fpr: number; tpr: number }[];
  pr?: { recall: number; precision: number }[];
}

export interface Evaluation {
  task: Task;
  /** Test rows evaluated. */
  nTest: number;
  /** Source columns behind the model inputs, in input order. */
  featureColumns: string[];
  /** Classification: the decision threshold used for the metrics. */
  threshold?: number;
  /** Every numeric model metric (n and threshold excluded) with a bootstrap 95% interval. */
  intervals: Record<string, Interval>;
  /** Mean / majority, linear (ridge) or logistic on the same inputs, best single-feature rule. */
  baselines: BaselineResult[];
  plots: EvaluationPlots;
  /** Permutation importance on (a sample of) the test rows, grouped by source column, 5 repeats. */
  importance: ImportanceResult;
  /** Partial dependence for the top 3 source columns by importance. */
  dependence: PartialDependence[];
  /** One report per bias column. */
  bias: BiasReport[];
  /** Known vs unseen artists, when an artist column exists. */
  familiarity?: FamiliarityReport;
  /** Columns used for bias and familiarity, and notes on what was sampled or skipped. */
  biasColumns: string[];
  artistColumn?: string;
  notes: string[];
}

/** Rows used by importance and partial dependence (predict is called ~1 + 5 x columns times on them). */
const IMPORTANCE_ROWS = 2000;
/** Training rows used to fit the linear baseline and the rule. */
const BASELINE_ROWS = 20000;
/** Budget n x (d+1)^2 for the logistic baseline's Newton steps. */
const LOGISTIC_BUDGET = 1.5e7;

/** Evaluate a trained run on its test rows; see the module comment. Throws Error on mismatched shapes. */
export async function evaluateRun(input: EvaluationInput): Promise<Evaluation> {
  const { task, seed, nFeatures: d, testRows, yTest, testPredicted: pred } = input;
  const n = testRows.length;
  const progress = input.onProgress ?? (() => {});
  checkShapes(input);
  const cls = task === 'classification';
  const threshold = cls ? (input.threshold ?? 0.5) : undefined;
  const notes: string[] = [];
  const iterations = n <= 2000 ? 500 : 200;

  progress(0, 'confidence intervals');
  const metricFn = (t: Float64Array, p: Float64Array) =>
    cls ? classificationMetrics(t, p, threshold) : regressionMetrics(t, p);
  const boot = bootstrapMetrics(yTest, pred, metricFn, { iterations, seed }) as Record<string, Interval>;
  const intervals: Record<string, Interval> = {};
  for (const [k, v] of Object.entries(boot)) if (k !== 'n' && k !== 'threshold') intervals[k] = v;

  progress(0.15, 'baselines');
  const baselines = fitBaselines(input, notes);

  progress(0.3, 'feature importance');
  const sample = sampleIndices(n, IMPORTANCE_ROWS, seed);
  if (sample.length < n)
    notes.push(`Importance and partial dependence use ${sample.length} of ${n} test rows (seeded sample).`);
  const xs = takeRowsOf(input.xTest, d, sample);
  const ys = Float32Array.from(sample, (i) => yTest[i]!);
  const groups = featureGroups(input.sourceColumn);
  const bothClasses = cls && ys.some((v) => v >= 0.5) && ys.some((v) => v < 0.5);
  const metricName = cls ? (bothClasses ? 'rocAuc' : 'logLoss') : 'rmse';
  let importance: ImportanceResult = {
    metric: metricName,
    higherIsBetter: metricName === 'rocAuc',
    baseline: NaN,
    features: [],
  };
  const dependence: PartialDependence[] = [];
  const predict = input.predict;
  if (!predict) {
    notes.push(
      'Feature importance and partial dependence are not computed for models that read audio matrices or learn embeddings.',
    );
  } else {
    importance = await permutationImportance(predict, xs, d, ys, groups, metricName, {
      repeats: 5,
      seed,
      onProgress: (done, total) => progress(0.3 + (0.4 * done) / total, 'feature importance'),
    });
    progress(0.7, 'partial dependence');
    for (const entry of importance.features.slice(0, 3)) {
      const group = groups.find((g) => g.name === entry.name)!;
      dependence.push(await dependenceOf({ ...input, predict }, group, xs, sample));
    }
  }

  progress(0.8, 'plots');
  const plots = plotData(input, importance, seed);

  progress(0.85, 'bias analysis');
  const featureColumns = groups.map((g) => g.name);
  const biasColumns = input.biasColumns ?? defaultBiasColumns(input.table, input.target, featureColumns);
  const statOpts = { task, seed, iterations, threshold };
  const bias = biasColumns.map((c, i) => {
    progress(0.85 + (0.1 * i) / biasColumns.length, `bias by ${c}`);
    return biasByColumn(input.table, testRows, yTest, pred, c, statOpts);
  });
  const artistColumn = input.artistColumn ?? findArtistColumn(input.table);
  let familiarity: FamiliarityReport | undefined;
  if (artistColumn) {
    progress(0.95, 'known vs unseen artists');
    familiarity = biasByArtistFamiliarity(
      input.table,
      input.trainRows,
      testRows,
      yTest,
      pred,
      artistColumn,
      statOpts,
    );
  }
  progress(1, 'done');
  return {
    task,
    nTest: n,
    featureColumns,
    threshold,
    intervals,
    baselines,
    plots,
    importance,
    dependence,
    bias,
    familiarity,
    biasColumns,
    artistColumn,
    notes,
  };
}

function checkShapes(input: EvaluationInput): void {
  const { nFeatures: d, testRows, trainRows } = input;
  const n = testRows.length;
  const bad = (what: string) => {
    throw new Error(`Evaluation: ${what}. Re-run the experiment so its outputs line up.`);
  };
  if (n === 0) bad('there are no test rows');
  if (!(d >= 1)) bad('the model has no inputs');
  if (input.xTest.length !== n * d)
    bad(`xTest holds ${input.xTest.length} numbers, not ${n} rows x ${d} inputs`);
  if (input.xTrain.length !== trainRows.length * d)
    bad(`xTrain holds ${input.xTrain.length} numbers, not ${trainRows.length} rows x ${d} inputs`);
  if (input.yTest.length !== n || input.testPredicted.length !== n)
    bad(`${n} test rows but ${input.yTest.length} targets and ${input.testPredicted.length} predictions`);
  if (input.yTrain.length !== trainRows.length)
    bad(`${trainRows.length} training rows but ${input.yTrain.length} targets`);
  if (input.featureNames.length !== d || input.sourceColumn.length !== d)
    bad(`${d} inputs but ${input.featureNames.length} names and ${input.sourceColumn.length} source columns`);
}

/** Rows `rows` of row-major X [*, d]. */
function takeRowsOf(X: Float32Array, d: number, rows: ArrayLike<number>): Float32Array {
  const out = new Float32Array(rows.length * d);
  for (let i = 0; i < rows.length; i++) out.set(X.subarray(rows[i]! * d, rows[i]! * d + d), i * d);
  return out;
}

const fmt = (v: number) => String(+v.toPrecision(4));

/** Mean / majority, linear / logistic and single-feature-rule baselines, scored on the test rows. */
function fitBaselines(input: EvaluationInput, notes: string[]): BaselineResult[] {
  const { task, nFeatures: d, xTest, yTest, seed } = input;
  const cls = task === 'classification';
  const score = (p: Float32Array, threshold = 0.5) =>
    cls ? classificationMetrics(yTest, p, threshold) : regressionMetrics(yTest, p);
  const mean = meanBaseline(input.yTrain)(yTest.length);
  const out: BaselineResult[] = [
    {
      id: 'mean',
      label: cls ? 'Majority class' : 'Mean',
      description: cls
        ? `predicts the training positive rate (${fmt(100 * mean[0]!)}%) for every track`
        : `predicts the training mean (${fmt(mean[0]!)}) for every track`,
      metrics: score(mean),
    },
  ];
  const nTrain = input.trainRows.length;
  let cap = Math.min(BASELINE_ROWS, nTrain);
  if (cls) cap = Math.min(cap, Math.max(2000, Math.floor(LOGISTIC_BUDGET / (d + 1) ** 2)));
  const rows = sampleIndices(nTrain, cap, seed + 1);
  if (rows.length < nTrain)
    notes.push(
      `Linear baseline and rule fitted on ${rows.length} of ${nTrain} training rows (seeded sample).`,
    );
  const X = rows.length < nTrain ? takeRowsOf(input.xTrain, d, rows) : input.xTrain;
  const y = rows.length < nTrain ? Float32Array.from(rows, (i) => input.yTrain[i]!) : input.yTrain;
  // Classifiers' thresholds are chosen on their own training rows, as the model's was on validation rows.
  const thresholdOn = (p: Float32Array) => (cls ? chooseThreshold(y, p) : 0.5);
  try {
    const lin = fitLinearBaseline(X, d, y, { task, ridge: 1 });
    out.push({
      id: 'linear',
      label: cls ? 'Logistic regression' : 'Linear (ridge)',
      description: `${cls ? 'L2 logistic' : 'ridge'} regression on the same ${d} model inputs`,
      metrics: score(lin.predict(xTest), thresholdOn(lin.predict(X))),
    });
  } catch (e) {
    notes.push(`Linear baseline skipped: ${(e as Error).message}`);
  }
  try {
    const rule = bestSingleFeatureRule(X, d, y, input.featureNames, task);
    out.push({
      id: 'rule',
      label: 'Best single-feature rule',
      description: rule.description,
      metrics: score(rule.predict(xTest), thresholdOn(rule.predict(X))),
    });
  } catch (e) {
    notes.push(`Single-feature rule skipped: ${(e as Error).message}`);
  }
  return out;
}

/**
 * Partial dependence of one source column. One-hot groups ("genre=pop", ...) are set level by
 * level; other groups (a number with a missing flag, a date's year/month/age) sweep their first
 * input, labelled in the table's raw units when the source column is numeric.
 */
async function dependenceOf(
  input: EvaluationInput & { predict: NonNullable<EvaluationInput['predict']> },
  group: FeatureGroup,
  xs: Float32Array,
  sample: Int32Array,
): Promise<PartialDependence> {
  const { nFeatures: d, featureNames, predict, seed } = input;
  const prefix = `${group.name}=`;
  const levels = group.columns.filter((c) => featureNames[c]!.startsWith(prefix));
  if (levels.length > 1) {
    return partialDependence(
      predict,
      xs,
      d,
      { name: group.name, columns: levels },
      {
        seed,
        levels: levels.map((c) => featureNames[c]!.slice(prefix.length)),
      },
    );
  }
  const main = group.columns.find((c) => !featureNames[c]!.endsWith('__missing')) ?? group.columns[0]!;
  const name =
    featureNames[main] === group.name || group.columns.length === 1 ? group.name : featureNames[main]!;
  const col = getColumn(input.table, group.name);
  let format: ((v: number) => string) | undefined;
  if (col?.kind === 'number' && featureNames[main] === group.name) {
    // Monotone scalings (standard, min-max, log1p) keep order, so raw units follow by interpolation.
    const pairs: [number, number][] = [];
    sample.forEach((r, i) => {
      const raw = col.values[input.testRows[r]!]!;
      if (Number.isFinite(raw)) pairs.push([xs[i * d + main]!, raw]);
    });
    pairs.sort((a, b) => a[0] - b[0]);
    const sx = pairs.map((p) => p[0]);
    if (pairs.length >= 2) {
      format = (v) => {
        const k = Math.min(pairs.length - 1, Math.max(1, lowerBound(sx, v)));
        const [x0, r0] = pairs[k - 1]!;
        const [x1, r1] = pairs[k]!;
        return fmt(x1 === x0 ? r1 : r0 + ((r1 - r0) * (v - x0)) / (x1 - x0));
      };
    }
  }
  return partialDependence(predict, xs, d, { name, columns: [main] }, { seed, format });
}

/** Chart data: predicted vs actual, residuals, and for classifiers calibration, ROC and PR. */
function plotData(input: EvaluationInput, importance: ImportanceResult, seed: number): EvaluationPlots {
  const { yTest, testPredicted: pred, table, testRows } = input;
  const rank = new Map(importance.features.map((f, i) => [f.name, i]));
  const numeric = [...new Set(input.sourceColumn)]
    .filter((c) => getColumn(table, c)?.kind === 'number')
    .sort((a, b) => (rank.get(a) ?? 1e9) - (rank.get(b) ?? 1e9))
    .slice(0, 20);
  const residualVs = numeric.map((column) => {
    const col = getColumn(table, column) as { values: Float64Array };
    const x = Float64Array.from(testRows, (r) => col.values[r]!);
    return { column, ...residualVsFeature(x, yTest, pred, { maxPoints: 500, bins: 20, seed }) };
  });
  const plots: EvaluationPlots = {
    predictedVsActual: predictedVsActual(yTest, pred, { maxPoints: 2000, seed }),
    residualHistogram: residualHistogram(yTest, pred, 30),
    residualVsFeature: residualVs,
  };
  if (input.task === 'classification') {
    plots.calibration = calibrationBins(yTest, pred, 10);
    plots.roc = rocCurve(yTest, pred, 200).map(({ fpr, tpr }) => ({ fpr, tpr }));
    plots.pr = prCurve(yTest, pred, 200).map(({ recall, precision }) => ({ recall, precision }));
  }
  return plots;
}

export { defaultBiasColumns, findArtistColumn };
