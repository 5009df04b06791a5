/** A model summary for the UI: layers, output shapes and parameter counts. */
import type * as tf from '@tensorflow/tfjs';
import type { ModelSummary } from './types';

function shapeText(s: unknown): string {
  if (Array.isArray(s) && s.length > 0 && Array.isArray(s[0])) return s.map(shapeText).join(', ');
  if (Array.isArray(s)) return `[${s.map((d) => (d == null ? 'batch' : String(d))).join(', ')}]`;
  return '?';
}

/** Layers in order with their type, output shape (e.g. "[batch, 64]") and parameter count; totals over weights. */
export function summarizeModel(model: tf.LayersModel): ModelSummary {
  const layers = model.layers.map((l) => ({
    name: l.name,
    type: l.getClassName(),
    outputShape: shapeText(l.outputShape),
    params: l.countParams(),
  }));
  const size = (w: tf.LayerVariable): number => w.shape.reduce<number>((a, b) => a * (b ?? 1), 1);
  return {
    layers,
    totalParams: model.weights.reduce((a, w) => a + size(w), 0),
    trainableParams: model.trainableWeights.reduce((a, w) => a + size(w), 0),
  };
}
