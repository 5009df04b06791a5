/**
 * Every zoo model (and the variants reaching the other mappers) exported to ONNX: onnxruntime-web in Node gives
 * tfjs's predictions to 1e-4 on random inputs, and the reference checker (python3-onnx, full_check) accepts
 * every file.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOnnxFiles } from '../../test-support/onnx/checker';
import { compareWithTfjs } from '../../test-support/onnx/match';
import { buildCase, perturbWeights, zooCases } from '../../test-support/onnx/zooCases';
import { modelRegistry } from '../models';
import { OPSET } from './index';

const dir = mkdtempSync(path.join(tmpdir(), 'encore-onnx-'));
const written: string[] = [];
const classesSeen = new Set<string>();

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ONNX export of the zoo', () => {
  const cases = zooCases();

  it('covers every registry entry', () => {
    expect(new Set(cases.map((k) => k.id))).toEqual(new Set(modelRegistry.map((d) => d.id)));
  });

  cases.forEach((k, i) => {
    it(`${k.label} (${k.task}, ${k.units} unit${k.units > 1 ? 's' : ''}) matches tfjs in onnxruntime-web`, async () => {
      const model = buildCase(k);
      perturbWeights(model, 100 + i);
      for (const l of model.layers) {
        classesSeen.add(l.getClassName());
        const inner = (l as unknown as { forwardLayer?: tf.layers.Layer }).forwardLayer;
        if (inner) classesSeen.add(inner.getClassName());
      }
      const {
        exported: exp,
        tfjs: want,
        onnx,
        onnxShape,
        error,
      } = await compareWithTfjs(model, { seed: 7 + i });
      const file = path.join(dir, `${String(i).padStart(2, '0')}-${k.id}.onnx`);
      writeFileSync(file, exp.bytes);
      written.push(file);
      expect(exp.inputs.map((v) => v.name)).toEqual(model.inputNames);
      expect(exp.outputs.map((v) => v.shape)).toEqual([['N', k.units]]);
      expect(onnxShape).toEqual([4, k.units]);
      expect(onnx).toHaveLength(want.length);
      expect(error).toBeLessThan(1e-4);
      expect(new Set(Array.from(want, (v) => v.toFixed(4))).size, 'rows differ').toBeGreaterThan(1);
      model.dispose();
    });
  });

  it('reaches the listed layer classes, FastLSTM and Bidirectional included', () => {
    for (const cls of [
      'Dense',
      'Embedding',
      'Flatten',
      'Concatenate',
      'Add',
      'Activation',
      'BatchNormalization',
      'SeededDropout',
      'Conv1D',
      'Conv2D',
      'MaxPooling1D',
      'MaxPooling2D',
      'GlobalAveragePooling1D',
      'GlobalAveragePooling2D',
      'GlobalMaxPooling1D',
      'GlobalMaxPooling2D',
      'Permute',
      'Reshape',
      'LSTM',
      'FastLSTM',
      'GRU',
      'Bidirectional',
    ]) {
      expect(classesSeen, cls).toContain(cls);
    }
  });

  it(`python3-onnx's checker (full_check) accepts every exported file, opset ${OPSET}`, () => {
    expect(written).toHaveLength(cases.length);
    const verdicts = checkOnnxFiles(written);
    for (const v of verdicts) expect(v.error ?? '', path.basename(v.file)).toBe('');
    expect(verdicts.every((v) => v.ok && v.opset === OPSET && v.ir_version === 7)).toBe(true);
    expect(verdicts[0]!.metadata?.['encore.preprocessing']).toBe('none');
  });
});
