/**
 * The per-step LSTM recurrence of lstmOp.ts in plain loops over Float32Arrays: forward (gate activations, cell and
 * hidden state for every step) and backward through time (gate pre-activation gradients for every step).
 *
 * Layout, all in PROCESSING order (step s = 0..T-1; with goBackwards the caller has already reversed time):
 * rows are (s * B + n) for batch row n, so one step's rows are one contiguous [B, width] block, which is what the
 * per-step products need as their operand. Gates along the last axis as in tfjs's LSTMCell: [i | f | g | o], each u
 * wide; z = x K + h R + b; c' = f c + i g with g = tanh(z_g); h' = o tanh(c'); i, f, o through hardSigmoid
 * (clip(0.2 z + 0.5, 0, 1)) or sigmoid. Zero initial state.
 */
import type { RowProduct } from './lstmHost';

export interface StepDims {
  B: number;
  T: number;
  u: number;
  /** i / f / o through hardSigmoid (else sigmoid). */
  hard: boolean;
}

/** What the forward pass keeps for backward: A [T*B, 4u] gate activations; C, TC (tanh C), H [T*B, u]. */
export interface SavedSteps {
  A: Float32Array;
  C: Float32Array;
  TC: Float32Array;
  H: Float32Array;
}

/**
 * tanh as Eigen's float rational approximation (|error| < 1e-7 against Math.tanh, well inside float32 training
 * noise): about 2.5x faster than Math.tanh in V8, and the forward pass calls it twice per cell per step.
 */
function tanh(x: number): number {
  const c =
    x > 7.90531110763549805 ? 7.90531110763549805 : x < -7.90531110763549805 ? -7.90531110763549805 : x;
  const x2 = c * c;
  let p = -2.76076847742355e-16;
  p = p * x2 + 2.00018790482477e-13;
  p = p * x2 - 8.60467152213735e-11;
  p = p * x2 + 5.12229709037114e-8;
  p = p * x2 + 1.48572235717979e-5;
  p = p * x2 + 6.37261928875436e-4;
  p = p * x2 + 4.89352455891786e-3;
  let q = 1.19825839466702e-6;
  q = q * x2 + 1.18534705686654e-4;
  q = q * x2 + 2.268434632439e-3;
  q = q * x2 + 4.89352518554385e-3;
  return (p * c) / q;
}

function hardSigmoid(z: number): number {
  const v = 0.2 * z + 0.5;
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * Forward recurrence. `xk()` returns the input projection x K, [T*B, 4u] in processing order (re-called every step:
 * on wasm it is a heap view that an allocation may invalidate). `bias` [4u] or null. `hr` computes h_{s-1} R:
 * fill its input [B, u], run gives [B, 4u]. Fills `saved` (every element written).
 */
export function forwardSteps(
  d: StepDims,
  xk: () => Float32Array,
  bias: Float32Array | null,
  hr: RowProduct,
  saved: SavedSteps,
): void {
  const { B, T, u, hard } = d;
  const G = 4 * u;
  const S = B * u;
  const { A, C, TC, H } = saved;
  const act = hard ? hardSigmoid : sigmoid;
  const zeroBias = new Float32Array(G);
  const bv = bias ?? zeroBias;
  const zeroRec = new Float32Array(B * G);
  for (let s = 0; s < T; s++) {
    let rec: Float32Array = zeroRec;
    if (s > 0) {
      hr.input().set(H.subarray((s - 1) * S, s * S));
      rec = hr.run();
    }
    const x = xk();
    for (let n = 0; n < B; n++) {
      const zo = (s * B + n) * G; // row in xk and A
      const ro = n * G; // row in rec
      const so = (s * B + n) * u; // row in C, TC, H
      for (let j = 0; j < u; j++) {
        const i = act((x[zo + j] as number) + (rec[ro + j] as number) + (bv[j] as number));
        const f = act((x[zo + u + j] as number) + (rec[ro + u + j] as number) + (bv[u + j] as number));
        const g = tanh(
          (x[zo + 2 * u + j] as number) + (rec[ro + 2 * u + j] as number) + (bv[2 * u + j] as number),
        );
        const o = act(
          (x[zo + 3 * u + j] as number) + (rec[ro + 3 * u + j] as number) + (bv[3 * u + j] as number),
        );
        A[zo + j] = i;
        A[zo + u + j] = f;
        A[zo + 2 * u + j] = g;
        A[zo + 3 * u + j] = o;
        const c = (s > 0 ? f * (C[so - S + j] as number) : 0) + i * g;
        C[so + j] = c;
        const tc = tanh(c);
        TC[so + j] = tc;
        H[so + j] = o * tc;
      }
    }
  }
}

/** Where backward reads the upstream gradient: every step's h ([B, T, u], output order) or only the last ([B, u]). */
export interface UpstreamGrad {
  dY: Float32Array;
  sequences: boolean;
}

/**
 * Backward through time. Writes dZ [T*B, 4u] (gradient of z per step, rows as A; `dz()` re-called every step, a heap
 * view on wasm), HpT [u, T*B] (h_{s-1} transposed, zero for s = 0: the left operand of dR = Hp^T dZ) and dBias [4u]
 * (sums of dZ's rows). `dhR` computes dz_s R^T: fill its input [B, 4u], run gives [B, u].
 */
export function backwardSteps(
  d: StepDims,
  saved: SavedSteps,
  up: UpstreamGrad,
  dhR: RowProduct,
  dz: () => Float32Array,
  hpT: () => Float32Array,
  dBias: Float32Array,
): void {
  const { B, T, u, hard } = d;
  const G = 4 * u;
  const S = B * u;
  const TB = T * B;
  const { A, C, TC, H } = saved;
  const { dY, sequences } = up;
  const dc = new Float32Array(S);
  let dhNext: Float32Array = new Float32Array(S); // dz_{s+1} R^T, zero past the last step
  dBias.fill(0);
  for (let s = T - 1; s >= 0; s--) {
    const Z = dz();
    const P = hpT();
    for (let n = 0; n < B; n++) {
      const zo = (s * B + n) * G;
      const so = (s * B + n) * u;
      const col = s * B + n; // column in HpT
      const yo = sequences ? (n * T + s) * u : n * u;
      const addY = sequences || s === T - 1;
      for (let j = 0; j < u; j++) {
        const dh = (dhNext[n * u + j] as number) + (addY ? (dY[yo + j] as number) : 0);
        const i = A[zo + j] as number;
        const f = A[zo + u + j] as number;
        const g = A[zo + 2 * u + j] as number;
        const o = A[zo + 3 * u + j] as number;
        const tc = TC[so + j] as number;
        const dcT = (dc[n * u + j] as number) + dh * o * (1 - tc * tc);
        const cPrev = s > 0 ? (C[so - S + j] as number) : 0;
        // hardSigmoid' = 0.2 strictly inside (0, 1) (saturated outputs are exactly 0 or 1); sigmoid' = y (1 - y).
        const di = dcT * g * (hard ? (i > 0 && i < 1 ? 0.2 : 0) : i * (1 - i));
        const df = dcT * cPrev * (hard ? (f > 0 && f < 1 ? 0.2 : 0) : f * (1 - f));
        const dg = dcT * i * (1 - g * g);
        const dO = dh * tc * (hard ? (o > 0 && o < 1 ? 0.2 : 0) : o * (1 - o));
        Z[zo + j] = di;
        Z[zo + u + j] = df;
        Z[zo + 2 * u + j] = dg;
        Z[zo + 3 * u + j] = dO;
        dBias[j] = (dBias[j] as number) + di;
        dBias[u + j] = (dBias[u + j] as number) + df;
        dBias[2 * u + j] = (dBias[2 * u + j] as number) + dg;
        dBias[3 * u + j] = (dBias[3 * u + j] as number) + dO;
        dc[n * u + j] = dcT * f;
        P[j * TB + col] = s > 0 ? (H[so - S + j] as number) : 0;
      }
    }
    if (s > 0) {
      dhR.input().set(Z.subarray(s * B * G, (s + 1) * B * G));
      dhNext = dhR.run();
    }
  }
}
