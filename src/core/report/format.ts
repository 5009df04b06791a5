/** Labels and number formatting shared by the Markdown and HTML model cards. */
import type { Interval } from '../evaluate';
import type { MetricValue } from './types';

interface MetricInfo {
  label: string;
  /** Shown as a percentage (the value is a share 0..1). */
  pct?: boolean;
  lowerIsBetter?: boolean;
}

export const METRICS: Record<string, MetricInfo> = {
  rmse: { label: 'RMSE', lowerIsBetter: true },
  mae: { label: 'MAE', lowerIsBetter: true },
  mse: { label: 'MSE', lowerIsBetter: true },
  r2: { label: 'R²' },
  spearman: { label: 'Spearman ρ' },
  within5: { label: 'Within ±5', pct: true },
  within10: { label: 'Within ±10', pct: true },
  accuracy: { label: 'Accuracy', pct: true },
  precision: { label: 'Precision', pct: true },
  recall: { label: 'Recall', pct: true },
  f1: { label: 'F1' },
  rocAuc: { label: 'ROC AUC' },
  prAuc: { label: 'PR AUC' },
  logLoss: { label: 'Log loss', lowerIsBetter: true },
};

/** Metric keys in display order: known ones first in the table's order, then the rest; n and threshold dropped. */
export function metricKeys(metrics: Record<string, MetricValue>): string[] {
  const keys = Object.keys(metrics).filter((k) => k !== 'n' && k !== 'threshold');
  const known = Object.keys(METRICS).filter((k) => keys.includes(k));
  return [...known, ...keys.filter((k) => !(k in METRICS))];
}

export const metricLabel = (key: string) => METRICS[key]?.label ?? key;

/** A number for people: 3 significant digits, thousands grouped, NaN as "n/a". */
export function fmtNum(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'n/a' : v > 0 ? '∞' : '−∞';
  if (v !== 0 && Math.abs(v) < 1e-3) return v.toExponential(1);
  const r = +v.toPrecision(3);
  return Math.abs(r) >= 1000 ? Math.round(r).toLocaleString('en-US') : String(r);
}

export const fmtPct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : 'n/a');

/** Format a metric value by its key. */
export function fmtMetric(key: string, v: number): string {
  return METRICS[key]?.pct ? fmtPct(v) : fmtNum(v);
}

export const valueOf = (m: MetricValue | undefined): number =>
  m === undefined ? NaN : typeof m === 'number' ? m : m.value;

/** "12.3" or "12.3 (11.0 to 13.5)". */
export function fmtInterval(key: string, m: MetricValue | undefined, pct = false): string {
  if (m === undefined) return '—';
  const f = (v: number) => (pct ? fmtPct(v) : fmtMetric(key, v));
  if (typeof m === 'number') return f(m);
  return `${f(m.value)} (${f(m.lo)} to ${f(m.hi)})`;
}

export const isInterval = (m: MetricValue | undefined): m is Interval => typeof m === 'object' && m !== null;
