/**
 * The training loop (our own, not model.fit): seeded shuffling, one optimizer step per mini-batch on
 * model.apply(x, { training: true }), validation each epoch, early stopping that restores the best weights, a
 * divergence guard, schedules, clipping, checkpoints and resume. Yields to the event loop about every 50 ms so a
 * worker can receive a cancel message; shouldStop is checked after every batch, waitIfPaused awaited there too.
 */
import * as tf from '@tensorflow/tfjs';
import { isReseedable, mixSeed, mulberry32, permutation } from '../random';
import { asModelInput, checkSet, gatherInput, gatherY, outputUnits, sliceInput } from './data';
import { computeLoss, defaultLoss } from './losses';
import {
  applyWeightDecay,
  clipByGlobalNorm,
  makeOptimizer,
  scheduledLr,
  setLearningRate,
  weightDecayOf,
} from './optim';
import type {
  EpochEvent,
  LossName,
  TrainCallbacks,
  TrainCheckpoint,
  TrainConfig,
  TrainResult,
  TrainSet,
} from './types';
import { disposeAll, modelToPlain, plainToSnapshot, restore, snapshot, toPlain } from './weights';

const YIELD_EVERY_MS = 50;
const yieldToEventLoop = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** Throw a readable Error for settings that cannot train. */
function checkConfig(c: TrainConfig): void {
  const bad = (what: string): never => {
    throw new Error(`Training settings: ${what}`);
  };
  if (!(c.learningRate > 0) || !Number.isFinite(c.learningRate))
    bad(`learning rate must be a positive number, got ${c.learningRate}.`);
  if (!Number.isInteger(c.batchSize) || c.batchSize < 1)
    bad(`batch size must be a whole number >= 1, got ${c.batchSize}.`);
  if (!Number.isInteger(c.epochs) || c.epochs < 1)
    bad(`epochs must be a whole number >= 1, got ${c.epochs}.`);
  if (!Number.isInteger(c.patience) || c.patience < 0)
    bad(`patience must be a whole number >= 0, got ${c.patience}.`);
  if (c.clipNorm != null && !(c.clipNorm > 0)) bad(`gradient clip norm must be > 0, got ${c.clipNorm}.`);
}

/** Mean loss over a set in batches of 512, in inference mode (no dropout, batch-norm moving stats), no class weights. */
async function evaluateLoss(
  model: tf.LayersModel,
  set: TrainSet,
  loss: LossName,
  units: number,
): Promise<number> {
  let total = 0;
  for (let start = 0; start < set.n; start += 512) {
    const end = Math.min(set.n, start + 512);
    const t = tf.tidy(() => {
      const xs = set.inputs.map((a) => sliceInput(a, start, end));
      const pred = model.apply(asModelInput(xs), { training: false }) as tf.Tensor;
      const y = tf.tensor2d(set.y.subarray(start * units, end * units), [end - start, units]);
      return tf.mul(computeLoss(loss, pred, y), end - start);
    });
    total += (await t.data())[0]!;
    t.dispose();
  }
  return total / set.n;
}

function divergedMessage(where: string, firstBatch: boolean): string {
  const cause = firstBatch
    ? 'at the very first batch, so the data itself may hold extreme or missing values: check that features are scaled (standardise them) and the target has no infinities'
    : 'the weights blew up';
  return `Training diverged (${where}): the loss became NaN or infinite; ${cause}. Weights were rolled back to the last good state. Try a lower learning rate (e.g. 10x smaller), gradient clipping (clip norm 1), or scaling the features and target.`;
}

/**
 * Train `model` in place. train / val inputs follow the model's input order; val may have n = 0 (then the
 * training loss is monitored). Resolves with the history and why it stopped; never leaves tensors behind.
 * resumeFrom continues a run at checkpoint.epoch + 1 with its history, best weights and optimizer state.
 */
export async function trainModel(
  model: tf.LayersModel,
  train: TrainSet,
  val: TrainSet,
  config: TrainConfig,
  callbacks: TrainCallbacks = {},
  resumeFrom?: TrainCheckpoint,
): Promise<TrainResult> {
  checkConfig(config);
  if (train.n < 1)
    throw new Error('There are no training rows: check the split and that the target column has values.');
  checkSet(model, train, 'Training data');
  if (val.n > 0) checkSet(model, val, 'Validation data');
  const units = outputUnits(model);
  const lossName = config.loss ?? defaultLoss(model);
  if (lossName === 'cce' && units < 2)
    throw new Error(
      'Categorical cross-entropy needs a softmax head with 2+ classes; use bce for a binary target.',
    );
  const restoreBest = config.patience > 0;
  const wd = weightDecayOf(config);
  const plateau = config.schedule?.type === 'plateau';
  const optimizer = makeOptimizer(config);
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const weightNames = model.weights.map((w) => w.originalName);
  const t0 = Date.now();

  let history: EpochEvent[] = [];
  let bestEpoch = 0;
  let bestValLoss = Infinity;
  let bestSnap: tf.Tensor[] | undefined;
  let lastGood: tf.Tensor[] | undefined;
  let wait = 0;
  let plateauWait = 0;
  let lr = config.learningRate;
  let startEpoch = 1;
  let elapsedOffset = 0;
  let stopReason: TrainResult['stopReason'] = 'completed';
  let message: string | undefined;

  try {
    if (resumeFrom) {
      const snap = plainToSnapshot(model, resumeFrom.weights);
      restore(model, snap);
      disposeAll(snap);
      if (resumeFrom.bestWeights) bestSnap = plainToSnapshot(model, resumeFrom.bestWeights);
      if (resumeFrom.optimizerState && resumeFrom.optimizerState.length > 0) {
        const named = [
          { name: 'iter', tensor: tf.scalar(resumeFrom.optimizerIterations ?? 0, 'int32') },
          ...resumeFrom.optimizerState.map((p) => ({ name: p.name, tensor: tf.tensor(p.data, p.shape) })),
        ];
        await optimizer.setWeights(named); // makes its own variables from these buffers
        named.forEach((nt) => nt.tensor.dispose());
      }
      history = resumeFrom.history.map((e) => ({ ...e }));
      bestEpoch = resumeFrom.bestEpoch;
      bestValLoss = resumeFrom.bestValLoss;
      wait = resumeFrom.wait ?? 0;
      plateauWait = resumeFrom.plateauWait ?? 0;
      lr = resumeFrom.lr ?? lr;
      startEpoch = resumeFrom.epoch + 1;
      elapsedOffset = history[history.length - 1]?.elapsedMs ?? 0;
    }
    let pausedMs = 0;
    const elapsed = (): number => elapsedOffset + (Date.now() - t0 - pausedMs);
    let lastYield = Date.now();
    const n = train.n;
    const bs = Math.min(config.batchSize, n);
    const batchesPerEpoch = Math.ceil(n / bs);

    epochs: for (let epoch = startEpoch; epoch <= config.epochs; epoch++) {
      const epochLr = plateau ? lr : scheduledLr(config.learningRate, config.schedule, epoch, config.epochs);
      setLearningRate(optimizer, epochLr);
      // Per-epoch seeds (not a running RNG) so a resumed run replays the same shuffles and dropout masks.
      model.layers.forEach((l, i) => {
        if (isReseedable(l)) l.reseed(mixSeed(mixSeed(config.seed, epoch), i));
      });
      const perm = permutation(n, mulberry32(mixSeed(config.seed ^ 0x5bd1e995, epoch)));
      let lossSum = 0;
      for (let b = 0; b < batchesPerEpoch; b++) {
        const idx = perm.subarray(b * bs, Math.min(n, (b + 1) * bs));
        const xs = train.inputs.map((a) => gatherInput(a, idx));
        const ys = gatherY(train.y, units, idx);
        const snap = snapshot(model);
        let res: { value: tf.Scalar; grads: tf.NamedTensorMap };
        try {
          res = optimizer.computeGradients(() => {
            const pred = model.apply(asModelInput(xs), { training: true }) as tf.Tensor;
            let l = computeLoss(lossName, pred, ys, config.classWeights);
            for (const r of model.calculateLosses()) l = tf.add(l, r);
            return l;
          }, vars);
        } catch (e) {
          disposeAll(snap);
          throw e;
        } finally {
          tf.dispose([...xs, ys]);
        }
        const lossVal = (await res.value.data())[0]!;
        res.value.dispose();
        if (!Number.isFinite(lossVal)) {
          tf.dispose(res.grads);
          restore(model, lastGood ?? snap);
          disposeAll(snap);
          stopReason = 'diverged';
          message = divergedMessage(`epoch ${epoch}, batch ${b + 1}`, lastGood == null && epoch === 1);
          break epochs;
        }
        if (config.clipNorm) clipByGlobalNorm(res.grads, config.clipNorm);
        optimizer.applyGradients(res.grads);
        tf.dispose(res.grads);
        applyWeightDecay(vars, epochLr, wd);
        disposeAll(lastGood);
        lastGood = snap; // weights before this step gave a finite loss
        lossSum += lossVal * idx.length;
        callbacks.onBatch?.({ epoch, batch: b, batchesPerEpoch, loss: lossVal, elapsedMs: elapsed() });
        if (callbacks.shouldStop?.()) {
          stopReason = 'cancelled';
          break epochs;
        }
        if (callbacks.waitIfPaused) {
          const pausedAt = Date.now();
          await callbacks.waitIfPaused();
          pausedMs += Date.now() - pausedAt;
        }
        if (Date.now() - lastYield >= YIELD_EVERY_MS) {
          await yieldToEventLoop();
          lastYield = Date.now();
          if (callbacks.shouldStop?.()) {
            stopReason = 'cancelled';
            break epochs;
          }
        }
      }
      const trainLoss = lossSum / n;
      const valLoss = val.n > 0 ? await evaluateLoss(model, val, lossName, units) : trainLoss;
      if (!Number.isFinite(valLoss)) {
        if (lastGood) restore(model, lastGood);
        stopReason = 'diverged';
        message = divergedMessage(`validation after epoch ${epoch}`, false);
        break;
      }
      const improved = valLoss < bestValLoss;
      if (improved) {
        bestValLoss = valLoss;
        bestEpoch = epoch;
        wait = 0;
        plateauWait = 0;
        if (restoreBest) {
          disposeAll(bestSnap);
          bestSnap = snapshot(model);
        }
      } else {
        wait++;
        plateauWait++;
        if (plateau && plateauWait >= (config.schedule?.patience ?? 3)) {
          lr = Math.max(lr * (config.schedule?.factor ?? 0.5), config.learningRate * 1e-6);
          plateauWait = 0;
        }
      }
      const event: EpochEvent = {
        epoch,
        loss: trainLoss,
        valLoss,
        lr: epochLr,
        elapsedMs: elapsed(),
        best: improved,
      };
      history.push(event);
      await callbacks.onEpoch?.(event);
      if (callbacks.onCheckpoint) {
        const optW = await optimizer.getWeights();
        const iter = optW[0] ? (await optW[0].tensor.data())[0]! : 0;
        optW[0]?.tensor.dispose(); // 'iter' is a fresh scalar; the rest are the optimizer's own variables
        const rest = optW.slice(1);
        await callbacks.onCheckpoint({
          epoch,
          weights: await modelToPlain(model),
          bestWeights: bestSnap ? await toPlain(bestSnap, weightNames) : undefined,
          history: history.map((e) => ({ ...e })),
          bestEpoch,
          bestValLoss,
          rngState: mixSeed(config.seed, epoch),
          optimizerState: await toPlain(
            rest.map((r) => r.tensor),
            rest.map((r) => r.name),
          ),
          optimizerIterations: iter,
          lr,
          wait,
          plateauWait,
        });
      }
      if (callbacks.shouldStop?.()) {
        stopReason = 'cancelled';
        break;
      }
      if (config.patience > 0 && wait >= config.patience) {
        stopReason = 'early-stopped';
        message = `Stopped after ${config.patience} epoch(s) without a better validation loss; restored the weights of epoch ${bestEpoch}.`;
        break;
      }
    }
    if (restoreBest && bestSnap && stopReason !== 'diverged') restore(model, bestSnap);
    if (stopReason === 'diverged' && restoreBest && bestSnap) {
      restore(model, bestSnap);
      message += ` The best epoch so far (${bestEpoch}) was restored.`;
    }
    if (stopReason === 'cancelled')
      message = `Cancelled by the user${bestEpoch > 0 && restoreBest ? `; restored the weights of epoch ${bestEpoch}` : ''}.`;
    return { history, bestEpoch, bestValLoss, stopReason, message };
  } finally {
    optimizer.dispose(); // Adam's moment variables outlive model.dispose() otherwise
    disposeAll(lastGood);
    disposeAll(bestSnap);
  }
}
