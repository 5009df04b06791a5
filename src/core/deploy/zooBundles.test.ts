/** Every model the zoo builds exports to a bundle that validates: the layer allowlist and the shape check fit it. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { type InputSpec, type ModelDescriptor, modelRegistry } from '../models';
import { modelToArtifacts } from './artifacts';
import { makeGolden } from './golden';
import { LAYER_ALLOWLIST, listLayers } from './layers';
import { validateBundle } from './validate';
import { packBundle } from './zip';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const spec: InputSpec = {
  tabular: 5,
  embeddings: [
    { name: 'artist', vocabSize: 30 },
    { name: 'genre', vocabSize: 6 },
  ],
  sequence: { frames: 16, coeffs: 4 },
  spectrogram: { mels: 8, frames: 16 },
};

/** Defaults, plus one variant per structural option (cell, direction, pooling, branch, batch norm, embeddings). */
function variants(d: ModelDescriptor): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [d.defaults];
  for (const [key, s] of Object.entries(d.paramSchema)) {
    if (s.type === 'bool') out.push({ ...d.defaults, [key]: !d.defaults[key] });
    if (s.type === 'enum' && key !== 'activation') {
      for (const o of s.options ?? []) if (o !== d.defaults[key]) out.push({ ...d.defaults, [key]: o });
    }
  }
  if ('embeddingDim' in d.defaults) out.push({ ...d.defaults, embeddingDim: 3 });
  if ('dropout' in d.defaults) out.push({ ...d.defaults, dropout: 0 });
  return out;
}

/** Two random rows for each input the model takes, full shapes [2, ...]. */
function inputsFor(model: tf.LayersModel) {
  const rng = mulberry32(5);
  return model.inputs.map((inp) => {
    const shape = [2, ...inp.shape.slice(1).map((s) => s ?? 1)];
    const n = shape.reduce((a, b) => a * b, 1);
    const int = inp.dtype === 'int32';
    const data = Array.from({ length: n }, () => (int ? Math.floor(rng() * 6) : rng() - 0.5));
    return { data, shape, dtype: int ? ('int32' as const) : ('float32' as const) };
  });
}

describe('zoo models as bundles', () => {
  it('every zoo model and variant validates, golden rows included; the allowlist is exactly what they use', async () => {
    const used = new Set<string>();
    for (const d of modelRegistry) {
      for (const params of variants(d)) {
        const model = d.build({ inputs: spec, task: 'regression', outputUnits: 1, seed: 3 }, params);
        const artifacts = await modelToArtifacts(model);
        const golden = await makeGolden(model, inputsFor(model));
        model.dispose();
        for (const l of listLayers(artifacts.modelJson.modelTopology)) used.add(l.className);
        const r = await validateBundle(
          packBundle({ model: artifacts, preprocessing: {}, metrics: {}, golden }),
        );
        expect(r.ok ? 'ok' : `${d.id} ${JSON.stringify(params)}: ${r.error.message}`).toBe('ok');
      }
    }
    expect([...used].sort()).toEqual([...LAYER_ALLOWLIST].sort());
  }, 120_000);
});
