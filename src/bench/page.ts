/**
 * The bench page (bench.html): exposes `window.encoreBench.run(group, options)` for bench/run.mjs, which drives
 * it in headless Chromium. Every benchmark runs inside module Web Workers; this page only orchestrates them,
 * forwards their log lines to the console, and returns plain JSON.
 */
import fishinUrl from '../../bench/fixtures/fishin.wav?url';
import vibeaceUrl from '../../bench/fixtures/vibeace.wav?url';
import { WorkerClient } from './rpc';
import type {
  AudioExtractRun,
  AudioResult,
  BenchBackend,
  BenchModelId,
  Caps,
  IngestResult,
  IngestRun,
  ModelRun,
} from './types';

const say = (text: string): void => console.log(`[bench] ${text}`);
const MIN = 60_000;

// Literal `new URL(..., import.meta.url)` per worker so Vite bundles each one.
const csvgenWorker = () =>
  new WorkerClient(
    new Worker(new URL('./workers/csvgen.worker.ts', import.meta.url), { type: 'module' }),
    say,
  );
const ingestWorker = () =>
  new WorkerClient(
    new Worker(new URL('./workers/ingestBench.worker.ts', import.meta.url), { type: 'module' }),
    say,
  );
const audioWorker = () =>
  new WorkerClient(
    new Worker(new URL('./workers/audioBench.worker.ts', import.meta.url), { type: 'module' }),
    say,
  );
const trainWorker = () =>
  new WorkerClient(
    new Worker(new URL('./workers/trainBench.worker.ts', import.meta.url), { type: 'module' }),
    say,
  );

/** The last generated CSV (a second call with the same row count, e.g. the memory run, reuses it). */
let generated: { rows: number; blob: Blob; seconds: number } | null = null;

/**
 * ingest: generate the CSV in one worker (or reuse the last one), then ingest + profile it in a fresh
 * worker, `repeat` times (default 5: on the shared 2-core machine one run can be 20% off); the run with
 * the median total is reported, with every run's figures beside it.
 */

async function runIngest(opts: { rows?: number; repeat?: number }): Promise<IngestResult> {
  const rows = opts.rows ?? 1_000_000;
  const repeat = Math.max(1, opts.repeat ?? 5);
  if (generated?.rows !== rows) {
    generated = null;
    const gen = csvgenWorker();
    const made = await gen.call<{ blob: Blob; seconds: number }>({ rows, seed: 1 }, 5 * MIN);
    gen.terminate();
    generated = { rows, ...made };
    say(
      `ingest: CSV of ${(made.blob.size / 1e6).toFixed(1)} MB generated in ${made.seconds.toFixed(1)} s; starting ingest worker`,
    );
  }
  const { blob, seconds: generateSeconds } = generated;
  const runs: IngestRun[] = [];
  for (let k = 0; k < repeat; k++) {
    const w = ingestWorker();
    try {
      // The ingest worker's decode and profile helpers are started and ready before the clock starts.
      await w.call({ warm: true }, MIN);
      const run = await w.call<IngestRun>({ blob }, 5 * MIN);
      say(
        `ingest run ${k + 1}/${repeat}: ${run.ingestSeconds.toFixed(2)} s + profile ${run.profileSeconds.toFixed(2)} s`,
      );
      runs.push(run);
    } finally {
      w.terminate();
    }
  }
  const total = (r: IngestRun): number => r.ingestSeconds + r.profileSeconds;
  const mid = [...runs].sort((a, b) => total(a) - total(b))[(runs.length - 1) >> 1]!;
  const seconds = total(mid);
  return {
    ...mid,
    rows,
    fileBytes: blob.size,
    generateSeconds,
    seconds,
    rowsPerSecond: mid.rowsRead / seconds,
    runs: runs.map((r) => ({
      ingestSeconds: r.ingestSeconds,
      profileSeconds: r.profileSeconds,
      seconds: total(r),
    })),
  };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const FIXTURES = [
  { name: 'fishin', url: fishinUrl },
  { name: 'vibeace', url: vibeaceUrl },
];

async function loadedAudioWorker(wavs: ArrayBuffer[]): Promise<WorkerClient> {
  const w = audioWorker();
  for (let i = 0; i < FIXTURES.length; i++) {
    const wav = wavs[i]!.slice(0);
    await w.call({ op: 'load', name: FIXTURES[i]!.name, wav }, MIN, [wav]);
  }
  return w;
}

/** `rounds` untimed runs of every clip, alternating, so that later timed runs are steady-state. */
async function warmUp(w: WorkerClient, rounds: number): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    for (const f of FIXTURES) await w.call({ op: 'extract', name: f.name, runs: 1, minSeconds: 0 }, 3 * MIN);
  }
}

/** audio: real-time factor of extractFeatures in one worker, then a pool of hardwareConcurrency workers on `clips` clips. */
async function runAudio(opts: { clips?: number }): Promise<AudioResult> {
  const wavs = await Promise.all(FIXTURES.map((f) => fetch(f.url).then((r) => r.arrayBuffer())));
  const one = await loadedAudioWorker(wavs);
  let warm: AudioExtractRun;
  try {
    warm = await one.call<AudioExtractRun>(
      { op: 'extract', name: FIXTURES[0]!.name, runs: 1, minSeconds: 0 },
      3 * MIN,
    );
  } catch (e) {
    one.terminate();
    return { status: 'unavailable', detail: e instanceof Error ? e.message : String(e) };
  }
  say(`audio: warm-up run ${(warm.ms[0]! / 1000).toFixed(2)} s for a ${warm.clipSeconds.toFixed(1)} s clip`);
  // V8 keeps compiling and re-optimising for several runs, and a clip timed right after the first warm-up
  // pays for that (it made whichever clip came first look ~40% slower). Alternate the clips a few rounds
  // so every timed run is steady-state, as in the app's long-lived worker pool.
  await warmUp(one, 3);
  const perCore: NonNullable<AudioResult['perCore']> = [];
  for (const f of FIXTURES) {
    const r = await one.call<AudioExtractRun>(
      { op: 'extract', name: f.name, runs: 3, minSeconds: 6 },
      3 * MIN,
    );
    const med = median(r.ms) / 1000;
    perCore.push({
      clip: f.name,
      runs: r.ms.length,
      medianSeconds: med,
      realTimeFactor: r.clipSeconds / med,
    });
  }
  one.terminate();

  const clips = opts.clips ?? 8;
  const n = Math.max(1, navigator.hardwareConcurrency || 1);
  say(`audio: pool of ${n} workers, ${clips} clips`);
  const pool = await Promise.all(Array.from({ length: n }, () => loadedAudioWorker(wavs)));
  // Warm each worker (JIT, filterbanks) so the pool figure is steady-state, as in the app's long-lived pool.
  await Promise.all(pool.map((w) => warmUp(w, 2)));
  let nextJob = 0;
  let audioSeconds = 0;
  const t0 = performance.now();
  await Promise.all(
    pool.map(async (w) => {
      while (nextJob < clips) {
        const job = nextJob++;
        const r = await w.call<AudioExtractRun>(
          { op: 'extract', name: FIXTURES[job % FIXTURES.length]!.name, runs: 1, minSeconds: 0 },
          3 * MIN,
        );
        audioSeconds += r.clipSeconds;
      }
    }),
  );
  const wallSeconds = (performance.now() - t0) / 1000;
  pool.forEach((w) => w.terminate());
  return {
    status: 'ok',
    sampleRate: 22050,
    clipSeconds: warm.clipSeconds,
    perCore,
    realTimeFactorPerCore: median(perCore.map((p) => p.realTimeFactor)),
    pool: {
      workers: n,
      clips,
      wallSeconds,
      clipsPerSecond: clips / wallSeconds,
      realTimeFactor: audioSeconds / wallSeconds,
    },
    outputKeys: warm.outputKeys,
  };
}

/**
 * Limits per backend and model. wasm gets ~8 s per measurement. webgl and webgpu (SwiftShader in headless
 * Chromium here) and cpu get a few seconds after warm-up; for the CNN and LSTM there, one warm-up step and one
 * measured step are all that fit. hardSeconds: the page terminates the worker then and keeps the figures it posted
 * so far. On webgpu inference runs after training: predictBatched's dataSync there left every later async read
 * failing ("mapAsync ... A valid external Instance reference no longer exists").
 */
function capsFor(backend: BenchBackend, model: BenchModelId, quick: boolean): Caps & { hardSeconds: number } {
  const k = quick ? 0.3 : 1;
  const heavy = model !== 'mlp';
  if (backend.startsWith('wasm'))
    return {
      warmup: heavy ? 2 : 3,
      minSteps: 3,
      maxSteps: 5000,
      trainSeconds: 8 * k,
      inferSeconds: 3 * k,
      inferChunkBatches: heavy ? 2 : 8,
      inferFirst: true,
      hardSeconds: 60 * k,
    };
  if (!heavy)
    return {
      warmup: 2,
      minSteps: 2,
      maxSteps: 5000,
      trainSeconds: 5 * k,
      inferSeconds: 3 * k,
      inferChunkBatches: 2,
      inferFirst: backend !== 'webgpu',
      hardSeconds: 45 * k,
    };
  return {
    warmup: 1,
    minSteps: 1,
    maxSteps: 50,
    trainSeconds: 4 * k,
    inferSeconds: 2 * k,
    inferChunkBatches: 1,
    inferFirst: false,
    hardSeconds: 50 * k,
  };
}

/** train: one backend x model cell in its own worker, terminated at the cell's hard limit (figures so far kept). */
async function trainCell(opts: {
  backend: BenchBackend;
  model: BenchModelId;
  quick?: boolean;
}): Promise<ModelRun> {
  const { backend, model } = opts;
  const w = trainWorker();
  const caps = capsFor(backend, model, opts.quick ?? false);
  let r: ModelRun;
  try {
    r = await w.call<ModelRun>({ backend, model, caps }, caps.hardSeconds * 1000);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const sofar = (w.lastPartial ?? {}) as ModelRun;
    r = {
      ...sofar,
      status: msg.startsWith('timed out') ? 'timeout' : 'error',
      detail: `${msg}${sofar.detail ? ` (${sofar.detail})` : ''}`,
    };
  } finally {
    w.terminate();
  }
  const f = (x?: number) => (x == null ? '-' : x.toFixed(1));
  say(
    `train: ${backend}/${model}: ${r.status}, train ${f(r.trainSamplesPerSec)} samples/s (${r.trainSteps ?? 0} steps, first ${f(r.firstStepSeconds)} s), ` +
      `infer ${f(r.inferRowsPerSec)} rows/s ${r.trainError ?? ''}${r.inferError ?? ''}${r.status !== 'ok' ? (r.detail ?? '') : ''}`,
  );
  return r;
}

type Group = 'ingest' | 'audio' | 'trainCell';

/** Facts about the browser the figures came from. */
function info() {
  return {
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency,
    crossOriginIsolated: self.crossOriginIsolated,
    webgpu: 'gpu' in navigator,
  };
}

const api = {
  info,
  run(group: Group, options: Record<string, unknown> = {}): Promise<unknown> {
    if (group === 'ingest') return runIngest(options);
    if (group === 'audio') return runAudio(options);
    if (group === 'trainCell') return trainCell(options as Parameters<typeof trainCell>[0]);
    return Promise.reject(new Error(`unknown benchmark group "${String(group)}"`));
  },
};

declare global {
  interface Window {
    encoreBench: typeof api;
  }
}
window.encoreBench = api;
document.getElementById('status')!.textContent = 'ready';
