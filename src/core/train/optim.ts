/** Optimizers, learning-rate schedules, gradient clipping and decoupled weight decay. */
import * as tf from '@tensorflow/tfjs';
import { FastAdam } from '../kernels/fastAdam';
import type { LrSchedule, TrainConfig } from './types';

/**
 * A tfjs optimizer for the config. sgd with momentum > 0 becomes tf.train.momentum; rmsprop takes the momentum
 * too; adamw is Adam plus decoupled weight decay applied by {@link applyWeightDecay}.
 */
export function makeOptimizer(c: TrainConfig): tf.Optimizer {
  const lr = c.learningRate;
  switch (c.optimizer) {
    case 'adam':
    case 'adamw':
      // FastAdam: tf.train.adam's math and state in one fused update per variable on wasm/cpu.
      return new FastAdam(lr, 0.9, 0.999, 1e-7);
    case 'rmsprop':
      return tf.train.rmsprop(lr, 0.9, c.momentum ?? 0, 1e-7);
    case 'sgd':
      return (c.momentum ?? 0) > 0 ? tf.train.momentum(lr, c.momentum!) : tf.train.sgd(lr);
    default:
      throw new Error(`Unknown optimizer "${String(c.optimizer)}". Use adam, adamw, rmsprop or sgd.`);
  }
}

/**
 * Change a live optimizer's learning rate. tfjs reads `learningRate` on every step for Adam and RMSprop; SGD and
 * momentum cache it in a scalar, which setLearningRate rebuilds.
 */
export function setLearningRate(opt: tf.Optimizer, lr: number): void {
  const o = opt as unknown as { learningRate: number; setLearningRate?: (lr: number) => void };
  if (typeof o.setLearningRate === 'function') o.setLearningRate(lr);
  else o.learningRate = lr;
}

/** The decoupled weight decay in effect: config.weightDecay, or 0.01 for adamw when unset. */
export function weightDecayOf(c: TrainConfig): number {
  return c.weightDecay ?? (c.optimizer === 'adamw' ? 0.01 : 0);
}

/**
 * Learning rate for a 1-based epoch under a step or cosine schedule (plateau is stateful: see the loop).
 * cosine anneals base * 0.5 * (1 + cos(pi * (epoch - 1) / epochs)).
 */
export function scheduledLr(base: number, s: LrSchedule | undefined, epoch: number, epochs: number): number {
  if (!s || s.type === 'none' || s.type === 'plateau') return base;
  if (s.type === 'step') {
    const every = Math.max(1, Math.floor(s.stepEvery ?? 10));
    return base * Math.pow(s.factor ?? 0.5, Math.floor((epoch - 1) / every));
  }
  return base * 0.5 * (1 + Math.cos((Math.PI * (epoch - 1)) / Math.max(1, epochs)));
}

/**
 * Scale gradients so their global L2 norm is at most clipNorm (in place of the map's entries; old tensors disposed).
 * Returns the norm before clipping.
 */
export function clipByGlobalNorm(grads: tf.NamedTensorMap, clipNorm: number): number {
  const names = Object.keys(grads);
  const norm = tf.tidy(() => tf.sqrt(tf.addN(names.map((k) => tf.sum(tf.square(grads[k]!))))));
  const value = norm.dataSync()[0]!;
  norm.dispose();
  if (Number.isFinite(value) && value > clipNorm) {
    const scale = clipNorm / value;
    for (const k of names) {
      const g = grads[k]!;
      grads[k] = tf.mul(g, scale);
      g.dispose();
    }
  }
  return value;
}

/**
 * Decoupled weight decay (Loshchilov & Hutter): w <- w * (1 - lr * wd) after the optimizer step, for kernels and
 * embeddings only (biases and batch-norm scales are not decayed).
 */
export function applyWeightDecay(vars: tf.Variable[], lr: number, wd: number): void {
  if (!(wd > 0)) return;
  const keep = 1 - lr * wd;
  tf.tidy(() => {
    for (const v of vars) {
      if (/kernel|embeddings/.test(v.name)) v.assign(tf.mul(v, keep));
    }
  });
}
