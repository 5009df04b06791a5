/** Generates the benchmark CSV in its own worker, so the ingest worker's heap starts clean. */
import { generateTrackCsv } from './csvgen';
import { log, serve } from '../rpc';

serve<{ rows: number; seed: number }>(async ({ rows, seed }) => {
  const t0 = performance.now();
  let lastLog = 0;
  const blob = generateTrackCsv(rows, seed, 20_000, (done) => {
    if (done - lastLog >= 250_000 || done === rows) {
      lastLog = done;
      log(`generated ${done.toLocaleString('en-US')} rows`);
    }
  });
  return { value: { blob, seconds: (performance.now() - t0) / 1000 } };
});
