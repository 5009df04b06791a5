/**
 * Test helpers (Node only): read files from testdata/ and compare arrays.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeWav } from '../../core/audio/wav';

/** Absolute path under the repository's testdata/ folder. */
export function testdata(...parts: string[]): string {
  return path.resolve(__dirname, '../../../testdata', ...parts);
}

/** Read a file from testdata/ as bytes. */
export function readBytes(...parts: string[]): Uint8Array {
  return new Uint8Array(readFileSync(testdata(...parts)));
}

/** Parse a JSON file from testdata/. */
export function readJson<T = unknown>(...parts: string[]): T {
  return JSON.parse(readFileSync(testdata(...parts), 'utf8')) as T;
}

/** Decode a WAV from testdata/ and average its channels (librosa's mono = mean). */
export function readMono(...parts: string[]): { sr: number; y: Float32Array } {
  const { sampleRate, channels } = decodeWav(readBytes(...parts));
  const n = channels[0]!.length;
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (const ch of channels) s += ch[i]!;
    y[i] = s / channels.length;
  }
  return { sr: sampleRate, y };
}

/** Largest violation of numpy allclose: max(|a − e| − (atol + rtol·|e|)); ≤ 0 means all close. */
export function allcloseExcess(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  rtol: number,
  atol: number,
): number {
  let worst = -Infinity;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const d = Math.abs(actual[i]! - e) - (atol + rtol * Math.abs(e));
    if (!(d <= worst)) worst = Number.isNaN(d) ? Infinity : d;
  }
  return worst;
}

/** Largest absolute difference. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < b.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    if (!(d <= m)) m = Number.isNaN(d) ? Infinity : d;
  }
  return m;
}

/** Flatten nested arrays of numbers. */
export function flat(x: unknown): number[] {
  return (x as unknown[]).flat(Infinity as 1) as number[];
}
