/**
 * Against scikit-learn's recorded numbers (testdata/peers/sklearn-hgb.json, from
 * bench/peer/sklearn_hgb.py fixture): same bin edges bit for bit, and test predictions within
 * float noise, on synthetic data with missing values: the default regressor and classifier, and a
 * regression whose early stopping (on given validation rows) stops at the same iteration. Needs no Python.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Task } from '../data/task';
import { type GbtParams, fitBinThresholds, fitGbt, predictGbt } from './index';

interface FixtureCase {
  name: string;
  task: Task;
  nFeatures: number;
  nTrain: number;
  /** Validation rows after the training rows (early stopping reads them), when given. */
  nVal?: number;
  params?: Partial<GbtParams>;
  validationScores?: number[];
  X: (number | null)[];
  y: number[];
  nIter: number;
  binThresholds: number[][];
  testPredictions: number[];
}

const FILE = path.resolve(__dirname, '../../../testdata/peers/sklearn-hgb.json');
const fixture = JSON.parse(fs.readFileSync(FILE, 'utf8')) as { cases: FixtureCase[] };

describe('scikit-learn HistGradientBoosting fixture', () => {
  for (const c of fixture.cases) {
    const d = c.nFeatures;
    const X = Float32Array.from(c.X, (v) => (v === null ? NaN : v));
    const y = Float32Array.from(c.y);
    const xTrain = X.subarray(0, c.nTrain * d);
    const yTrain = y.subarray(0, c.nTrain);
    const nVal = c.nVal ?? 0;
    const validation =
      nVal > 0
        ? { X: X.subarray(c.nTrain * d, (c.nTrain + nVal) * d), y: y.subarray(c.nTrain, c.nTrain + nVal) }
        : undefined;
    const xTest = X.subarray((c.nTrain + nVal) * d);

    it(`${c.name}: bin edges equal _BinMapper's`, () => {
      expect(fitBinThresholds(xTrain, c.nTrain, d, 255, 0)).toEqual(c.binThresholds);
    });

    it(`${c.name}: predictions match scikit-learn's`, () => {
      const model = fitGbt(xTrain, yTrain, { task: c.task, params: c.params, validation });
      expect(model.nIter).toBe(c.nIter);
      expect(model.validation).toBe(validation ? 'caller' : 'none');
      if (c.validationScores) {
        expect(model.validationScores).toHaveLength(c.validationScores.length);
        model.validationScores.forEach((v, i) => expect(v).toBeCloseTo(c.validationScores![i]!, 9));
      }
      const pred = predictGbt(model, xTest);
      let worst = 0;
      for (let i = 0; i < pred.length; i++)
        worst = Math.max(worst, Math.abs(pred[i]! - c.testPredictions[i]!));
      // float32 outputs: differences are rounding of the last bit (about 1e-7).
      expect(worst).toBeLessThan(1e-6);
    });
  }
});
