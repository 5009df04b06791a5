#!/usr/bin/env node
// `npm run bench [-- ingest|audio|train ...] [--quick] [--rows=N] [--repeat=N] [--backends=wasm,webgl] [--models=mlp,lstm]`
// Serves the built app with `vite preview` (port 4174, cross-origin isolated), opens /bench.html in Debian's
// headless Chromium, runs each benchmark group inside Web Workers, prints tables, and merges the figures into
// bench/results.json (one key per benchmark, so a partial run keeps the others). See bench/README.md.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { CHROMIUM_ARGS as BASE_ARGS, chromiumPath } from '../scripts/chromium.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { sampleWorkerHeap } from './heap.mjs';
import { TARGETS, audioTable, bestPerModel, ingestTable, trainTable } from './report.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// BENCH_RESULTS points a trial run at another file, so bench/results.json keeps the recorded figures.
const resultsPath = process.env.BENCH_RESULTS
  ? path.resolve(process.env.BENCH_RESULTS)
  : path.join(root, 'bench', 'results.json');
// BENCH_PORT lets two benchmark runs (each with its own BENCH_OUT_DIR) serve side by side.
const PORT = Number(process.env.BENCH_PORT ?? 4174);
const BASE = `http://127.0.0.1:${PORT}`;
const GROUPS = ['ingest', 'audio', 'train'];
// The built app to serve; BENCH_OUT_DIR lets a run use its own build (`vite build --outDir X`) instead of dist/.
const outDir = path.resolve(root, process.env.BENCH_OUT_DIR ?? 'dist');

function parseArgs(argv) {
  const groups = [];
  const opts = {};
  for (const a of argv) {
    if (GROUPS.includes(a)) groups.push(a);
    else if (a === '--quick') opts.quick = true;
    else if (a.startsWith('--rows=')) opts.rows = Number(a.slice(7));
    else if (a.startsWith('--repeat=')) opts.repeat = Number(a.slice(9));
    else if (a.startsWith('--backends=')) opts.backends = a.slice(11).split(',');
    else if (a.startsWith('--models=')) opts.models = a.slice(9).split(',');
    else if (a.startsWith('--clips=')) opts.clips = Number(a.slice(8));
    else {
      console.error(
        `Unknown argument "${a}". Use: ${GROUPS.join(' | ')}, --quick, --rows=N, --repeat=N, --backends=a,b, --models=a,b, --clips=N`,
      );
      process.exit(2);
    }
  }
  return { groups: groups.length ? groups : GROUPS, opts };
}

async function waitForServer(url, ms) {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`vite preview did not answer at ${url} within ${ms / 1000} s`);
}

function startPreview() {
  if (!existsSync(path.join(outDir, 'bench.html'))) {
    throw new Error(
      `${path.relative(root, outDir)}/bench.html is missing: run \`vite build\` first (npm run bench does).`,
    );
  }
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const child = spawn(
    process.execPath,
    [vite, 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', outDir],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  child.stderr.on('data', (d) => process.stderr.write(`[vite] ${d}`));
  return child;
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: `${cpus.length} x ${cpus[0]?.model ?? 'unknown'}`,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    note: 'shared machine: other sessions ran builds and tests at the same time, so figures vary between runs',
  };
}

const load = () => os.loadavg()[0].toFixed(2);

// The shared headless flags, plus precise memory info for the heap figures.
const CHROMIUM_ARGS = [...BASE_ARGS, '--enable-precise-memory-info'];

/** A Chromium with /bench.html open; restart() gives a fresh browser (and GPU process). */
async function openSession() {
  const executablePath = chromiumPath();
  const s = { browser: undefined, page: undefined };
  s.start = async () => {
    s.browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    s.page = await s.browser.newPage();
    s.page.on('console', (m) => {
      const text = m.text();
      if (text.startsWith('[bench]')) console.log(`  ${text.slice(8)}`);
      else if (m.type() === 'error') console.log(`  [page error] ${text}`);
    });
    s.page.on('pageerror', (e) => console.log(`  [page exception] ${e.message}`));
    await s.page.goto(`${BASE}/bench.html`);
    await s.page.waitForFunction(() => window.encoreBench !== undefined, null, { timeout: 30_000 });
  };
  s.close = async () => {
    await s.browser?.close().catch(() => {});
    s.browser = undefined;
  };
  s.restart = async () => {
    await s.close();
    await s.start();
  };
  s.run = (group, options) => s.page.evaluate(([g, o]) => window.encoreBench.run(g, o), [group, options]);
  await s.start();
  return s;
}

/**
 * The timed runs first, then one more run of the same file for memory: the heap sampler interrupts the
 * workers 20 times a second, which slowed a load by 0.5-1.1 s in our runs, so no timed
 * run is sampled. The memory run's own time is recorded too (memoryRunSeconds).
 */
async function runIngest(s, opts) {
  const timed = await s.run('ingest', { rows: opts.rows, repeat: opts.repeat });
  const sampler = await sampleWorkerHeap(s.browser, [
    'ingestBench.worker',
    'decode.worker',
    'profile.worker',
  ]);
  let memoryRun;
  try {
    memoryRun = await s.run('ingest', { rows: opts.rows, repeat: 1 });
  } finally {
    memoryRun = { ...memoryRun, heap: await sampler.stop() };
  }
  const r = { ...timed, heap: memoryRun.heap, memoryRunSeconds: memoryRun.seconds };
  const heapToFile = r.heap.samples > 0 ? r.heap.peakWithBuffersBytes / r.fileBytes : undefined;
  const t = TARGETS.ingest;
  return {
    ...r,
    heapToFile,
    heapMethod:
      'a separate, untimed run of the same file: DevTools protocol Runtime.getHeapUsage every 50 ms on the ingest worker and the decode and profile workers it starts, summed per sample (performance.memory and measureUserAgentSpecificMemory do not exist in dedicated workers); peakWithBuffers = V8 heap used + ArrayBuffer backing stores',
    targets: t,
    met: {
      seconds: r.rows >= t.rows && r.seconds < t.maxSeconds,
      heap: heapToFile != null && heapToFile < t.maxHeapToFile,
    },
  };
}

async function runAudio(s, opts) {
  const r = await s.run('audio', { clips: opts.clips });
  return {
    ...r,
    targets: TARGETS.audio,
    met: r.status === 'ok' ? r.realTimeFactorPerCore >= TARGETS.audio.minRealTimeFactorPerCore : undefined,
  };
}

const BACKENDS = ['wasm', 'wasm+fast', 'webgl', 'webgpu', 'cpu'];
const MODELS = ['mlp', 'lstm', 'cnn2d'];

/**
 * One page call per backend x model cell. A GPU cell that timed out leaves SwiftShader busy with the killed
 * worker's queued work (the next cells then stalled before their first step), so the browser is restarted then.
 */
async function runTrain(s, opts) {
  const backends = {};
  for (const backend of opts.backends ?? BACKENDS) {
    backends[backend] = {};
    for (const model of opts.models ?? MODELS) {
      const r = await s.run('trainCell', { backend, model, quick: opts.quick });
      if (s.fresh) r.freshBrowser = true;
      s.fresh = false;
      backends[backend][model] = r;
      if (r.status === 'unavailable') break; // it cannot start here: skip its other models
      if (r.status === 'timeout' && (backend === 'webgl' || backend === 'webgpu')) {
        await s.restart();
        s.fresh = true;
      }
    }
  }
  return { backends, best: bestPerModel(backends), targets: TARGETS.train };
}

async function main() {
  const { groups, opts } = parseArgs(process.argv.slice(2));
  const preview = startPreview();
  let session;
  const results = {};
  try {
    await waitForServer(`${BASE}/bench.html`, 30_000);
    session = await openSession();
    const browserInfo = {
      version: session.browser.version(),
      ...(await session.page.evaluate(() => window.encoreBench.info())),
    };
    if (!browserInfo.crossOriginIsolated)
      console.warn('warning: the bench page is not cross-origin isolated');

    for (const g of groups) {
      console.log(`\n== ${g} (load average ${load()}) ==`);
      const t0 = Date.now();
      const loadBefore = load();
      let r;
      try {
        if (g === 'ingest') r = await runIngest(session, opts);
        else if (g === 'audio') r = await runAudio(session, opts);
        else r = await runTrain(session, opts);
      } catch (e) {
        console.error(`${g} failed: ${e instanceof Error ? e.message : e}`);
        process.exitCode = 1;
        await session.restart().catch(() => {});
        continue;
      }
      results[g] = {
        measuredAt: new Date().toISOString(),
        wallSeconds: (Date.now() - t0) / 1000,
        loadAverage: { before: Number(loadBefore), after: Number(load()) },
        machine: machine(),
        browser: browserInfo,
        options: opts,
        ...r,
      };
      console.log();
      console.log(g === 'ingest' ? ingestTable(r) : g === 'audio' ? audioTable(r) : trainTable(r));
    }
  } finally {
    await session?.close();
    preview.kill('SIGTERM');
  }
  if (Object.keys(results).length > 0) {
    let all = {};
    try {
      all = JSON.parse(readFileSync(resultsPath, 'utf8'));
    } catch {
      /* first run, or an unreadable file: start afresh */
    }
    writeFileSync(resultsPath, JSON.stringify({ ...all, ...results }, null, 2) + '\n');
    console.log(`\nwrote ${Object.keys(results).join(', ')} to ${path.relative(root, resultsPath)}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
