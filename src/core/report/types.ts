/**
 * What a model card is made from: plain data the app already holds after a run. Every field
 * but data, split, model and metrics is optional; a section without data is left out.
 */
import type { Task } from '../data/task';
import type { FamiliarityReport, BiasReport } from '../bias';
import type { CalibrationBin, ImportanceResult, Interval, PartialDependence } from '../evaluate';
import type { LeakageFinding, SplitMethod } from '../split';

/** A metric's value alone, or with its bootstrap interval. */
export type MetricValue = number | Interval;

export interface ModelCardInput {
  /** Heading of the card (default "Model card"). */
  title?: string;
  /** When the model was trained, as the caller wants it shown (core has no clock). */
  createdAt?: string;
  data: {
    /** File or dataset name. */
    name: string;
    /** Rows in the file, and rows with a usable target. */
    rows: number;
    usableRows?: number;
    target: string;
    task: Task;
    /** Source columns used as features. */
    features: string[];
    /** Where the data comes from and its licence. */
    attribution?: string;
    notes?: string[];
  };
  split: {
    method: SplitMethod;
    /** Fractions 0..1. */
    train: number;
    val: number;
    test: number;
    seed: number;
    groupColumn?: string;
    timeColumn?: string;
    targetColumn?: string;
    /** Rows in each part. */
    sizes?: { train: number; val: number; test: number };
    warnings?: string[];
    leakage?: LeakageFinding[];
  };
  model: {
    /** E.g. "MLP (64, 32), relu". */
    name: string;
    params?: Record<string, string | number | boolean | null>;
    parameterCount?: number;
    epochs?: number;
    bestEpoch?: number;
    stopReason?: string;
    trainingSeconds?: number;
    backend?: string;
  };
  /**
   * Test metrics by key, e.g. the output of bootstrapMetrics(..., regressionMetrics) or plain
   * numbers: mse, rmse, mae, r2, spearman, within5, within10, accuracy, precision, recall, f1,
   * rocAuc, prAuc, logLoss (other keys are shown as they are named).
   */
  metrics: Record<string, MetricValue>;
  /** Classification: the decision threshold used for the metrics. */
  threshold?: number;
  /** Baselines on the same split, with the same metric keys. */
  baselines?: { name: string; description?: string; metrics: Record<string, MetricValue> }[];
  importance?: ImportanceResult;
  partialDependence?: PartialDependence[];
  bias?: BiasReport[];
  familiarity?: FamiliarityReport;
  /** Regression: a (downsampled) predicted-vs-actual sample from predictedVsActual(). */
  scatter?: { actual: number; predicted: number }[];
  /** Classification: ROC curve points from rocCurve(), and reliability bins from calibrationBins(). */
  roc?: { fpr: number; tpr: number }[];
  calibration?: CalibrationBin[];
  intendedUse?: string;
  limitations?: string[];
}
