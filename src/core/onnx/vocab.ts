/**
 * Category vocabularies written beside the .onnx file as JSON: what turns a text cell into the numbers the graph
 * takes (embedding ids for the integer inputs; one-hot / multi-hot slots and target-encoding values for the
 * prepared tabular columns when preprocessing is not folded).
 */
import type { FittedPipeline } from '../prep/types';

/** One category column's vocabulary. */
export type CategoryVocabulary =
  | {
      column: string;
      kind: 'embedding';
      /** The ONNX input the ids go to (when the model has one). */
      input?: string;
      /** id = index + 1; 0 = unknown or missing. */
      vocab: string[];
    }
  | {
      column: string;
      kind: 'onehot' | 'multihot';
      /** Column `${column}=${vocab[k]}` is 1 for value k; `${column}=__other__` for any other value. */
      vocab: string[];
      /** Slot set for missing cells, or -1 (all zeros). */
      imputeIndex: number;
      missingIndicator: boolean;
    }
  | {
      column: string;
      kind: 'target';
      vocab: string[];
      /** Encoded value per vocab entry ((sum + m·prior) / (count + m)); `unknown` for other or missing values. */
      values: number[];
      unknown: number;
      missingIndicator: boolean;
    };

/** The vocabularies file. */
export interface OnnxVocabularies {
  format: 'encore-onnx-vocabularies';
  version: 1;
  columns: CategoryVocabulary[];
}

/**
 * The category vocabularies of a fitted pipeline. `embeddingInputs` are the model's integer inputs in order; the
 * k-th embedding feature feeds the k-th of them (the zoo's contract).
 */
export function categoryVocabularies(
  p: FittedPipeline | undefined,
  embeddingInputs: string[],
): OnnxVocabularies {
  const columns: CategoryVocabulary[] = [];
  let e = 0;
  for (const f of p?.features ?? []) {
    if (f.kind === 'embedding') {
      const input = embeddingInputs[e++];
      columns.push({
        column: f.column,
        kind: 'embedding',
        ...(input ? { input } : {}),
        vocab: f.vocab.slice(),
      });
    } else if (f.kind === 'onehot' || f.kind === 'multihot') {
      columns.push({
        column: f.column,
        kind: f.kind,
        vocab: f.vocab.slice(),
        imputeIndex: f.imputeIndex,
        missingIndicator: f.missingIndicator,
      });
    } else if (f.kind === 'target') {
      const m = f.smoothing;
      columns.push({
        column: f.column,
        kind: 'target',
        vocab: f.vocab.slice(),
        values: f.vocab.map((_, k) => (f.sum[k]! + m * f.prior) / (f.count[k]! + m)),
        unknown: f.prior,
        missingIndicator: f.missingIndicator,
      });
    }
  }
  return { format: 'encore-onnx-vocabularies', version: 1, columns };
}

/** The vocabularies as the JSON text to write beside the model (e.g. model.vocab.json). */
export function vocabulariesJson(v: OnnxVocabularies): string {
  return JSON.stringify(v, null, 2);
}
