/**
 * exportOnnx: a tfjs layers model (any model of the zoo) as an ONNX model (opset 13), written by our own protobuf
 * encoder, with the fitted numeric preprocessing folded in front when it is a plain shift and scale, and the
 * category vocabularies returned for a JSON file beside it. Metadata (metadata_props) says what each input expects.
 */
import * as tf from '@tensorflow/tfjs';
import type { FittedPipeline } from '../prep/types';
import { GraphBuilder, IR_VERSION, OPSET } from './graph';
import { emitTabularFold, planTabularFold } from './preprocess';
import { type OnnxValueInfo, encodeModel } from './proto';
import { type OnnxVocabularies, categoryVocabularies } from './vocab';
import { emitModel, modelInputs } from './walk';

export interface OnnxExportOptions {
  /** The fitted pipeline the model was trained behind: enables folding and the vocabularies. */
  pipeline?: FittedPipeline;
  /** The model input the pipeline's tabular features feed (default 'tabular', the zoo's name). */
  tabularInput?: string;
  /** Graph name (default: the model's name). */
  name?: string;
  /** Extra model-level doc string (prepended to the generated one). */
  docString?: string;
  /** Extra metadata_props entries. */
  metadata?: Record<string, string>;
}

/** How the tabular input is read: raw numbers (folded), prepared features, or no pipeline given / no tabular input. */
export type PreprocessingMode = 'folded' | 'prepared' | 'none';

export interface OnnxExport {
  /** The .onnx file's bytes. */
  bytes: Uint8Array;
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
  preprocessing: PreprocessingMode;
  /** A sentence for people: what the tabular input expects and why. */
  preprocessingNote: string;
  /** Category vocabularies, to write beside the model as JSON (vocabulariesJson). */
  vocabularies: OnnxVocabularies;
  /** The metadata_props written into the model. */
  metadata: Record<string, string>;
}

/** What the zoo's inputs hold (models/types.ts), for the inputs' doc strings. */
function inputDoc(v: OnnxValueInfo, tabular: string, mode: PreprocessingMode, columns: string[]): string {
  if (v.name === tabular) {
    const cols = columns.length ? ` Columns: ${columns.join(', ')}.` : '';
    return mode === 'folded'
      ? `Raw numbers, one column per feature; NaN = missing (imputed inside the graph).${cols}`
      : `Prepared features (Encore's fitted pipeline applied: imputed, encoded, scaled).${cols}`;
  }
  if (v.elemType === 'int32')
    return 'Category ids: vocabulary index + 1, 0 = unknown or missing (see the vocabularies JSON).';
  if (v.name === 'sequence')
    return "Audio frames [frames, coeffs] (MFCC / chroma), computed by Encore's audio code.";
  if (v.name === 'spectrogram') return "Log-mel patch [mels, frames, 1], computed by Encore's audio code.";
  return '';
}

function targetDoc(p: FittedPipeline | undefined): string {
  if (!p) return 'Outputs are what the tfjs model outputs.';
  const t = p.target;
  if (t.task === 'regression') {
    const inv = `value = output * ${t.std} + ${t.mean}`;
    return `Regression on "${t.column}": the output is standardised; ${inv}${t.log1p ? ', then sign(value) * expm1(|value|)' : ''}.`;
  }
  return `Classification on "${t.column}": sigmoid probability of the positive class (one unit) or softmax class probabilities.`;
}

/**
 * Export `model` to ONNX. Inputs keep the model's names, order, dtypes (float32; int32 category ids) and shapes
 * with a symbolic batch 'N' (e.g. tabular [N, d], embed_* [N, 1], sequence [N, frames, coeffs], spectrogram
 * [N, mels, frames, 1]); outputs keep the model's output names (e.g. output [N, units]). Throws an Error naming
 * the layer and its class when a layer cannot be expressed, or when the pipeline does not fit the model.
 */
export function exportOnnx(model: tf.LayersModel, options: OnnxExportOptions = {}): OnnxExport {
  const p = options.pipeline;
  const tabular = options.tabularInput ?? 'tabular';
  const inputs = modelInputs(model);
  const g = new GraphBuilder();
  const values = new Map<string, string>();
  for (const v of inputs) values.set(v.name, g.input(v.name));
  const tab = inputs.find((v) => v.name === tabular);
  let mode: PreprocessingMode = 'none';
  let note = p
    ? `The model has no "${tabular}" input; no numeric preprocessing applies.`
    : 'No pipeline was given: inputs are what the tfjs model takes.';
  if (p && tab) {
    const width = tab.shape[tab.shape.length - 1];
    if (tab.shape.length !== 2 || width !== p.featureNames.length) {
      throw new Error(
        `ONNX export: the pipeline makes ${p.featureNames.length} tabular features but input "${tabular}" has shape [${tab.shape.join(', ')}].`,
      );
    }
    const fold = planTabularFold(p);
    if (fold.folded) {
      mode = 'folded';
      values.set(tabular, emitTabularFold(g, tabular, fold));
      note = `Input "${tabular}" takes raw numbers: imputation and (x - center) / scale are nodes of the graph.`;
    } else {
      mode = 'prepared';
      note = `Input "${tabular}" takes prepared features (apply Encore's preprocessing.json first): ${fold.reasons.join('; ')}.`;
    }
  }
  const outputs = emitModel(model, g, values);
  const columns = p?.featureNames ?? [];
  for (const v of inputs) v.docString = inputDoc(v, tabular, mode, columns) || undefined;
  const intInputs = inputs.filter((v) => v.elemType === 'int32').map((v) => v.name);
  const nEmb = p?.features.filter((f) => f.kind === 'embedding').length ?? 0;
  if (p && intInputs.length > 0 && intInputs.length !== nEmb) {
    throw new Error(
      `ONNX export: the model has ${intInputs.length} category-id inputs but the pipeline has ${nEmb} embedding columns.`,
    );
  }
  const vocabularies = categoryVocabularies(p, intInputs);
  const doc = [
    options.docString,
    `Exported by Encore from a TensorFlow.js ${tf.version.tfjs} layers model.`,
    note,
    targetDoc(p),
  ]
    .filter(Boolean)
    .join('\n');
  const metadata: Record<string, string> = {
    'encore.format': 'encore-onnx/1',
    'encore.preprocessing': mode,
    'encore.preprocessing_note': note,
    'encore.inputs': JSON.stringify(
      inputs.map((v) => ({ name: v.name, dtype: v.elemType, shape: v.shape, doc: v.docString ?? '' })),
    ),
    'encore.output': targetDoc(p),
    ...(p
      ? { 'encore.feature_names': JSON.stringify(p.featureNames), 'encore.target': JSON.stringify(p.target) }
      : {}),
    ...options.metadata,
  };
  const bytes = encodeModel({
    irVersion: IR_VERSION,
    opset: OPSET,
    producerName: 'encore',
    producerVersion: '0.1.0',
    docString: doc,
    metadata,
    graph: {
      name: options.name ?? model.name,
      nodes: g.nodes,
      initializers: g.initializers,
      inputs,
      outputs,
      docString: note,
    },
  });
  return { bytes, inputs, outputs, preprocessing: mode, preprocessingNote: note, vocabularies, metadata };
}
