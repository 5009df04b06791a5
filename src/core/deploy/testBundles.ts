/**
 * Fixtures for deploy's tests (not used by the app): a tiny real model's bundle, a way to edit a packed bundle
 * without refreshing its manifest (as a tamperer would), and a hand-written zip for bombs and forged headers.
 */
import * as tf from '@tensorflow/tfjs';
import { unzipSync, zipSync } from 'fflate';
import { modelToArtifacts } from './artifacts';
import { makeGolden } from './golden';
import type { BundleManifest } from './manifest';
import { type BundleContents, packBundle } from './zip';

/** Dense [3] -> 4 relu -> 1, seeded. */
export function tinyModel(): tf.LayersModel {
  const m = tf.sequential();
  m.add(
    tf.layers.dense({
      units: 4,
      inputShape: [3],
      activation: 'relu',
      kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }),
      biasInitializer: tf.initializers.constant({ value: 0.1 }),
    }),
  );
  m.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }));
  return m;
}

/** Three golden input rows for tinyModel, shape [3, 3]. */
export const GOLDEN_X = { data: [0.1, -0.2, 0.3, 1, 2, 3, -1, 0.5, 0], shape: [3, 3] };

/** Everything a full bundle holds, for tinyModel. */
export async function tinyContents(): Promise<BundleContents> {
  const model = tinyModel();
  const contents: BundleContents = {
    model: await modelToArtifacts(model),
    preprocessing: { version: 1, steps: ['scale'] },
    metrics: { r2: 0.5 },
    experiment: { seed: 7 },
    modelCard: '# Tiny\n',
    golden: await makeGolden(model, [GOLDEN_X]),
    snapshot: { epoch: 3 },
    createdAt: '2025-01-02T03:04:05.000Z',
  };
  model.dispose();
  return contents;
}

/** Unzip, let `edit` change the files (manifest untouched unless edited), zip again. */
export function repack(zip: Uint8Array, edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(zip);
  edit(files);
  return zipSync(files);
}

/** Repack with an edited manifest.json. */
export function editManifest(zip: Uint8Array, edit: (m: BundleManifest) => void): Uint8Array {
  return repack(zip, (files) => {
    const m = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as BundleManifest;
    edit(m);
    files['manifest.json'] = new TextEncoder().encode(JSON.stringify(m));
  });
}

/** Pack `contents` after `edit` changed them (a fresh, self-consistent manifest: the bundle's own content is bad). */
export async function packEdited(edit: (c: BundleContents) => void): Promise<Uint8Array> {
  const c = await tinyContents();
  edit(c);
  return packBundle(c);
}

/** One entry for {@link rawZip}: already-compressed data (method 8) or stored bytes (method 0). */
export interface RawEntry {
  name: string;
  method: 0 | 8;
  data: Uint8Array;
  crc: number;
  /** Uncompressed size written into both headers (may lie). */
  size: number;
}

/** Write a zip by hand: local headers, data, central directory, end record. No data descriptors. */
export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const loc = header(30, name, (v) => {
      v.setUint32(0, 0x04034b50, true);
      v.setUint16(4, 20, true);
      v.setUint16(8, e.method, true);
      v.setUint32(14, e.crc, true);
      v.setUint32(18, e.data.length, true);
      v.setUint32(22, e.size, true);
      v.setUint16(26, name.length, true);
    });
    const cen = header(46, name, (v) => {
      v.setUint32(0, 0x02014b50, true);
      v.setUint16(4, 20, true);
      v.setUint16(6, 20, true);
      v.setUint16(10, e.method, true);
      v.setUint32(16, e.crc, true);
      v.setUint32(20, e.data.length, true);
      v.setUint32(24, e.size, true);
      v.setUint16(28, name.length, true);
      v.setUint32(42, offset, true);
    });
    parts.push(loc, e.data);
    central.push(cen);
    offset += loc.length + e.data.length;
  }
  const cdSize = central.reduce((s, c) => s + c.length, 0);
  const end = header(22, new Uint8Array(0), (v) => {
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, entries.length, true);
    v.setUint16(10, entries.length, true);
    v.setUint32(12, cdSize, true);
    v.setUint32(16, offset, true);
  });
  const all = [...parts, ...central, end];
  const out = new Uint8Array(all.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of all) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function header(fixed: number, name: Uint8Array, fill: (v: DataView) => void): Uint8Array {
  const b = new Uint8Array(fixed + name.length);
  fill(new DataView(b.buffer));
  b.set(name, fixed);
  return b;
}
