import * as tf from '@tensorflow/tfjs';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { artifactsToModel } from './artifacts';
import { checkGolden } from './golden';
import { editManifest, packEdited, repack, tinyContents, tinyModel, GOLDEN_X } from './testBundles';
import { type ValidateResult, validateBundle } from './validate';
import { packBundle } from './zip';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The problem a refused bundle reports (fails the test when it was accepted). */
function problem(r: ValidateResult) {
  if (r.ok) throw new Error('expected the bundle to be refused');
  return r.error;
}

describe('validateBundle: a valid bundle', () => {
  it('round-trips every file, and its model reproduces the golden rows', async () => {
    const contents = await tinyContents();
    const zip = packBundle(contents);
    expect(Object.keys(unzipSync(zip)).sort()).toEqual([
      'README.txt',
      'experiment.json',
      'golden.json',
      'manifest.json',
      'metrics.json',
      'model-card.md',
      'model.json',
      'preprocessing.json',
      'snapshot.json',
      'weights.bin',
    ]);
    const r = await validateBundle(zip);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.manifest).toMatchObject({ format: 'encore-bundle', formatVersion: 1, encoreVersion: '0.1.0' });
    expect(r.manifest.tfjsVersion).toBe(tf.version.tfjs);
    expect(r.manifest.createdAt).toBe(contents.createdAt);
    expect(r.manifest.files.map((f) => f.path)).not.toContain('manifest.json');
    expect(r.manifest.files).toHaveLength(9);
    expect(r.golden).toMatchObject({ rows: 3 });
    const { model: _m, ...rest } = r.bundle;
    const { model: _c, createdAt: _t, ...want } = contents;
    expect(rest).toEqual(want);
    expect(new Uint8Array(r.bundle.model.weights)).toEqual(new Uint8Array(contents.model.weights));

    const loaded = await artifactsToModel(r.bundle.model);
    const check = await checkGolden(loaded, r.bundle.golden!);
    expect(check).toMatchObject({ ok: true, rows: 3 });
    const original = tinyModel();
    const x = tf.tensor(GOLDEN_X.data, GOLDEN_X.shape);
    const a = (loaded.predict(x) as tf.Tensor).dataSync();
    const b = (original.predict(x) as tf.Tensor).dataSync();
    expect(Array.from(a)).toEqual(Array.from(b));
    x.dispose();
    loaded.dispose();
    original.dispose();
  });

  it('accepts a bundle without optional files, and one re-zipped inside a folder', async () => {
    const c = await tinyContents();
    const minimal = packBundle({ model: c.model, preprocessing: {}, metrics: {} });
    expect(await validateBundle(minimal)).toMatchObject({ ok: true });
    const nested = repack(packBundle(c), (files) => {
      for (const k of Object.keys(files)) {
        files[`my-model/${k}`] = files[k]!;
        delete files[k];
      }
    });
    expect(await validateBundle(nested)).toMatchObject({ ok: true, golden: { rows: 3 } });
  });
});

describe('validateBundle: each broken bundle gets its own message', () => {
  it('a truncated weights file', async () => {
    const zip = await packEdited(
      (c) => (c.model.weights = c.model.weights.slice(0, c.model.weights.byteLength - 4)),
    );
    const e = problem(await validateBundle(zip));
    expect(e).toMatchObject({ check: 'weights-length', file: 'weights.bin' });
    expect(e.message).toMatch(/weights\.bin is truncated: it holds 80 bytes, but .* needs 84/);
  });

  it('extra bytes after the weights', async () => {
    const zip = await packEdited((c) => {
      const w = new Uint8Array(c.model.weights.byteLength + 8);
      w.set(new Uint8Array(c.model.weights));
      c.model.weights = w.buffer;
    });
    const e = problem(await validateBundle(zip));
    expect(e).toMatchObject({ check: 'weights-length', file: 'weights.bin' });
    expect(e.message).toMatch(/weights\.bin has 8 extra bytes/);
  });

  it('a file changed after export (SHA-256 mismatch)', async () => {
    const zip = repack(packBundle(await tinyContents()), (f) => {
      f['weights.bin']![5]! ^= 0x40;
    });
    const e = problem(await validateBundle(zip));
    expect(e).toMatchObject({ check: 'sha256', file: 'weights.bin' });
    expect(e.message).toMatch(/does not match its SHA-256/);
  });

  it('NaN weights', async () => {
    const zip = await packEdited((c) => {
      new Float32Array(c.model.weights)[13] = NaN; // dense_Dense1/bias[1] (kernel is 12 values)
    });
    const e = problem(await validateBundle(zip));
    expect(e).toMatchObject({ check: 'finite', file: 'weights.bin' });
    expect(e.message).toMatch(/weight dense_Dense\d+\/bias holds NaN at index 1/);
  });

  it('a layer class outside the allowlist (Lambda)', async () => {
    const zip = await packEdited((c) => {
      const topo = c.model.modelJson.modelTopology as { config: { layers: { class_name: string }[] } };
      topo.config.layers.push({
        class_name: 'Lambda',
        config: { name: 'sneaky', function: 'x => x' },
      } as never);
    });
    const e = problem(await validateBundle(zip));
    expect(e).toMatchObject({ check: 'layers', file: 'model.json' });
    expect(e.message).toMatch(/uses a Lambda layer \("sneaky"\)/);
  });

  it('a weight shape that disagrees with the topology', async () => {
    const zip = await packEdited((c) => {
      c.model.modelJson.weightsManifest[0]!.weights[0]!.shape = [4, 3]; // kernel is [3, 4]: same bytes
    });
    const e = problem(await validateBundle(zip));
    expect(e).toMatchObject({ check: 'weight-shapes', file: 'model.json' });
    expect(e.message).toMatch(/kernel is \[4,3\] in weightsManifest, but the topology needs \[3,4\]/);
  });

  it('a topology far larger than its weights is refused before allocating', async () => {
    const zip = await packEdited((c) => {
      const topo = c.model.modelJson.modelTopology as { config: { layers: { config: { units: number } }[] } };
      topo.config.layers[0]!.config.units = 2e8; // a [3, 2e8] kernel: 2.4 GB if built
    });
    const e = problem(await validateBundle(zip));
    expect(e).toMatchObject({ check: 'weight-shapes', file: 'model.json' });
    expect(e.message).toMatch(/needs a weight of shape \[3,200000000\], beyond the values/);
  });

  it('a manifest claiming a 2 GB file', async () => {
    const zip = editManifest(packBundle(await tinyContents()), (m) => {
      m.files.find((f) => f.path === 'weights.bin')!.bytes = 2e9;
    });
    const e = problem(await validateBundle(zip));
    expect(e).toMatchObject({ check: 'size-cap', file: 'weights.bin' });
    expect(e.message).toBe('manifest.json says weights.bin is 2 GB, over the 250 MB cap per file.');
  });

  it('a newer format version', async () => {
    const zip = editManifest(packBundle(await tinyContents()), (m) => {
      m.formatVersion = 2;
      m.encoreVersion = '9.0.0';
    });
    const e = problem(await validateBundle(zip));
    expect(e).toMatchObject({ check: 'format-version', file: 'manifest.json' });
    expect(e.message).toMatch(/made by a newer Encore \(Encore 9\.0\.0\): bundle format 2/);
  });

  it('a zip that is not a bundle, and a file that is not a zip', async () => {
    const notBundle = repack(packBundle(await tinyContents()), (f) => delete f['manifest.json']);
    expect(problem(await validateBundle(notBundle))).toEqual({
      check: 'manifest',
      message: 'Not an Encore bundle: the zip has no manifest.json. Export the model from Encore again.',
    });
    const e = problem(await validateBundle(new TextEncoder().encode('name,popularity\nsong,80\n')));
    expect(e.check).toBe('zip');
    expect(e.message).toMatch(/not a zip/);
  });

  it('an unlisted extra file, a listed file missing, a size the manifest disagrees with', async () => {
    const zip = packBundle(await tinyContents());
    const extra = repack(zip, (f) => (f['run.js'] = new Uint8Array([1])));
    expect(problem(await validateBundle(extra))).toMatchObject({ check: 'extra-file', file: 'run.js' });
    const missing = repack(zip, (f) => delete f['metrics.json']);
    expect(problem(await validateBundle(missing))).toMatchObject({
      check: 'missing-file',
      file: 'metrics.json',
    });
    const resized = editManifest(zip, (m) => (m.files.find((f) => f.path === 'metrics.json')!.bytes += 1));
    expect(problem(await validateBundle(resized))).toMatchObject({ check: 'size', file: 'metrics.json' });
  });

  it('golden rows the model does not reproduce', async () => {
    const zip = await packEdited((c) => (c.golden!.outputs[0]!.data[1]! += 1e-3));
    const e = problem(await validateBundle(zip));
    expect(e).toMatchObject({ check: 'golden', file: 'golden.json' });
    expect(e.message).toMatch(
      /Golden row 1, output 0\[0\]: the model gives .* \(tolerance 0\.00001, cpu backend\)/,
    );
    expect((await validateBundle(zip, { checkGolden: false })).ok).toBe(true);
  });
});
