/**
 * Ingest + typing + profiling throughput on a generated 1,000,000-row track table (about 180 MB).
 * Skipped unless BENCH=1 (it takes seconds and a lot of memory): `BENCH=1 npx vitest run src/core/ingest/bench.test.ts`.
 * Optional BENCH_ROWS overrides the row count. Prints one JSON line with the figures.
 */
import { expect, it } from 'vitest';
import { profileTable } from '../prep/profile';
import { ingestBlob } from './index';
import { syntheticCsvParts } from '../../test-support/ingest/synthetic';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);

it.skipIf(!process.env.BENCH)(
  `ingests and profiles ${ROWS} generated rows`,
  async () => {
    const blob = new Blob(syntheticCsvParts(ROWS));
    const heap0 = process.memoryUsage().heapUsed;
    let peak = 0;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const { table, report } = await ingestBlob(blob, {
      onProgress: () => {
        peak = Math.max(peak, process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers);
      },
    });
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    const profiles = profileTable(table);
    const t2 = performance.now();
    expect(report.rowsKept).toBe(ROWS);
    const figures = {
      rows: ROWS,
      megabytes: +(blob.size / 1e6).toFixed(1),
      ingestSeconds: +((t1 - t0) / 1000).toFixed(2),
      profileSeconds: +((t2 - t1) / 1000).toFixed(2),
      totalSeconds: +((t2 - t0) / 1000).toFixed(2),
      cpuSeconds: +(cpuMicros(process.cpuUsage(c0)) / 1e6).toFixed(2),
      ingestCpuSeconds: +(
        cpuMicros(process.cpuUsage(c0)) / 1e6 -
        cpuMicros(process.cpuUsage(c1)) / 1e6
      ).toFixed(2),
      profileCpuSeconds: +(cpuMicros(process.cpuUsage(c1)) / 1e6).toFixed(2),
      rowsPerSecond: Math.round(ROWS / ((t2 - t0) / 1000)),
      peakHeapMB: Math.round((peak - heap0) / 1e6),
      types: profiles.map((p) => `${p.name}:${p.type}`).join(' '),
    };
    console.log('BENCH ' + JSON.stringify(figures));
  },
  300_000,
);

const cpuMicros = (u: { user: number; system: number }) => u.user + u.system;
