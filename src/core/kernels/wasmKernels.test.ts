/**
 * The wasm kernel overrides give tfjs's CPU-backend results (forward values and gradients) to float tolerance,
 * and a few Adam steps of the benchmark models give the same losses with and without them.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fastKernelsInstalled, installFastKernels, uninstallFastKernels } from './install';
import { buildMeasureModel, type MeasureKind } from '../../test-support/kernels/measureModels';

/** Run f on a backend and return its tensors' values (f runs inside tidy; seeds make inputs identical). */
async function on(backend: string, f: () => tf.Tensor[]): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const ts = tf.tidy(f);
  const out = ts.map((t) => Float32Array.from(t.dataSync()));
  tf.dispose(ts);
  return out;
}

/** Max |a - b| relative to max(1, max |a|). */
function relErr(a: Float32Array, b: Float32Array): number {
  expect(b.length).toBe(a.length);
  let d = 0;
  let m = 1;
  for (let i = 0; i < a.length; i++) {
    d = Math.max(d, Math.abs((a[i] as number) - (b[i] as number)));
    m = Math.max(m, Math.abs(a[i] as number));
  }
  return d / m;
}

/** Compare f on cpu against f on wasm with the overrides installed. */
async function sameAsCpu(f: () => tf.Tensor[], tol = 2e-5): Promise<void> {
  const ref = await on('cpu', f);
  const got = await on('wasm', f);
  ref.forEach((r, i) => expect(relErr(r, got[i] as Float32Array), `output ${i}`).toBeLessThan(tol));
}

const rnd = (shape: number[], seed: number): tf.Tensor => tf.randomNormal(shape, 0, 1, 'float32', seed);

beforeAll(async () => {
  await tf.setBackend('wasm');
  installFastKernels('wasm');
  installFastKernels('wasm'); // idempotent
});
afterAll(() => uninstallFastKernels('wasm'));

describe('installFastKernels', () => {
  it('installs on wasm, ignores other backends, and uninstalls cleanly', () => {
    expect(fastKernelsInstalled('wasm')).toBe(true);
    installFastKernels('cpu');
    expect(fastKernelsInstalled('cpu')).toBe(false);
    uninstallFastKernels('wasm');
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined();
    installFastKernels('wasm');
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
  });
});

describe('matMul without transposed operands', () => {
  it('matches cpu for every transpose combination, batched and fused', async () => {
    await sameAsCpu(() => {
      const a = rnd([6, 9], 1);
      const b = rnd([9, 4], 2);
      const a3 = rnd([1, 6, 9], 3);
      const bb = rnd([3, 5, 7], 4);
      const bias = rnd([4], 5);
      return [
        tf.matMul(a, b),
        tf.matMul(tf.transpose(a), b, true, false),
        tf.matMul(a, tf.transpose(b), false, true),
        tf.matMul(tf.transpose(a), tf.transpose(b), true, true),
        tf.matMul(tf.transpose(a3, [0, 2, 1]), rnd([1, 4, 9], 6), true, true),
        tf.matMul(bb, bb, false, true),
        tf.fused.matMul({ a: tf.transpose(a), b, transposeA: true, bias, activation: 'relu' }),
        tf.fused.matMul({ a, b: tf.transpose(b), transposeB: true, bias, activation: 'elu' }),
      ];
    });
  });

  it('gives the dense-layer gradients of cpu', async () => {
    await sameAsCpu(() => {
      const x = rnd([8, 5], 7);
      const w = rnd([5, 3], 8);
      const b = rnd([3], 9);
      const r = rnd([8, 3], 10);
      const f = (xx: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor): tf.Tensor =>
        tf.sum(
          tf.mul(
            tf.fused.matMul({ a: xx as tf.Tensor2D, b: ww as tf.Tensor2D, bias: bb, activation: 'relu' }),
            r,
          ),
        );
      return tf.grads(f)([x, w, b]);
    });
  });
});

describe('slice, split, unstack over heap views', () => {
  it('matches cpu on boxes of rank 1 to 5 and through concat gradients', async () => {
    await sameAsCpu(() => {
      const x5 = rnd([2, 3, 4, 5, 6], 11);
      const x3 = rnd([3, 8, 5], 12);
      const r = rnd([3, 16, 5], 13);
      return [
        tf.slice(rnd([10], 14), [3], [4]),
        tf.slice(x3, [1, 2, 0], [2, 5, 5]),
        tf.slice(x3, [0, 0, 1], [3, 8, 3]),
        tf.slice(x5, [1, 0, 2, 1, 3], [1, 3, 2, 3, 3]),
        tf.slice(x5, [0, 1, 0, 0, 0], [2, 2, 4, 5, 6]),
        ...tf.split(x3, [3, 5], 1),
        ...tf.unstack(x3, 1),
        ...tf.unstack(x3, 2),
        tf.grad((v: tf.Tensor) => tf.sum(tf.mul(tf.concat([v, tf.mul(v, 2)], 1), r)))(x3),
        ...tf.split(tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3], 'int32'), 3, 1).map((t) => tf.cast(t, 'float32')),
      ];
    });
  });
});

describe('Conv2D gradients on wasm', () => {
  const cases = [
    { x: [2, 7, 9, 1], w: [3, 3, 1, 4], strides: 1, pad: 'same' as const },
    { x: [2, 6, 5, 3], w: [3, 3, 3, 2], strides: 1, pad: 'valid' as const },
    { x: [1, 6, 6, 2], w: [2, 2, 2, 3], strides: 1, pad: 'same' as const },
    { x: [2, 1, 11, 4], w: [1, 3, 4, 5], strides: 1, pad: 'same' as const },
    { x: [2, 7, 8, 2], w: [3, 3, 2, 3], strides: 2, pad: 'same' as const },
  ];
  for (const c of cases) {
    it(`dx and dW match cpu for x ${c.x}, w ${c.w}, stride ${c.strides}, ${c.pad}`, async () => {
      await sameAsCpu(() => {
        const x = rnd(c.x, 21) as tf.Tensor4D;
        const w = rnd(c.w, 22) as tf.Tensor4D;
        const y = tf.conv2d(x, w, c.strides, c.pad);
        const r = rnd(y.shape, 23);
        return tf.grads((xx: tf.Tensor, ww: tf.Tensor) =>
          tf.sum(tf.mul(tf.conv2d(xx as tf.Tensor4D, ww as tf.Tensor4D, c.strides, c.pad), r)),
        )([x, w]);
      });
    });
  }
  it('trains a conv1d (built on conv2d) with cpu gradients', async () => {
    await sameAsCpu(() => {
      const x = rnd([3, 10, 4], 24) as tf.Tensor3D;
      const w = rnd([5, 4, 6], 25) as tf.Tensor3D;
      return tf.grads((xx: tf.Tensor, ww: tf.Tensor) =>
        tf.sum(tf.square(tf.conv1d(xx as tf.Tensor3D, ww as tf.Tensor3D, 1, 'same'))),
      )([x, w]);
    });
  });
});

describe('tile, max-pool gradient and leading-axis reductions', () => {
  it('match cpu', async () => {
    await sameAsCpu(() => {
      const x = rnd([2, 6, 7, 3], 31) as tf.Tensor4D;
      const r1 = rnd([2, 3, 4, 3], 32);
      const r2 = rnd([2, 2, 3, 3], 33);
      const r3 = rnd([2, 3, 3, 3], 37);
      const v = rnd([4, 5, 6], 34);
      return [
        tf.tile(rnd([2, 1, 3], 35), [2, 3, 1]),
        tf.cast(tf.tile(tf.tensor2d([1, 2, 3, 4], [2, 2], 'int32'), [3, 2]), 'float32'),
        tf.tile(rnd([1, 1, 1, 4], 36), [2, 3, 5, 1]),
        tf.grad((xx: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(xx as tf.Tensor4D, 2, 2, 'same'), r1)))(x),
        tf.grad((xx: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(xx as tf.Tensor4D, 3, 2, 'valid'), r2)))(x),
        // Ties (rounded values, zeros after relu): the first maximum in window order must take the gradient.
        tf.grad((xx: tf.Tensor) =>
          tf.sum(tf.mul(tf.maxPool(tf.relu(tf.round(xx)) as tf.Tensor4D, 2, 2, 'same'), r1)),
        )(x),
        tf.grad((xx: tf.Tensor) =>
          tf.sum(tf.mul(tf.maxPool(tf.round(tf.mul(xx, 0.5)) as tf.Tensor4D, 2, 2, 'same'), r1)),
        )(x),
        tf.grad((xx: tf.Tensor) =>
          tf.sum(tf.mul(tf.maxPool(tf.round(tf.mul(xx, 0.5)) as tf.Tensor4D, 2, 2, 'valid'), r3)),
        )(x),
        tf.grad((xx: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(xx as tf.Tensor4D, 2, 2, 'valid'), r3)))(x),
        tf.sum(v, [0, 1]),
        tf.sum(v, [1, 0], true),
        tf.mean(v, 0),
        tf.sum(v, [1]),
        tf.mean(v, [1, 2]),
        tf.sum(rnd([256, 128], 38), 0),
        tf.mean(rnd([37, 19], 39), 0, true),
      ];
    });
  });
});

describe('transpose of the last two axes', () => {
  it('matches cpu exactly for matrices, batches, odd sizes and int32, and leaves other perms to tfjs', async () => {
    const f = () => [
      tf.transpose(rnd([256, 128], 40)),
      tf.transpose(rnd([37, 19], 41)),
      tf.transpose(rnd([3, 17, 33], 42), [0, 2, 1]),
      tf.transpose(rnd([1, 40], 43)),
      tf.cast(tf.transpose(tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3], 'int32')), 'float32'),
      tf.transpose(rnd([3, 4, 5], 44), [2, 0, 1]),
      tf.transpose(rnd([2, 3, 4, 5], 45), [0, 1, 3, 2]),
    ];
    const ref = await on('cpu', f);
    const got = await on('wasm', f);
    ref.forEach((r, i) => expect(Array.from(got[i] as Float32Array), `output ${i}`).toEqual(Array.from(r)));
  });
});

describe('training steps', () => {
  /** Losses of `steps` Adam steps on a scaled-down benchmark model. */
  const losses = (kind: MeasureKind, steps: number) => (): tf.Tensor[] => {
    const { model, x, y } = buildMeasureModel(kind, kind === 'lstm' ? 0.06 : 0.1);
    const opt = tf.train.adam(0.01);
    const out: tf.Tensor[] = [];
    for (let s = 0; s < steps; s++) {
      out.push(
        opt.minimize(
          () => tf.losses.meanSquaredError(y, model.apply(x, { training: true }) as tf.Tensor) as tf.Scalar,
          true,
        ) as tf.Scalar,
      );
    }
    out.push(model.predict(x) as tf.Tensor);
    model.dispose();
    opt.dispose();
    return out;
  };

  for (const kind of ['mlp', 'cnn', 'lstm'] as const) {
    it(`${kind}: wasm with fast kernels follows cpu's losses`, async () => {
      await sameAsCpu(losses(kind, 4), 2e-4);
    });
  }

  it('leaves no wasm buffers behind (temporaries of the overrides are freed)', async () => {
    await tf.setBackend('wasm');
    for (const kind of ['cnn', 'lstm'] as const) {
      const { model, x, y } = buildMeasureModel(kind, 0.06);
      const opt = tf.train.adam(0.01);
      const step = (): void =>
        opt
          .minimize(
            () => tf.losses.meanSquaredError(y, model.apply(x, { training: true }) as tf.Tensor) as tf.Scalar,
            true,
          )
          ?.dispose();
      step();
      const buffers = tf.memory().numDataBuffers;
      step();
      step();
      expect(tf.memory().numDataBuffers, kind).toBe(buffers);
      tf.dispose([x, y]);
      model.dispose();
      opt.dispose();
    }
  });

  it('mlp and lstm: wasm with and without the overrides agree', async () => {
    for (const kind of ['mlp', 'lstm'] as const) {
      const fast = await on('wasm', losses(kind, 3));
      uninstallFastKernels('wasm');
      const stock = await on('wasm', losses(kind, 3));
      installFastKernels('wasm');
      stock.forEach((s, i) => expect(relErr(s, fast[i] as Float32Array)).toBeLessThan(2e-4));
    }
  });
});
