/**
 * Fit on training rows, apply everywhere: the fitted pipeline is plain versioned JSON holding every
 * imputer, clipper, scaler, vocabulary and encoding, so prediction applies exactly what training saw.
 */
import type { Table } from '../data/table';
import {
  applyOneHot,
  applyTargetEncoding,
  embeddingIds,
  fitEmbedding,
  fitOneHot,
  fitTargetEncoding,
  oneHotNames,
} from './categorical';
import { applyNumeric, fitNumeric, numericWidth } from './numeric';
import { allRows, readNumbers, requireColumn, stringCells } from './read';
import { applyTarget, fitTarget, invertTarget } from './target';
import type { FeatureSpec, FittedFeature, FittedPipeline, PrepConfig } from './types';
import { sortedFinite } from './values';

/** The encoding a spec gets when none is chosen. */
export function defaultEncoding(spec: FeatureSpec): FeatureSpec['encoding'] {
  if (spec.encoding) return spec.encoding;
  switch (spec.type) {
    case 'number':
    case 'integer':
    case 'boolean':
      return undefined;
    case 'multicategory':
      return 'multihot';
    case 'date':
      return 'date';
    default:
      return 'onehot';
  }
}

/**
 * Fit the pipeline on `trainRows` of `table` (row indices). Throws an Error naming the column when the
 * target or a feature column is absent. `seed` drives the folds of out-of-fold target encoding.
 */
export function fitPipeline(
  table: Table,
  trainRows: ArrayLike<number>,
  config: PrepConfig,
  seed = 0,
): FittedPipeline {
  const targetCol = requireColumn(table, config.target);
  const target = fitTarget(table, trainRows, config);
  let y: Float32Array | null = null;
  const features: FittedFeature[] = [];
  for (const spec of config.features) {
    if (spec.name === config.target) continue;
    const col = requireColumn(table, spec.name);
    const enc = defaultEncoding(spec);
    if (enc === undefined) {
      features.push(
        fitNumeric(col, spec, spec.type === 'boolean' ? 'boolean' : 'number', trainRows, spec.name),
      );
    } else if (enc === 'date') {
      // Dates become year, month and age in years (relative to the latest training date, not "today",
      // so the same pipeline gives the same numbers tomorrow).
      const s = sortedFinite(readNumbers(col, 'age', trainRows, 0));
      const reference = s.length ? -s[0]! : 0;
      const noClipLog: FeatureSpec = { ...spec, scaling: spec.scaling ?? 'standard' };
      features.push(fitNumeric(col, noClipLog, 'year', trainRows, `${spec.name}__year`));
      features.push(fitNumeric(col, noClipLog, 'month', trainRows, `${spec.name}__month`));
      features.push(fitNumeric(col, noClipLog, 'age', trainRows, `${spec.name}__age`, reference));
    } else if (enc === 'onehot' || enc === 'multihot') {
      features.push(fitOneHot(col, spec, trainRows, enc === 'multihot'));
    } else if (enc === 'embedding') {
      features.push(fitEmbedding(col, spec, trainRows));
    } else {
      y ??= applyTarget(target, targetCol, trainRows);
      features.push(fitTargetEncoding(col, spec, trainRows, y, table.rowCount, seed));
    }
  }
  const featureNames: string[] = [];
  const sourceColumn: string[] = [];
  for (const f of features) {
    const names =
      f.kind === 'numeric'
        ? [f.name, ...(f.missingIndicator ? [`${f.name}__missing`] : [])]
        : f.kind === 'embedding'
          ? []
          : f.kind === 'target'
            ? [f.column, ...(f.missingIndicator ? [`${f.column}__missing`] : [])]
            : oneHotNames(f);
    for (const n of names) {
      featureNames.push(n);
      sourceColumn.push(f.column);
    }
  }
  return { version: 1, config, seed, features, target, featureNames, sourceColumn };
}

function width(f: FittedFeature): number {
  if (f.kind === 'numeric') return numericWidth(f);
  if (f.kind === 'embedding') return 0;
  if (f.kind === 'target') return f.missingIndicator ? 2 : 1;
  return f.vocab.length + 1 + (f.missingIndicator ? 1 : 0);
}

/**
 * The feature matrix for `rows` (default all rows). X is row-major, shape [nRows, nFeatures], float32;
 * never NaN for present columns; unseen categories go to "other", missing cells are imputed.
 */
export function transformFeatures(
  p: FittedPipeline,
  table: Table,
  rows?: ArrayLike<number>,
): { X: Float32Array; nRows: number; nFeatures: number; featureNames: string[]; sourceColumn: string[] } {
  const r = rows ?? allRows(table.rowCount);
  const nFeatures = p.featureNames.length;
  const X = new Float32Array(r.length * nFeatures);
  let j = 0;
  for (const f of p.features) {
    const col = requireColumn(table, f.column);
    if (f.kind === 'numeric') applyNumeric(f, col, r, X, nFeatures, j);
    else if (f.kind === 'onehot' || f.kind === 'multihot') applyOneHot(f, col, r, X, nFeatures, j);
    else if (f.kind === 'target') applyTargetEncoding(f, col, r, X, nFeatures, j);
    j += width(f);
  }
  return {
    X,
    nRows: r.length,
    nFeatures,
    featureNames: p.featureNames.slice(),
    sourceColumn: p.sourceColumn.slice(),
  };
}

/** Target for `rows`: regression standardised (after optional log1p); classification 0/1; NaN when unusable. */
export function transformTarget(p: FittedPipeline, table: Table, rows?: ArrayLike<number>): Float32Array {
  return applyTarget(p.target, requireColumn(table, p.target.column), rows ?? allRows(table.rowCount));
}

/** Model outputs back to target units (regression); classification outputs are returned unchanged. */
export function inverseTarget(p: FittedPipeline, y: ArrayLike<number>): Float32Array {
  return invertTarget(p.target, y);
}

/**
 * Rows whose target is usable (present, and numeric for regression), also leaving out rows where a
 * feature with impute 'drop' is missing. Accepts a fitted pipeline or just the config.
 */
export function targetPresentRows(p: FittedPipeline | PrepConfig, table: Table): Int32Array {
  const config = 'version' in p ? p.config : p;
  const col = requireColumn(table, config.target);
  const n = table.rowCount;
  const ok = new Uint8Array(n).fill(1);
  if ('version' in p) {
    const y = applyTarget(p.target, col, allRows(n));
    for (let i = 0; i < n; i++) if (Number.isNaN(y[i]!)) ok[i] = 0;
  } else if (config.task === 'regression') {
    const x = readNumbers(col, 'number', allRows(n));
    for (let i = 0; i < n; i++) if (!Number.isFinite(x[i]!)) ok[i] = 0;
  } else {
    const { codes } = stringCells(col);
    for (let i = 0; i < n; i++) if (codes[i]! < 0) ok[i] = 0;
  }
  for (const spec of config.features) {
    if (spec.impute !== 'drop') continue;
    const fc = table.columns.find((c) => c.name === spec.name);
    if (!fc) continue;
    const { codes } = stringCells(fc);
    for (let i = 0; i < n; i++) if (codes[i]! < 0) ok[i] = 0;
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (ok[i]) out.push(i);
  return Int32Array.from(out);
}

/** Integer inputs for every feature encoded 'embedding': ids in [0, vocabSize), 0 = unknown or missing. */
export function embeddingInputs(
  p: FittedPipeline,
  table: Table,
  rows?: ArrayLike<number>,
): { name: string; ids: Int32Array; vocabSize: number }[] {
  const r = rows ?? allRows(table.rowCount);
  return p.features.flatMap((f) =>
    f.kind === 'embedding'
      ? [
          {
            name: f.column,
            ids: embeddingIds(f, requireColumn(table, f.column), r),
            vocabSize: f.vocab.length + 1,
          },
        ]
      : [],
  );
}
