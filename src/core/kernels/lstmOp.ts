/**
 * A whole-sequence LSTM as ONE custom-gradient op with hand-written backpropagation through time.
 *
 * Why: tf.layers.lstm runs ~12 tfjs ops per time step forward and ~30 backward (split, activations, concat
 * gradients...), each with fixed engine overhead; over 128 frames that overhead, not arithmetic, sets the speed
 * (46 samples/s on wasm for LSTM(64) at batch 32). Here:
 * - forward: the input projection for all steps is one big matMul ([T*B, D] x [D, 4u]); each step is one small
 *   product h_{s-1} R ([B, u] x [u, 4u]) plus the gate arithmetic in plain JS (lstmSteps.ts);
 * - backward: one small product dz_s R^T per step, then dKernel = X^T dZ, dRecurrent = Hp^T dZ and dX = dZ K^T as
 *   one big matMul each over all steps, dBias summed in the step loop.
 * On wasm the big operands stay on the wasm heap and the per-step products call XNNPACK directly (lstmHost.ts):
 * copying 4 MB tensors in and out of the heap, and tfjs's per-op overhead on the small products, cost more than
 * the arithmetic.
 *
 * Same math and weight layout as tfjs's LSTMCell (implementation 2): z = x K + h R + b, gates [i | f | c | o] along
 * the last axis, c' = f c + i tanh(z_c), h' = o tanh(c'), i / f / o through hardSigmoid (clip(0.2 z + 0.5, 0, 1))
 * or sigmoid. Zero initial state, no dropout or mask. Needs a backend whose reads are cheap (wasm, cpu).
 */
import * as tf from '@tensorflow/tfjs';
import { Fillable, giveArray, readValues, rowProduct, takeArray } from './lstmHost';
import { backwardSteps, forwardSteps, type SavedSteps, type StepDims } from './lstmSteps';

export interface LstmOpOptions {
  /** i / f / o gate activation. */
  recurrentActivation: 'hardSigmoid' | 'sigmoid';
  /** Process time backwards (outputs stay in processing order, as tfjs's rnn()). */
  goBackwards: boolean;
  /** Return every step's h ([B, T, u]) instead of the last ([B, u]). */
  returnSequences: boolean;
}

/** x [B, T, D] -> [T, B, D] in processing order (time reversed for goBackwards). */
function stepMajor(x: tf.Tensor3D, goBackwards: boolean): tf.Tensor3D {
  const t = tf.transpose(x, [1, 0, 2]);
  return goBackwards ? tf.reverse(t, 0) : t;
}

/**
 * Run the LSTM over x. Shapes: x [B, T, D], kernel [D, 4u], recurrentKernel [u, 4u], bias [4u] (or null);
 * returns [B, T, u] (returnSequences) or [B, u]. Differentiable with respect to all tensor inputs.
 */
export function lstmSequence(
  x: tf.Tensor3D,
  kernel: tf.Tensor2D,
  recurrentKernel: tf.Tensor2D,
  bias: tf.Tensor1D | null,
  o: LstmOpOptions,
): tf.Tensor {
  const [B, T, D] = x.shape;
  const u = recurrentKernel.shape[0];
  const G = 4 * u;
  const TB = T * B;
  const dims: StepDims = { B, T, u, hard: o.recurrentActivation === 'hardSigmoid' };

  const forward = (xx: tf.Tensor3D, K: tf.Tensor2D, R: tf.Tensor2D, b: tf.Tensor1D | null) => {
    // Input projection for every step at once: [T*B, D] x [D, 4u], rows (step * B + n).
    const xk = tf.tidy(() => tf.matMul(tf.reshape(stepMajor(xx, o.goBackwards), [TB, D]), K));
    const bv = b ? (b.dataSync() as Float32Array) : null;
    const saved: SavedSteps = {
      A: takeArray(TB * G),
      C: takeArray(TB * u),
      TC: takeArray(TB * u),
      H: takeArray(TB * u),
    };
    const hr = rowProduct(R, B);
    try {
      forwardSteps(dims, () => readValues(xk), bv, hr, saved);
    } finally {
      hr.dispose();
      xk.dispose();
    }
    const { H } = saved;
    const value = o.returnSequences
      ? tf.tidy(() => tf.transpose(tf.tensor3d(H, [T, B, u]), [1, 0, 2])) // outputs in processing order
      : tf.tensor2d(H.slice((T - 1) * B * u), [B, u]);

    let used = false;
    const gradFunc = (dy: tf.Tensor): tf.Tensor[] => {
      // The saved arrays go back to the pool below, so a second backward over this forward would read garbage.
      if (used) throw new Error('lstmSequence: the gradient of one forward pass was requested twice.');
      used = true;
      const dZ = new Fillable([TB, G]);
      const hpT = new Fillable([u, TB]);
      const dBias = new Float32Array(G);
      const RT = tf.transpose(R) as tf.Tensor2D;
      const dhR = rowProduct(RT, B);
      try {
        const dY = o.returnSequences ? readValues(dy) : (dy.dataSync() as Float32Array);
        // dY as a heap view would be invalidated by the products' allocations: copy it (only [B, T, u]).
        const up = { dY: o.returnSequences ? dY.slice() : dY, sequences: o.returnSequences };
        backwardSteps(
          dims,
          saved,
          up,
          dhR,
          () => dZ.view(),
          () => hpT.view(),
          dBias,
        );
      } catch (e) {
        dZ.dispose();
        hpT.dispose();
        throw e;
      } finally {
        dhR.dispose();
        RT.dispose();
        for (const a of [saved.A, saved.C, saved.TC, saved.H]) giveArray(a);
      }
      return tf.tidy(() => {
        const dZt = dZ.tensor() as tf.Tensor2D;
        const hp = hpT.tensor() as tf.Tensor2D;
        // x^T in processing order: [D, T, B] -> [D, T*B], columns (step * B + n) as dZ's rows.
        const xT = tf.reshape(
          o.goBackwards ? tf.reverse(tf.transpose(xx, [2, 1, 0]), 1) : tf.transpose(xx, [2, 1, 0]),
          [D, TB],
        );
        const dxs = tf.reshape(tf.matMul(dZt, tf.transpose(K)), [T, B, D]);
        const grads: tf.Tensor[] = [
          tf.transpose(o.goBackwards ? tf.reverse(dxs, 0) : dxs, [1, 0, 2]),
          tf.matMul(xT, dZt),
          tf.matMul(hp, dZt),
        ];
        if (b) grads.push(tf.tensor1d(dBias));
        return grads;
      });
    };
    return { value, gradFunc };
  };

  if (bias) {
    const op = tf.customGrad((xx, K, R, b) =>
      forward(xx as tf.Tensor3D, K as tf.Tensor2D, R as tf.Tensor2D, b as tf.Tensor1D),
    );
    return op(x, kernel, recurrentKernel, bias);
  }
  const op = tf.customGrad((xx, K, R) =>
    forward(xx as tf.Tensor3D, K as tf.Tensor2D, R as tf.Tensor2D, null),
  );
  return op(x, kernel, recurrentKernel);
}
