/**
 * The exporter tests' core check: export a model, run it in onnxruntime-web and compare with tfjs on the same
 * random inputs.
 */
import type * as tf from '@tensorflow/tfjs';
import { exportOnnx, type OnnxExport, type OnnxExportOptions } from '../../core/onnx';
import { type Feed, runOnnx } from './ort';
import { randomFeeds, tfjsPredict } from './zooCases';

/** Largest |a - b| / max(1, |b|). */
export function maxRelError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < b.length; i++)
    worst = Math.max(worst, Math.abs(a[i]! - b[i]!) / Math.max(1, Math.abs(b[i]!)));
  return worst;
}

export interface Comparison {
  exported: OnnxExport;
  /** tfjs's output and onnxruntime's, row-major [n, units]. */
  tfjs: Float32Array;
  onnx: Float32Array;
  onnxShape: number[];
  error: number;
}

/**
 * Export `model`, feed the same inputs (random, or `feeds`; `onnxFeeds` when the ONNX graph takes other inputs,
 * e.g. raw numbers) to tfjs and onnxruntime-web, and measure the worst relative difference of the first output.
 */
export async function compareWithTfjs(
  model: tf.LayersModel,
  opts: {
    n?: number;
    seed?: number;
    feeds?: Record<string, Feed>;
    onnxFeeds?: Record<string, Feed>;
    export?: OnnxExportOptions;
  } = {},
): Promise<Comparison> {
  const exported = exportOnnx(model, opts.export);
  const feeds = opts.feeds ?? randomFeeds(model, opts.n ?? 4, opts.seed ?? 1);
  const want = tfjsPredict(model, feeds);
  const got = await runOnnx(exported.bytes, opts.onnxFeeds ?? feeds);
  const out = got[model.outputNames[0]!];
  if (!out) throw new Error(`onnxruntime returned no ${model.outputNames[0]} output.`);
  return { exported, tfjs: want, onnx: out.data, onnxShape: out.shape, error: maxRelError(out.data, want) };
}
