import type { RunResult } from '../../state/store';
import { fmt } from '../format';

interface MetricRow {
  key: string;
  label: string;
  higherIsBetter: boolean;
}

const REGRESSION: MetricRow[] = [
  { key: 'rmse', label: 'RMSE', higherIsBetter: false },
  { key: 'mae', label: 'MAE', higherIsBetter: false },
  { key: 'r2', label: 'R²', higherIsBetter: true },
  { key: 'mse', label: 'MSE', higherIsBetter: false },
  { key: 'spearman', label: 'Spearman ρ', higherIsBetter: true },
  { key: 'within5', label: 'Within ±5', higherIsBetter: true },
  { key: 'within10', label: 'Within ±10', higherIsBetter: true },
];

const CLASSIFICATION: MetricRow[] = [
  { key: 'accuracy', label: 'Accuracy', higherIsBetter: true },
  { key: 'precision', label: 'Precision', higherIsBetter: true },
  { key: 'recall', label: 'Recall', higherIsBetter: true },
  { key: 'f1', label: 'F1', higherIsBetter: true },
  { key: 'rocAuc', label: 'ROC AUC', higherIsBetter: true },
  { key: 'prAuc', label: 'PR AUC', higherIsBetter: true },
  { key: 'logLoss', label: 'Log loss', higherIsBetter: false },
];

type Numeric = Record<string, number>;

/** The model's test metrics with 95% intervals, beside the baselines trained on the same split. */
export function MetricsTable({ result }: { result: RunResult }) {
  const m = result.metrics;
  const rows = m.task === 'regression' ? REGRESSION : CLASSIFICATION;
  const model = m.model as unknown as Numeric;
  const baselines = result.evaluation.baselines;
  const meanBaseline = m.baseline as unknown as Numeric;
  const intervals = result.evaluation.intervals;
  return (
    <div className="scroll">
      <table className="metrics" aria-label="Test metrics">
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Model</th>
            <th scope="col">95% interval</th>
            <th scope="col">{m.task === 'regression' ? 'Baseline (mean)' : 'Baseline (majority)'}</th>
            {baselines
              .filter((b) => b.id !== 'mean')
              .map((b) => (
                <th scope="col" key={b.id} title={b.description}>
                  {b.label}
                </th>
              ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const v = model[r.key]!;
            const base = meanBaseline[r.key]!;
            const ci = intervals[r.key];
            const better = r.higherIsBetter ? v > base : v < base;
            return (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td className={better ? 'better' : undefined} data-testid={`metric-${r.key}-model`}>
                  {fmt(v)}
                </td>
                <td className="ci">{ci ? `${fmt(ci.lo)} – ${fmt(ci.hi)}` : '–'}</td>
                <td data-testid={`metric-${r.key}-baseline`}>{fmt(base)}</td>
                {baselines
                  .filter((b) => b.id !== 'mean')
                  .map((b) => (
                    <td key={b.id}>{fmt((b.metrics as unknown as Numeric)[r.key])}</td>
                  ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">
        Intervals: bootstrap 95% over the test rows. Baselines are fitted on the same training rows:{' '}
        {baselines.map((b) => `${b.label}: ${b.description}`).join(' · ')}
      </p>
    </div>
  );
}
