import { useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useStore, type Run } from '../../state/store';
import { ErrorText } from '../ErrorText';
import { downloadBytes, fmt } from '../format';
import { OpenExperiment } from './OpenExperiment';

const COLORS = ['#6d28d9', '#ea580c', '#0891b2', '#16a34a', '#db2777', '#ca8a04'];

function headline(r: Run): [string, number][] {
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

/** The model's settings that differ from its defaults, readably ("hiddenUnits 64, 32 · dropout 0.2"). */
function paramsText(params: Record<string, unknown>): string {
  const parts = Object.entries(params).map(
    ([k, v]) =>
      `${k} ${Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v)}`,
  );
  return parts.length ? parts.join(' · ') : 'defaults';
}

/** Every finished run with its config and metrics; tick runs to compare their validation curves. */
export function Runs() {
  const runs = useStore((s) => s.runs);
  const removeRun = useStore((s) => s.removeRun);
  const experimentFile = useStore((s) => s.experimentFile);
  const [picked, setPicked] = useState<string[]>([]);
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
      <OpenExperiment />
      <ErrorText field="experiment" />
      {runs.length > 0 && (
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
              {runs.map((r, i) => {
                const c = r.config;
                const n = runs.length - i;
                return (
                  <tr key={r.runId}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Compare run ${n}`}
                        checked={picked.includes(r.runId)}
                        onChange={(e) =>
                          setPicked((p) =>
                            e.target.checked ? [...p, r.runId] : p.filter((x) => x !== r.runId),
                          )
                        }
                      />
                    </td>
                    <td>
                      #{n} {new Date(r.createdAt).toLocaleTimeString()}
                    </td>
                    <td>
                      {c.data.name} → {c.prep.target} ({c.prep.task})
                    </td>
                    <td className="small">
                      {c.modelId}: {paramsText(c.modelParams)}
                    </td>
                    <td>
                      {r.splitUsed.method}
                      {r.splitUsed.groupColumn ? ` by ${r.splitUsed.groupColumn}` : ''}, seed {c.split.seed}
                    </td>
                    <td className="small">
                      {c.train.optimizer} lr {c.train.learningRate}, batch {c.train.batchSize}, seed{' '}
                      {c.train.seed}, {r.history.length} epochs (best {r.bestEpoch}), {r.backend},{' '}
                      {r.stopReason}
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
                        aria-label={`Download experiment of run ${n}`}
                        title="experiment.json: replays this run"
                        onClick={async () => {
                          const f = await experimentFile(r.runId);
                          if (f) downloadBytes(f.text, f.fileName, 'application/json');
                        }}
                      >
                        ⤓
                      </button>
                      <button
                        type="button"
                        className="secondary small"
                        aria-label={`Delete run ${n}`}
                        onClick={() => removeRun(r.runId)}
                      >
                        ✕
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
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
                  name={`#${runs.length - runs.indexOf(r)} ${r.config.modelId}`}
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
