/**
 * The ingest benchmark's worker: ingestBlob (streaming parse into typed columns) then profileLoaded (profiles on
 * two threads, the suggested target, leakage flags), exactly as the app's data worker runs them, with the same
 * nested decode and profile workers. Its heap is sampled from outside (run.mjs, over the DevTools protocol),
 * because neither performance.memory nor measureUserAgentSpecificMemory exists inside a dedicated worker.
 */
import { ingestBlob } from '../../core/ingest';
import { profileLoaded } from '../../core/prep/profileParallel';
import { prestartHelpers, startDecodeWorker, startProfileWorker } from '../../workers/helperWorkers';
import { log, serve } from '../rpc';
import type { IngestRun } from '../types';

serve<{ blob?: Blob; warm?: boolean }>(async ({ blob, warm }) => {
  // As in the app, whose data worker starts its helpers at page load: they are up before a file comes.
  if (warm || !blob) {
    await prestartHelpers();
    return { value: null };
  }
  const t0 = performance.now();
  let lastLog = 0;
  const { table, report } = await ingestBlob(blob, {
    decodeWorker: startDecodeWorker,
    onProgress: (p) => {
      if (p.rows - lastLog >= 250_000) {
        lastLog = p.rows;
        log(`ingest: ${p.rows.toLocaleString('en-US')} rows, ${(p.bytesRead / 1e6).toFixed(0)} MB`);
      }
    },
  });
  const t1 = performance.now();
  const { profiles, target } = await profileLoaded(table, startProfileWorker);
  const t2 = performance.now();
  const run: IngestRun = {
    ingestSeconds: (t1 - t0) / 1000,
    profileSeconds: (t2 - t1) / 1000,
    rowsRead: report.rowsRead,
    rowsKept: report.rowsKept,
    rowsSkipped: report.rowsSkipped,
    cellIssues: report.cellIssueCount,
    encoding: report.encoding,
    delimiter: report.delimiter,
    columnTypes: Object.fromEntries(profiles.map((p) => [p.name, p.type])),
    suggestedTarget: target,
  };
  return { value: run };
});
