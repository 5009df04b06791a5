import { useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useStore, type RunRecord } from '../../state/store';
import { fmt } from '../format';

const COLORS = ['#6d28d9', '#ea580c', '#0891b2', '#16a34a', '#db2777', '#ca8a04'];

function headline(r: RunRecord): [string, number][] {
  const m = r.metrics;
  return m.task === 'regression'
    ? [
        ['RMSE', m.model.rmse],
        ['MAE', m.model.mae],
        ['R²', m.model.r2],
      ]
    : [
        ['Accuracy', m.model.accuracy],
        ['F1', m.model.f1],
        ['ROC AUC', m.model.rocAuc],
      ];
}

/** Every finished run with its config and metrics; tick runs to compare their validation curves. */
export function Runs() {
  const runs = useStore((s) => s.runs);
  const removeRun = useStore((s) => s.removeRun);
  const [picked, setPicked] = useState<string[]>([]);
  if (runs.length === 0) return null;
  const chosen = runs.filter((r) => picked.includes(r.runId));
  const maxEpochs = Math.max(0, ...chosen.map((r) => r.history.length));
  const curve = Array.from({ length: maxEpochs }, (_, i) => {
    const row: Record<string, number> = { epoch: i + 1 };
    chosen.forEach((r) => {
      const e = r.history[i];
      if (e) row[r.runId] = e.valLoss;
    });
    return row;
  });
  return (
    <section className="panel" aria-labelledby="runs-h">
      <h2 id="runs-h">6. Runs</h2>
      <div className="scroll">
        <table aria-label="Runs" className="compact">
          <thead>
            <tr>
              <th scope="col">Compare</th>
              <th scope="col">When</th>
              <th scope="col">Data → target</th>
              <th scope="col">Model</th>
              <th scope="col">Split</th>
              <th scope="col">Training</th>
              <th scope="col">Metrics (test)</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {runs.map((r, i) => (
              <tr key={r.runId}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Compare run ${runs.length - i}`}
                    checked={picked.includes(r.runId)}
                    onChange={(e) =>
                      setPicked((p) => (e.target.checked ? [...p, r.runId] : p.filter((x) => x !== r.runId)))
                    }
                  />
                </td>
                <td>
                  #{runs.length - i} {new Date(r.createdAt).toLocaleTimeString()}
                </td>
                <td>
                  {r.datasetName} → {r.target} ({r.task})
                </td>
                <td className="small">
                  {r.modelId} {JSON.stringify(r.modelParams)}
                </td>
                <td>
                  {r.split.method}
                  {r.split.groupColumn ? ` by ${r.split.groupColumn}` : ''}, seed {r.split.seed}
                </td>
                <td className="small">
                  {r.train.optimizer} lr {r.train.learningRate}, batch {r.train.batchSize}, {r.history.length}{' '}
                  epochs (best {r.bestEpoch}), {r.backend}, {r.stopReason}
                </td>
                <td>
                  {headline(r)
                    .map(([k, v]) => `${k} ${fmt(v)}`)
                    .join(' · ')}
                </td>
                <td>
                  <button
                    type="button"
                    className="secondary small"
                    aria-label={`Delete run ${runs.length - i}`}
                    onClick={() => removeRun(r.runId)}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {chosen.length > 0 && (
        <figure className="chart" aria-label="Validation loss of the compared runs">
          <ResponsiveContainer width="100%" height={240}>
            <LineChart data={curve}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="epoch" />
              <YAxis width={56} tickFormatter={(v: number) => fmt(v, 2)} />
              <Tooltip formatter={(v) => fmt(Number(v), 4)} />
              <Legend />
              {chosen.map((r, k) => (
                <Line
                  key={r.runId}
                  dataKey={r.runId}
                  name={`#${runs.length - runs.indexOf(r)} ${r.modelId}`}
                  stroke={COLORS[k % COLORS.length]}
                  dot={false}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
          <figcaption>Validation loss per epoch of the ticked runs.</figcaption>
        </figure>
      )}
    </section>
  );
}
