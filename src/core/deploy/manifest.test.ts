import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUNDLE_CAPS } from './limits';
import { ENCORE_VERSION, buildManifest, parseManifest, sha256Hex } from './manifest';
import { BundleCheckError } from './problem';

describe('manifest', () => {
  it('ENCORE_VERSION is package.json version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
    expect(ENCORE_VERSION).toBe(pkg.version);
  });

  it('sha256Hex matches the FIPS 180-2 test vector', () => {
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('parseManifest reads back what buildManifest writes, and names unknown or missing files', () => {
    const b = (s: string) => new TextEncoder().encode(s);
    const files = {
      'model.json': b('{}'),
      'weights.bin': b(''),
      'preprocessing.json': b('{}'),
      'metrics.json': b('{}'),
    };
    const m = buildManifest(files, { tfjsVersion: '4.22.0' });
    expect(parseManifest(JSON.parse(JSON.stringify(m)), DEFAULT_BUNDLE_CAPS)).toEqual(m);
    const refuse = (edit: (j: typeof m) => void) => {
      const j = structuredClone(m);
      edit(j);
      try {
        parseManifest(j, DEFAULT_BUNDLE_CAPS);
      } catch (e) {
        return (e as BundleCheckError).problem;
      }
      throw new Error('accepted');
    };
    expect(refuse((j) => j.files.push({ path: 'evil.js', bytes: 1, sha256: 'a'.repeat(64) }))).toMatchObject({
      check: 'manifest',
      file: 'evil.js',
    });
    expect(refuse((j) => j.files.splice(1, 1))).toMatchObject({ check: 'manifest', file: 'weights.bin' });
    expect(refuse((j) => ((j as { format: string }).format = 'zip'))).toMatchObject({ check: 'format' });
  });
});
