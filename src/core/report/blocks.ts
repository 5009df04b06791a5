/**
 * The model card's content as a list of neutral blocks (headings, paragraphs, lists, tables,
 * charts), rendered by markdown.ts and html.ts, so both formats say exactly the same things.
 */
import type { BiasReport } from '../bias';
import { fmtInterval, fmtNum, fmtPct, isInterval, METRICS, metricKeys, metricLabel, valueOf } from './format';
import { intervalRowsSvg, scatterSvg, unitLineSvg } from './svg';
import type { ModelCardInput } from './types';

export type Block =
  | { kind: 'h'; level: 1 | 2 | 3; text: string }
  | { kind: 'p'; text: string }
  | { kind: 'list'; items: string[]; warn?: boolean }
  | { kind: 'table'; caption: string; head: string[]; rows: string[][] }
  | { kind: 'chart'; caption: string; svg: string };

const METHOD: Record<string, (s: ModelCardInput['split']) => string> = {
  random: () => 'random (rows shuffled with the seed)',
  stratified: (s) =>
    `stratified on ${s.targetColumn ? `"${s.targetColumn}"` : 'the target'} (each target band cut in the same proportions)`,
  grouped: (s) =>
    `grouped by "${s.groupColumn ?? '?'}" (no value of it on both sides, so test rows are unseen groups)`,
  temporal: (s) => `temporal by "${s.timeColumn ?? '?'}" (trained on older rows, tested on newer)`,
};

function dataBlocks(c: ModelCardInput): Block[] {
  const d = c.data;
  const items = [
    `Dataset: ${d.name}`,
    `Rows: ${d.rows}${d.usableRows !== undefined ? ` (${d.usableRows} with a usable target)` : ''}`,
    `Target: ${d.target} (${d.task})`,
    `Features (${d.features.length}): ${d.features.join(', ')}`,
  ];
  if (d.attribution) items.push(`Source: ${d.attribution}`);
  return [
    { kind: 'h', level: 2, text: 'Data' },
    { kind: 'list', items: [...items, ...(d.notes ?? [])] },
  ];
}

function splitBlocks(c: ModelCardInput): Block[] {
  const s = c.split;
  const pct = (f: number) => `${Math.round(100 * f)}%`;
  const sizes = s.sizes ? ` = ${s.sizes.train} / ${s.sizes.val} / ${s.sizes.test} rows` : '';
  const out: Block[] = [
    { kind: 'h', level: 2, text: 'Split' },
    {
      kind: 'list',
      items: [
        `Method: ${(METHOD[s.method] ?? (() => s.method))(s)}`,
        `Train / validation / test: ${pct(s.train)} / ${pct(s.val)} / ${pct(s.test)}${sizes}`,
        `Seed: ${s.seed}`,
      ],
    },
  ];
  if (s.warnings?.length) out.push({ kind: 'list', items: s.warnings, warn: true });
  if (s.leakage?.length) {
    out.push({
      kind: 'table',
      caption: 'Values seen in both training and test rows',
      head: ['Column', 'Shared values', 'Test rows affected', 'Examples'],
      rows: s.leakage.map((f) => [
        f.column,
        String(f.sharedGroups),
        String(f.testRowsAffected),
        f.examples.join('; '),
      ]),
    });
  }
  return out;
}

function modelBlocks(c: ModelCardInput): Block[] {
  const m = c.model;
  const items = [`Model: ${m.name}`];
  const params = Object.entries(m.params ?? {}).map(([k, v]) => `${k} = ${String(v)}`);
  if (params.length) items.push(`Hyperparameters: ${params.join(', ')}`);
  if (m.parameterCount !== undefined)
    items.push(`Trainable parameters: ${m.parameterCount.toLocaleString('en-US')}`);
  if (m.epochs !== undefined) {
    const best = m.bestEpoch !== undefined ? `, best epoch ${m.bestEpoch}` : '';
    items.push(`Epochs: ${m.epochs}${best}${m.stopReason ? ` (${m.stopReason})` : ''}`);
  }
  if (m.trainingSeconds !== undefined) items.push(`Training time: ${fmtNum(m.trainingSeconds)} s`);
  if (m.backend) items.push(`Backend: ${m.backend}`);
  return [
    { kind: 'h', level: 2, text: 'Model' },
    { kind: 'list', items },
  ];
}

function metricBlocks(c: ModelCardInput): Block[] {
  const keys = metricKeys(c.metrics);
  const out: Block[] = [{ kind: 'h', level: 2, text: 'Test metrics' }];
  const withCi = keys.some((k) => isInterval(c.metrics[k]));
  out.push({
    kind: 'table',
    caption:
      `Metrics on the ${c.split.sizes?.test ?? ''} held-out test rows${withCi ? ' with bootstrap 95% intervals' : ''}`.replace(
        '  ',
        ' ',
      ),
    head: ['Metric', 'Value', '95% interval'],
    rows: keys.map((k) => {
      const m = c.metrics[k]!;
      return [
        metricLabel(k),
        fmtInterval(k, valueOf(m)),
        isInterval(m) ? `${fmtInterval(k, m.lo)} to ${fmtInterval(k, m.hi)}` : '—',
      ];
    }),
  });
  if (c.threshold !== undefined)
    out.push({ kind: 'p', text: `Decision threshold: ${fmtNum(c.threshold)} (chosen on validation rows).` });
  if (c.scatter?.length) {
    out.push({
      kind: 'chart',
      caption: `Predicted vs actual ${c.data.target} (${c.scatter.length} test rows; dashed: perfect prediction)`,
      svg: scatterSvg(
        c.scatter.map((p) => ({ x: p.actual, y: p.predicted })),
        `actual ${c.data.target}`,
        `predicted ${c.data.target}`,
        'Predicted vs actual',
      ),
    });
  }
  if (c.roc?.length) {
    out.push({
      kind: 'chart',
      caption: 'ROC curve (dashed: chance)',
      svg: unitLineSvg(
        [{ points: c.roc.map((p) => ({ x: p.fpr, y: p.tpr })) }],
        'false-positive rate',
        'true-positive rate',
        'ROC curve',
      ),
    });
  }
  if (c.calibration?.length) {
    out.push({
      kind: 'chart',
      caption: 'Calibration: observed positive rate by predicted probability (dashed: perfectly calibrated)',
      svg: unitLineSvg(
        [{ points: c.calibration.map((b) => ({ x: b.meanPredicted, y: b.observedRate })) }],
        'mean predicted probability',
        'observed rate',
        'Calibration',
      ),
    });
  }
  return out;
}

function baselineBlocks(c: ModelCardInput): Block[] {
  const bases = c.baselines ?? [];
  if (!bases.length) return [];
  const keys = metricKeys(c.metrics).slice(0, 5);
  const rows = [['This model', ...keys.map((k) => fmtInterval(k, c.metrics[k]))]];
  for (const b of bases)
    rows.push([
      b.description ? `${b.name}: ${b.description}` : b.name,
      ...keys.map((k) => fmtInterval(k, b.metrics[k])),
    ]);
  const out: Block[] = [
    { kind: 'h', level: 2, text: 'Baselines' },
    {
      kind: 'table',
      caption: 'The model beside simple baselines trained on the same split',
      head: ['Model', ...keys.map(metricLabel)],
      rows,
    },
  ];
  const key = keys[0];
  if (key) {
    const lower = METRICS[key]?.lowerIsBetter ?? false;
    const best = bases.reduce((a, b) =>
      (
        lower
          ? valueOf(b.metrics[key]) < valueOf(a.metrics[key])
          : valueOf(b.metrics[key]) > valueOf(a.metrics[key])
      )
        ? b
        : a,
    );
    const m = c.metrics[key];
    const bv = valueOf(best.metrics[key]);
    const beats = isInterval(m) ? (lower ? m.hi < bv : m.lo > bv) : lower ? valueOf(m) < bv : valueOf(m) > bv;
    out.push({
      kind: 'p',
      text: beats
        ? `On ${metricLabel(key)} the model beats the best baseline (${best.name}, ${fmtInterval(key, bv)})${isInterval(m) ? ' with its whole interval' : ''}.`
        : `On ${metricLabel(key)} the model does not clearly beat the best baseline (${best.name}, ${fmtInterval(key, bv)}).`,
    });
  }
  return out;
}

function importanceBlocks(c: ModelCardInput): Block[] {
  const imp = c.importance;
  const out: Block[] = [];
  if (imp?.features.length) {
    const label = metricLabel(imp.metric);
    out.push(
      { kind: 'h', level: 2, text: 'Feature importance' },
      {
        kind: 'p',
        text: `Permutation importance: how much ${label} worsens when a column's values are shuffled across test rows (mean over repeats, 95% interval). Near zero: the model does not rely on it.`,
      },
      {
        kind: 'chart',
        caption: `Worsening of ${label} per shuffled column`,
        svg: intervalRowsSvg(
          imp.features.map((f) => ({ label: f.name, value: f.importance, lo: f.lo, hi: f.hi })),
          {
            xLabel: `${imp.higherIsBetter ? 'drop' : 'increase'} in ${label}`,
            label: 'Feature importance',
            bars: true,
          },
        ),
      },
      {
        kind: 'table',
        caption: 'Permutation importance',
        head: ['Rank', 'Feature', 'Importance', '95% interval'],
        rows: imp.features.map((f, i) => [
          String(i + 1),
          f.name,
          fmtNum(f.importance),
          `${fmtNum(f.lo)} to ${fmtNum(f.hi)}`,
        ]),
      },
    );
  }
  const pds = c.partialDependence ?? [];
  if (pds.length) {
    out.push({ kind: 'h', level: 3, text: 'Partial dependence' });
    out.push({
      kind: 'list',
      items: pds.map(
        (pd) => `${pd.feature}: ${pd.labels.map((l, i) => `${l} → ${fmtNum(pd.y[i]!)}`).join(', ')}`,
      ),
    });
  }
  return out;
}

/** One bias report: findings, a per-group interval chart, and the table. */
export function biasBlocks(r: BiasReport, title: string): Block[] {
  const cls = r.task === 'classification';
  const f = (v: { value: number; lo: number; hi: number } | undefined) =>
    v ? (cls ? `${fmtPct(v.value)} (${fmtPct(v.lo)} to ${fmtPct(v.hi)})` : fmtInterval('', v)) : '—';
  const flagged = new Set<string>();
  if (r.largestGap?.significant) flagged.add(r.largestGap.worse);
  for (const g of r.groups) if (g.leaning) flagged.add(g.group);
  const head = [
    'Group',
    'n',
    `${r.metricName} (95% CI)`,
    'Mean signed error (95% CI)',
    ...(cls ? ['TPR', 'FPR'] : []),
  ];
  const rows = [r.overall, ...r.groups].map((g) => [
    `${g.group}${g.small ? ' (small)' : ''}${flagged.has(g.group) ? ' ⚠' : ''}`,
    String(g.n),
    f(g.metric),
    cls ? f(g.signedError) : fmtInterval('', g.signedError),
    ...(cls ? [f(g.tpr), f(g.fpr)] : []),
  ]);
  return [
    { kind: 'h', level: 3, text: title },
    { kind: 'list', items: r.findings.length ? r.findings : ['No group stands out.'] },
    {
      kind: 'chart',
      caption: `${r.metricName} per group with 95% intervals (dashed: all test rows; red: flagged)`,
      svg: intervalRowsSvg(
        r.groups
          .filter((g) => !g.small)
          .map((g) => ({
            label: `${g.group} (${g.n})`,
            value: g.metric.value,
            lo: g.metric.lo,
            hi: g.metric.hi,
            flag: flagged.has(g.group),
          })),
        { xLabel: r.metricName, label: `${r.metricName} by ${r.column}`, reference: r.overall.metric.value },
      ),
    },
    {
      kind: 'table',
      caption: `${r.metricName} and mean signed error (predicted − actual) by ${r.column}, ${r.grouping}`,
      head,
      rows,
    },
  ];
}

function allBias(c: ModelCardInput): Block[] {
  const out: Block[] = [];
  for (const r of c.bias ?? []) out.push(...biasBlocks(r, `By ${r.column} (${r.grouping})`));
  if (c.familiarity) {
    out.push(...biasBlocks(c.familiarity.knownVsUnseen, 'Known vs unseen artists'));
    out.push(...biasBlocks(c.familiarity.byTrainingTracks, 'Artists by number of training tracks'));
  }
  return out.length ? [{ kind: 'h', level: 2, text: 'Bias analysis' }, ...out] : [];
}

function limitationBlocks(c: ModelCardInput): Block[] {
  const items = [...(c.limitations ?? [])];
  if (c.split.method === 'random' && c.split.leakage?.length) {
    items.push(
      'The test rows share artists or songs with the training rows, so the test metrics likely overstate performance on new music; a grouped split measures that.',
    );
  }
  const nTest = c.split.sizes?.test;
  if (nTest !== undefined && nTest < 100) items.push(`Only ${nTest} test rows: the intervals are wide.`);
  const reports = [...(c.bias ?? []), ...(c.familiarity ? [c.familiarity.knownVsUnseen] : [])];
  for (const r of reports) {
    if (r.largestGap?.significant)
      items.push(`Error differs by ${r.column}: ${r.largestGap.worse} fares worst (see the bias analysis).`);
  }
  const out: Block[] = [{ kind: 'h', level: 2, text: 'Intended use and limitations' }];
  if (c.intendedUse) out.push({ kind: 'p', text: c.intendedUse });
  out.push({ kind: 'list', items: items.length ? items : ['None recorded.'] });
  return out;
}

/** The whole card, top to bottom. */
export function cardBlocks(c: ModelCardInput): Block[] {
  const d = c.data;
  const intro = `Predicts ${d.target} (${d.task}) from ${d.features.length} feature column(s) of ${d.name}.${c.createdAt ? ` Trained ${c.createdAt}.` : ''}`;
  return [
    { kind: 'h', level: 1, text: c.title ?? 'Model card' },
    { kind: 'p', text: intro },
    ...dataBlocks(c),
    ...splitBlocks(c),
    ...modelBlocks(c),
    ...metricBlocks(c),
    ...baselineBlocks(c),
    ...importanceBlocks(c),
    ...allBias(c),
    ...limitationBlocks(c),
  ];
}
