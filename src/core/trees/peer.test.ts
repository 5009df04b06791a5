/**
 * Encore's trees against scikit-learn's HistGradientBoosting, measured in the same run on the same
 * rows: each shipped real table is prepared with Encore's own pipeline and split, the matrices are
 * handed to bench/peer/sklearn_hgb.py (Debian's Python), and both fit with default settings.
 * Test RMSE (regression) or ROC AUC (hit_predictor) must agree within 2%. Without python3-sklearn
 * this fails with the install command; it never skips.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { regressionMetrics, rocAuc } from '../evaluate/index';
import { type SklearnResult, requireSklearn, runSklearnCompare } from '../../test-support/trees/python';
import { readSklearnPredictions, writeMatrices } from '../../test-support/trees/matrices';
import { type PreparedTable, REAL_TABLES, prepareRealTable } from '../../test-support/trees/realTables';
import { fitBinThresholds, fitGbt, holdOutRows, predictGbt } from './index';
import type { GbtModel } from './types';

interface Ours {
  model: GbtModel;
  value: number;
  seconds: number;
  pred: Float32Array;
}

const score = (t: PreparedTable, pred: ArrayLike<number>) =>
  t.task === 'classification' ? rocAuc(t.yTest, pred) : regressionMetrics(t.yTest, pred).rmse;

let folder = '';
let tables: PreparedTable[] = [];
let peer: Record<string, SklearnResult> = {};
const ours = new Map<string, Ours>();

beforeAll(() => {
  requireSklearn();
  tables = REAL_TABLES.map((spec) => prepareRealTable(spec));
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-gbt-peer-'));
  // Above 10,000 rows both sides hold out 10% for early stopping, each with its own RNG. The peer also
  // refits on Encore's hold-out (what fitGbt draws with its default seed) to check that path row for row.
  writeMatrices(
    folder,
    tables.map((t) =>
      t.yTrain.length > 10_000
        ? {
            ...t,
            valRows: holdOutRows(t.yTrain.length, 0.1, 0, t.task === 'classification' ? t.yTrain : undefined)
              .val,
          }
        : t,
    ),
  );
  peer = runSklearnCompare(folder).results;
  for (const t of tables) {
    const t0 = performance.now();
    const model = fitGbt(t.xTrain, t.yTrain, { task: t.task });
    const seconds = (performance.now() - t0) / 1000;
    const pred = predictGbt(model, t.xTest);
    ours.set(t.name, { model, value: score(t, pred), seconds, pred });
  }
}, 120_000);

afterAll(() => {
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

describe('trees vs scikit-learn HistGradientBoosting on the shipped tables', () => {
  for (const spec of REAL_TABLES) {
    it(`${spec.name}: test metric within 2% of scikit-learn's`, () => {
      const t = tables.find((x) => x.name === spec.name)!;
      const mine = ours.get(spec.name)!;
      const sk = peer[spec.name]!;
      expect(sk.metric).toBe(t.task === 'classification' ? 'rocAuc' : 'rmse');
      console.info(
        `${spec.name} (${t.yTrain.length} train x ${t.nFeatures} features, ${t.yTest.length} test): ` +
          `${sk.metric} Encore ${mine.value.toFixed(4)} (${mine.model.nIter} it, ${mine.seconds.toFixed(2)} s) vs ` +
          `scikit-learn ${sk.value.toFixed(4)} (${sk.nIter} it, ${sk.fitSeconds.toFixed(2)} s)`,
      );
      expect(mine.model.nIter <= 100 && sk.nIter <= 100).toBe(true);
      expect(mine.model.validation === 'internal').toBe(sk.earlyStopping);
      expect(Math.abs(mine.value - sk.value) / sk.value).toBeLessThan(0.02);
    });

    it(`${spec.name}: same rows in, same model out`, () => {
      const mine = ours.get(spec.name)!;
      const sk = peer[spec.name]!;
      // Without early stopping the peer's default fit saw our rows; with it, its same-hold-out refit did.
      const same = mine.model.validation === 'internal';
      expect(sk.sameHoldoutNIter !== undefined).toBe(same);
      if (same) expect(mine.model.nIter).toBe(sk.sameHoldoutNIter);
      else expect(mine.model.nIter).toBe(sk.nIter);
      const sklearnPred = readSklearnPredictions(folder, spec.name, same);
      let worst = 0;
      for (let i = 0; i < mine.pred.length; i++)
        worst = Math.max(worst, Math.abs(mine.pred[i]! - sklearnPred[i]!));
      console.info(
        `${spec.name}: max |Encore - scikit-learn| test prediction on the same rows ${worst.toExponential(2)}`,
      );
      // Float32 gradients summed in the same order: the trees agree; predictions differ by float rounding.
      expect(worst).toBeLessThan(1e-6);
    });

    it(`${spec.name}: bin edges equal scikit-learn's _BinMapper`, () => {
      const t = tables.find((x) => x.name === spec.name)!;
      const edges = fitBinThresholds(t.xTrain, t.yTrain.length, t.nFeatures, 255, 0);
      expect(edges).toEqual(peer[spec.name]!.binThresholds);
    });
  }
});
