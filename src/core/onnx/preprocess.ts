/**
 * Folding the fitted numeric preprocessing into the ONNX graph. When every tabular feature is a plain number
 * whose chain is impute -> (x - center) / scale (standard, min-max, robust or no scaling: all a shift and a scale),
 * the graph gets those nodes in front and takes raw numbers; anything else (log1p, clipping, missing indicators,
 * one-hot / multi-hot / target encodings, booleans and dates read from text) keeps the graph on prepared features.
 */
import type { FittedFeature, FittedNumeric, FittedPipeline } from '../prep/types';
import type { GraphBuilder } from './graph';

/** Per tabular column (the pipeline's featureNames order): what the folded nodes apply. Shape: each [d]. */
export interface TabularFold {
  /** True when the graph can take raw numbers. */
  folded: boolean;
  /** Why not, naming the features (empty when folded). */
  reasons: string[];
  columns: string[];
  impute: number[];
  center: number[];
  scale: number[];
}

/** Why a feature cannot be folded, or null when it is a plain shift and scale of a number column. */
function blocker(f: FittedFeature): string | null {
  if (f.kind === 'embedding') return null; // a separate integer input, not a tabular column
  if (f.kind !== 'numeric') return `"${f.column}" is ${f.kind === 'target' ? 'target' : f.kind}-encoded`;
  if (f.reader !== 'number')
    return `"${f.name}" is read from ${f.reader === 'boolean' ? 'true/false text' : 'a date'}`;
  if (f.log1p) return `"${f.name}" uses log1p scaling`;
  if (f.clip) return `"${f.name}" is clipped at percentiles`;
  if (f.missingIndicator) return `"${f.name}" has a missing-value indicator column`;
  return null;
}

/**
 * Decide whether the pipeline's tabular preprocessing folds into the graph, and with which constants.
 * Columns follow `pipeline.featureNames` (the tabular input's column order).
 */
export function planTabularFold(p: FittedPipeline): TabularFold {
  const reasons = p.features.map(blocker).filter((r): r is string => r !== null);
  const numeric = p.features.filter((f): f is FittedNumeric => f.kind === 'numeric');
  const fold: TabularFold = {
    folded: reasons.length === 0,
    reasons,
    columns: [],
    impute: [],
    center: [],
    scale: [],
  };
  if (!fold.folded) return fold;
  for (const f of numeric) {
    fold.columns.push(f.name);
    fold.impute.push(f.impute);
    fold.center.push(f.center);
    fold.scale.push(f.scale);
  }
  if (fold.columns.join('\u0000') !== p.featureNames.join('\u0000')) {
    return { ...fold, folded: false, reasons: ['the numeric features do not line up with featureNames'] };
  }
  return fold;
}

/**
 * Emit the folded preprocessing for raw input `x` [n, d]: non-finite cells (NaN, ±Inf: missing) take the training
 * imputation, then (x - center) / scale, exactly applyNumeric's chain. Returns the prepared value [n, d].
 */
export function emitTabularFold(g: GraphBuilder, x: string, fold: TabularFold): string {
  const d = [fold.columns.length];
  const missing = g.op(
    'Or',
    [g.op('IsNaN', [x], 'prep/IsNaN'), g.op('IsInf', [x], 'prep/IsInf')],
    'prep/Missing',
  );
  const filled = g.op('Where', [missing, g.floats('prep/impute', fold.impute, d), x], 'prep/Impute');
  const centred = g.op('Sub', [filled, g.floats('prep/center', fold.center, d)], 'prep/Center');
  return g.op('Div', [centred, g.floats('prep/scale', fold.scale, d)], 'prep/Scale');
}
