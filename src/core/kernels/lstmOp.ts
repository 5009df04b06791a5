/**
 * A whole-sequence LSTM as ONE custom-gradient op with hand-written backpropagation through time.
 *
 * Why: tf.layers.lstm runs ~12 tfjs ops per time step forward and ~30 backward (split, activations, concat
 * gradients...), each with fixed engine overhead; over 128 frames that overhead, not arithmetic, sets the speed
 * (46 samples/s on wasm for LSTM(64) at batch 32). Here the input projection is one big matMul, each step is one
 * small matMul (h_{t-1} R) plus the gate arithmetic in plain JS on Float32Arrays, and the backward pass is one small
 * matMul per step plus four big ones for dX, dKernel, dRecurrent and dBias.
 *
 * Same math and weight layout as tfjs's LSTMCell (implementation 2): z = x K + h R + b, gates [i | f | c | o] along
 * the last axis, c' = f c + i tanh(z_c), h' = o tanh(c'), i / f / o through hardSigmoid (clip(0.2 z + 0.5, 0, 1),
 * gradient 0.2 inside [0, 1] inclusive, as tfjs's clipByValue) or sigmoid. Zero initial state, no dropout or mask.
 * Needs a backend whose dataSync is cheap (wasm, cpu).
 */
import * as tf from '@tensorflow/tfjs';

export interface LstmOpOptions {
  /** i / f / o gate activation. */
  recurrentActivation: 'hardSigmoid' | 'sigmoid';
  /** Process time backwards (outputs stay in processing order, as tfjs's rnn()). */
  goBackwards: boolean;
  /** Return every step's h ([B, T, u]) instead of the last ([B, u]). */
  returnSequences: boolean;
}

/**
 * Read a tensor made by `f` and dispose it. Never return a TypedArray from tf.tidy: tidy walks its result
 * element by element looking for tensors (8 ms for 8k floats here).
 */
function readOnce(f: () => tf.Tensor): Float32Array {
  const t = tf.tidy(f);
  const v = t.dataSync() as Float32Array;
  t.dispose();
  return v;
}

/** One tf.matMul over JS data, read back: a [m, k] @ b -> Float32Array [m, n]. */
function mm(a: Float32Array, m: number, k: number, b: tf.Tensor2D): Float32Array {
  return readOnce(() => tf.matMul(tf.tensor2d(a, [m, k]), b));
}

/** In place: a[lo..hi) through hardSigmoid (clip(0.2 z + 0.5, 0, 1)) or sigmoid. */
function squash(a: Float32Array, lo: number, hi: number, hard: boolean): void {
  if (hard) {
    for (let j = lo; j < hi; j++) {
      const v = 0.2 * (a[j] as number) + 0.5;
      a[j] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
  } else {
    for (let j = lo; j < hi; j++) a[j] = 1 / (1 + Math.exp(-(a[j] as number)));
  }
}

/** In place on one row of pre-activations [i | f | g | o] (each u wide): i, f, o squashed, g through tanh. */
function gateActivations(a: Float32Array, off: number, u: number, hard: boolean): void {
  squash(a, off, off + 2 * u, hard);
  for (let j = off + 2 * u; j < off + 3 * u; j++) a[j] = Math.tanh(a[j] as number);
  squash(a, off + 3 * u, off + 4 * u, hard);
}

/**
 * Run the LSTM over x. Shapes: x [B, T, D], kernel [D, 4u], recurrentKernel [u, 4u], bias [4u] (or null);
 * returns [B, T, u] (returnSequences) or [B, u]. Differentiable with respect to all tensor inputs.
 */
export function lstmSequence(x: tf.Tensor3D, kernel: tf.Tensor2D, recurrentKernel: tf.Tensor2D, bias: tf.Tensor1D | null, o: LstmOpOptions): tf.Tensor {
  const [B, T, D] = x.shape;
  const u = recurrentKernel.shape[0];
  const G = 4 * u;
  const hard = o.recurrentActivation === 'hardSigmoid';
  const tIndex = (t: number): number => (o.goBackwards ? T - 1 - t : t);

  const forward = (xx: tf.Tensor3D, K: tf.Tensor2D, R: tf.Tensor2D, b: tf.Tensor1D | null) => {
    // Input projection for all steps at once; row (n * T + time) as in x.
    const xk = readOnce(() => {
      const p = tf.matMul(tf.reshape(xx, [B * T, D]), K);
      return b ? tf.add(p, b) : p;
    });
    const S = B * u;
    const A = new Float32Array(T * B * G); // gate activations i, f, g, o per processing step
    const C = new Float32Array(T * S);
    const TC = new Float32Array(T * S);
    const H = new Float32Array(T * S);
    for (let t = 0; t < T; t++) {
      const tt = tIndex(t);
      const hr = t > 0 ? mm(H.subarray((t - 1) * S, t * S), B, u, R) : null;
      for (let n = 0; n < B; n++) {
        const ao = (t * B + n) * G;
        const xo = (n * T + tt) * G;
        if (hr) {
          const ho = n * G;
          for (let j = 0; j < G; j++) A[ao + j] = (xk[xo + j] as number) + (hr[ho + j] as number);
        } else {
          A.set(xk.subarray(xo, xo + G), ao);
        }
        gateActivations(A, ao, u, hard);
        const so = t * S + n * u;
        for (let j = 0; j < u; j++) {
          const i = A[ao + j] as number;
          const f = A[ao + u + j] as number;
          const g = A[ao + 2 * u + j] as number;
          const c = f * (t > 0 ? (C[so - S + j] as number) : 0) + i * g;
          C[so + j] = c;
          const tc = Math.tanh(c);
          TC[so + j] = tc;
          H[so + j] = (A[ao + 3 * u + j] as number) * tc;
        }
      }
    }
    let value: tf.Tensor;
    if (o.returnSequences) {
      const Y = new Float32Array(B * T * u);
      for (let t = 0; t < T; t++) for (let n = 0; n < B; n++) Y.set(H.subarray(t * S + n * u, t * S + n * u + u), (n * T + t) * u);
      value = tf.tensor3d(Y, [B, T, u]);
    } else {
      value = tf.tensor2d(H.slice((T - 1) * S), [B, u]);
    }

    const gradFunc = (dy: tf.Tensor): tf.Tensor[] => {
      const dY = dy.dataSync() as Float32Array;
      const RT = tf.transpose(R) as tf.Tensor2D;
      const dZ = new Float32Array(B * T * G); // row (n * T + time), aligned with xk
      const Hp = new Float32Array(B * T * u); // h_{t-1} per row of dZ
      let dh: Float32Array = new Float32Array(S);
      const dc = new Float32Array(S);
      const dzStep = new Float32Array(B * G);
      // hardSigmoid' = 0.2 strictly inside (0, 1); tfjs also gives 0.2 where 0.2 z + 0.5 is exactly 0 or 1.
      const dgate = hard ? (y: number): number => (y > 0 && y < 1 ? 0.2 : 0) : (y: number): number => y * (1 - y);
      for (let t = T - 1; t >= 0; t--) {
        const tt = tIndex(t);
        for (let n = 0; n < B; n++) {
          const so = t * S + n * u;
          const zo = (t * B + n) * G;
          const ro = (n * T + tt) * G;
          for (let j = 0; j < u; j++) {
            let dhj = dh[n * u + j] as number;
            if (o.returnSequences) dhj += dY[(n * T + t) * u + j] as number;
            else if (t === T - 1) dhj += dY[n * u + j] as number;
            const i = A[zo + j] as number;
            const f = A[zo + u + j] as number;
            const g = A[zo + 2 * u + j] as number;
            const og = A[zo + 3 * u + j] as number;
            const tc = TC[so + j] as number;
            const dcT = (dc[n * u + j] as number) + dhj * og * (1 - tc * tc);
            const cPrev = t > 0 ? (C[so - S + j] as number) : 0;
            const di = dcT * g * dgate(i);
            const df = dcT * cPrev * dgate(f);
            const dg = dcT * i * (1 - g * g);
            const dO = dhj * tc * dgate(og);
            dzStep[n * G + j] = di;
            dzStep[n * G + u + j] = df;
            dzStep[n * G + 2 * u + j] = dg;
            dzStep[n * G + 3 * u + j] = dO;
            dc[n * u + j] = dcT * f;
            if (t > 0) Hp[(n * T + tt) * u + j] = H[so - S + j] as number;
          }
          dZ.set(dzStep.subarray(n * G, n * G + G), ro);
        }
        dh = t > 0 ? mm(dzStep, B, G, RT) : dh;
      }
      return tf.tidy(() => {
        const dZt = tf.tensor2d(dZ, [B * T, G]);
        const x2 = tf.reshape(xx, [B * T, D]);
        const grads: tf.Tensor[] = [
          tf.reshape(tf.matMul(dZt, K, false, true), [B, T, D]),
          tf.matMul(x2, dZt, true, false),
          tf.matMul(tf.tensor2d(Hp, [B * T, u]), dZt, true, false),
        ];
        if (b) grads.push(tf.sum(dZt, 0));
        RT.dispose();
        return grads;
      });
    };
    return { value, gradFunc };
  };

  if (bias) {
    const op = tf.customGrad((xx, K, R, b) => forward(xx as tf.Tensor3D, K as tf.Tensor2D, R as tf.Tensor2D, b as tf.Tensor1D));
    return op(x, kernel, recurrentKernel, bias);
  }
  const op = tf.customGrad((xx, K, R) => forward(xx as tf.Tensor3D, K as tf.Tensor2D, R as tf.Tensor2D, null));
  return op(x, kernel, recurrentKernel);
}
