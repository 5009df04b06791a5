/** Conversion between a tfjs layers model and plain data (model.json object + weights.bin bytes). */
import * as tf from '@tensorflow/tfjs';
// Importing the model zoo registers its custom layers (SeededDropout, ...) so saved models load again.
import '../models';
import type { ModelArtifactsData } from './zip';

export type { ModelArtifactsData } from './zip';

/** Serialise a layers model to plain data (model.json object + weights.bin bytes). */
export async function modelToArtifacts(model: tf.LayersModel): Promise<ModelArtifactsData> {
  let out: ModelArtifactsData | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const specs = artifacts.weightSpecs ?? [];
      const data = artifacts.weightData;
      // weightData may be one buffer or several (tfjs >= 4.10); concatenate to one weights.bin.
      const weights = Array.isArray(data)
        ? concatBuffers(data)
        : ((data ?? new ArrayBuffer(0)) as ArrayBuffer);
      out = {
        modelJson: {
          format: 'layers-model',
          generatedBy: 'Encore (TensorFlow.js ' + tf.version.tfjs + ')',
          convertedBy: null,
          modelTopology: artifacts.modelTopology,
          weightsManifest: [{ paths: ['weights.bin'], weights: specs }],
        },
        weights,
      };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (!out) throw new Error('The model could not be serialised.');
  return out;
}

/** Rebuild a layers model from plain data. */
export async function artifactsToModel(a: ModelArtifactsData): Promise<tf.LayersModel> {
  const specs = a.modelJson.weightsManifest.flatMap((g) => g.weights);
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: a.modelJson.modelTopology as object,
      weightSpecs: specs,
      weightData: a.weights,
    }),
  );
}

function concatBuffers(parts: ArrayBuffer[]): ArrayBuffer {
  const total = parts.reduce((s, p) => s + p.byteLength, 0);
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    out.set(new Uint8Array(p), off);
    off += p.byteLength;
  }
  return out.buffer;
}
