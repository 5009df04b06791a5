// Readable tables of the benchmark figures, with targets and the PyTorch peer (issue 5) beside tfjs.

/** Targets from issues 3, 4 and 5, and the PyTorch peer measured on the same 2-core machine (issue 5). */
export const TARGETS = {
  ingest: { rows: 1_000_000, maxSeconds: 5, maxHeapToFile: 3 },
  audio: { minRealTimeFactorPerCore: 300 },
  train: {
    trainSamplesPerSec: { mlp: 90_000, cnn2d: 70, lstm: 400 },
    peerPyTorch: { train: { mlp: 178_000, cnn2d: 138, lstm: 803 }, inferRowsPerSec: { mlp: 1_400_000 } },
  },
};

const MB = 1e6;
const num = (x, digits = 0) =>
  x == null || !Number.isFinite(x)
    ? '-'
    : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const yes = (ok) => (ok ? 'yes' : 'NO');

/** Left-aligned first column, right-aligned others. rows: string[][] (first row = header). */
export function table(rows) {
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => String(r[j] ?? '').length)));
  const line = (r) =>
    r.map((c, j) => (j === 0 ? String(c).padEnd(widths[j]) : String(c).padStart(widths[j]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function ingestTable(r) {
  const t = TARGETS.ingest;
  return table([
    ['ingest (issue 3)', 'value', 'target', 'met'],
    ['rows read / kept / skipped', `${num(r.rowsRead)} / ${num(r.rowsKept)} / ${num(r.rowsSkipped)}`, '', ''],
    ['file size (MB)', num(r.fileBytes / MB, 1), '~180', ''],
    ['ingest (parse + type) s', num(r.ingestSeconds, 2), '', ''],
    ['profile s', num(r.profileSeconds, 2), '', ''],
    [
      `total s (median of ${r.runs?.length ?? 1})`,
      num(r.seconds, 2),
      `< ${t.maxSeconds}`,
      yes(r.seconds < t.maxSeconds),
    ],
    ['every run, total s', (r.runs ?? []).map((x) => num(x.seconds, 2)).join(' '), '', ''],
    [
      'rows/s',
      num(r.rowsPerSecond),
      `>= ${num(t.rows / t.maxSeconds)}`,
      yes(r.rowsPerSecond >= t.rows / t.maxSeconds),
    ],
    ['memory run (sampled, untimed) s', num(r.memoryRunSeconds, 2), '', ''],
    ['peak JS heap (MB)', num(r.heap?.peakUsedBytes / MB, 1), '', ''],
    [
      'peak heap + ArrayBuffers (MB)',
      num(r.heap?.peakWithBuffersBytes / MB, 1),
      `< ${num((t.maxHeapToFile * r.fileBytes) / MB)}`,
      yes(r.heapToFile < t.maxHeapToFile),
    ],
    ['peak (heap + buffers) / file', num(r.heapToFile, 2), `< ${t.maxHeapToFile}`, ''],
  ]);
}

export function audioTable(r) {
  if (r.status !== 'ok') return `audio (issue 4): not measured: ${r.detail}`;
  const rows = [['audio (issue 4), 30 s @ 22,050 Hz', 'seconds', 'x real time', 'target']];
  for (const p of r.perCore)
    rows.push([
      `1 worker, ${p.clip} (median of ${p.runs})`,
      num(p.medianSeconds, 3),
      num(p.realTimeFactor, 1),
      '>= 300',
    ]);
  rows.push([
    'per core (median over clips)',
    '',
    num(r.realTimeFactorPerCore, 1),
    yes(r.realTimeFactorPerCore >= TARGETS.audio.minRealTimeFactorPerCore),
  ]);
  const p = r.pool;
  rows.push([
    `pool: ${p.workers} workers, ${p.clips} clips (${num(p.clipsPerSecond, 2)} clips/s)`,
    num(p.wallSeconds, 2),
    num(p.realTimeFactor, 1),
    '',
  ]);
  return table(rows);
}

const MODELS = ['mlp', 'lstm', 'cnn2d'];
const LABEL = { mlp: 'MLP 30-128-64-1, b256', cnn2d: 'CNN 96x128, b32', lstm: 'LSTM(64) 128x20, b32' };

export function trainTable(r) {
  const { trainSamplesPerSec: target, peerPyTorch: peer } = TARGETS.train;
  const rows = [
    ['train (issue 5)', 'backend', 'train samples/s', 'infer rows/s', 'steps', '1st step s', 'note'],
  ];
  for (const m of MODELS) {
    for (const [backend, cells] of Object.entries(r.backends ?? {})) {
      const c = cells[m];
      if (!c) continue;
      const note =
        c.status === 'ok'
          ? [c.trainError, c.inferError].filter(Boolean).join('; ').slice(0, 70)
          : `${c.status}: ${(c.detail ?? '').slice(0, 60)}`;
      rows.push([
        LABEL[m],
        backend,
        num(c.trainSamplesPerSec, 1),
        num(c.inferRowsPerSec, 0),
        c.trainSteps ?? '-',
        num(c.firstStepSeconds, 1),
        note,
      ]);
    }
    const best = r.best?.[m];
    rows.push([
      `  best tfjs here (train / infer)`,
      best ? `${best.backend} / ${best.inferBackend ?? '-'}` : '-',
      num(best?.trainSamplesPerSec, 1),
      num(best?.inferRowsPerSec, 0),
      '',
      '',
      best ? `${num((100 * best.trainSamplesPerSec) / peer.train[m], 1)}% of PyTorch training` : '',
    ]);
    rows.push([
      `  PyTorch peer / target`,
      '',
      `${num(peer.train[m])} / ${num(target[m])}`,
      m === 'mlp' ? num(peer.inferRowsPerSec.mlp) : '',
      '',
      '',
      best ? `target met: ${yes(best.trainSamplesPerSec >= target[m])}` : '',
    ]);
  }
  return table(rows);
}

/** Best backend per model by training samples/s (inference best reported alongside). */
export function bestPerModel(backends) {
  const best = {};
  for (const m of MODELS) {
    let b;
    let inf;
    for (const [backend, cells] of Object.entries(backends)) {
      const c = cells[m];
      if (c?.trainSamplesPerSec != null && (!b || c.trainSamplesPerSec > b.trainSamplesPerSec))
        b = { backend, trainSamplesPerSec: c.trainSamplesPerSec };
      if (c?.inferRowsPerSec != null && (!inf || c.inferRowsPerSec > inf.rows))
        inf = { backend, rows: c.inferRowsPerSec };
    }
    if (b)
      best[m] = {
        ...b,
        targetMet: b.trainSamplesPerSec >= TARGETS.train.trainSamplesPerSec[m],
        inferBackend: inf?.backend,
        inferRowsPerSec: inf?.rows,
      };
  }
  return best;
}
