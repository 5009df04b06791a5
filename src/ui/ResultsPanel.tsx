import {
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useStore } from '../state/store';
import { ErrorText } from './ErrorText';
import { downloadBytes, fmt } from './format';

const MAX_POINTS = 2000;

/** Step 5: honest numbers on the held-out test set, beside a baseline; export the model. */
export function ResultsPanel() {
  const result = useStore((s) => s.result);
  const exportModel = useStore((s) => s.exportModel);
  if (!result) return null;
  const m = result.metrics;
  const rows: [string, number, number, boolean][] =
    m.task === 'regression'
      ? [
          ['RMSE', m.model.rmse, m.baseline.rmse, false],
          ['MAE', m.model.mae, m.baseline.mae, false],
          ['R²', m.model.r2, m.baseline.r2, true],
          ['Spearman ρ', m.model.spearman, m.baseline.spearman, true],
        ]
      : [
          ['Accuracy', m.model.accuracy, m.baseline.accuracy, true],
          ['F1', m.model.f1, m.baseline.f1, true],
          ['ROC AUC', m.model.rocAuc, m.baseline.rocAuc, true],
          ['Log loss', m.model.logLoss, m.baseline.logLoss, false],
        ];
  const step = Math.max(1, Math.ceil(result.testActual.length / MAX_POINTS));
  const points: { actual: number; predicted: number }[] = [];
  for (let i = 0; i < result.testActual.length; i += step) {
    points.push({ actual: result.testActual[i]!, predicted: result.testPredicted[i]! });
  }
  const lo = Math.min(...points.map((p) => Math.min(p.actual, p.predicted)));
  const hi = Math.max(...points.map((p) => Math.max(p.actual, p.predicted)));

  return (
    <section className="panel" aria-labelledby="results-h">
      <h2 id="results-h">5. Results</h2>
      <p className="hint">
        Measured on {result.sizes.test} test rows the model never saw during training or early stopping.
      </p>
      <table className="metrics" aria-label="Test metrics">
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Model</th>
            <th scope="col">{m.task === 'regression' ? 'Baseline (mean)' : 'Baseline (majority)'}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, model, base, higherBetter]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td className={(higherBetter ? model > base : model < base) ? 'better' : undefined}>
                {fmt(model)}
              </td>
              <td>{fmt(base)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {m.task === 'regression' && (
        <figure className="chart" aria-label="Predicted versus actual">
          <ResponsiveContainer width="100%" height={300}>
            <ScatterChart margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis
                type="number"
                dataKey="actual"
                name="actual"
                domain={[lo, hi]}
                tickFormatter={(v: number) => fmt(v, 1)}
              />
              <YAxis
                type="number"
                dataKey="predicted"
                name="predicted"
                domain={[lo, hi]}
                tickFormatter={(v: number) => fmt(v, 1)}
                width={56}
              />
              <Tooltip formatter={(v) => fmt(Number(v), 2)} />
              <ReferenceLine
                segment={[
                  { x: lo, y: lo },
                  { x: hi, y: hi },
                ]}
                stroke="#999"
                strokeDasharray="4 4"
              />
              <Scatter data={points} fill="#6d28d9" fillOpacity={0.5} isAnimationActive={false} />
            </ScatterChart>
          </ResponsiveContainer>
          <figcaption>
            Predicted versus actual on the test set (the dashed line is a perfect prediction).
          </figcaption>
        </figure>
      )}
      <div className="row">
        <button
          type="button"
          className="primary"
          onClick={async () => {
            const out = await exportModel();
            if (out) downloadBytes(out.bytes, out.fileName, 'application/zip');
          }}
        >
          Download model (.zip)
        </button>
        <span className="hint">
          model.json + weights.bin (TensorFlow.js), preprocessing.json, metrics.json
        </span>
      </div>
      <ErrorText field="export" />
    </section>
  );
}
