import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { RunResult } from '../../state/store';
import { fmt } from '../format';

const MAX_BARS = 15;

/** Permutation importance with intervals, and partial dependence for the top features. */
export function Importance({ result }: { result: RunResult }) {
  const imp = result.evaluation.importance;
  const top = imp.features.slice(0, MAX_BARS).map((f) => ({
    name: f.name,
    importance: f.importance,
    err: [f.importance - f.lo, f.hi - f.importance] as [number, number],
  }));
  const notes = result.evaluation.notes;
  if (imp.features.length === 0) {
    return (
      <>
        <h3>Feature importance</h3>
        {notes.map((n) => (
          <p className="hint" key={n}>
            {n}
          </p>
        ))}
      </>
    );
  }
  return (
    <>
      <h3>Feature importance</h3>
      <p className="hint">
        How much the test {imp.metric} worsens when a column's values are shuffled (5 repeats; bars show 95%
        intervals). A column near zero is one the model does not use.
      </p>
      {notes.map((n) => (
        <p className="hint" key={n}>
          {n}
        </p>
      ))}
      <figure className="chart" aria-label="Permutation importance">
        <ResponsiveContainer width="100%" height={Math.max(160, top.length * 26 + 40)}>
          <BarChart data={top} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" tickFormatter={(v: number) => fmt(v, 3)} />
            <YAxis type="category" dataKey="name" width={140} />
            <Tooltip formatter={(v) => fmt(Number(v), 4)} />
            <Bar dataKey="importance" fill="#6d28d9" isAnimationActive={false}>
              <ErrorBar dataKey="err" width={4} strokeWidth={1.5} stroke="#1f1b2e" direction="x" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <table aria-label="Feature importance" className="compact">
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Importance</th>
            <th scope="col">95% interval</th>
          </tr>
        </thead>
        <tbody>
          {imp.features.map((f) => (
            <tr key={f.name}>
              <th scope="row">{f.name}</th>
              <td>{fmt(f.importance, 4)}</td>
              <td className="ci">
                {fmt(f.lo, 4)} – {fmt(f.hi, 4)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.evaluation.dependence.length > 0 && (
        <>
          <h3>Partial dependence</h3>
          <div className="plot-grid">
            {result.evaluation.dependence.map((d) => (
              <figure className="chart" key={d.feature} aria-label={`Partial dependence on ${d.feature}`}>
                <ResponsiveContainer width="100%" height={200}>
                  <LineChart data={d.y.map((y, i) => ({ x: d.labels[i] ?? fmt(d.x[i]), y }))}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="x" interval="preserveStartEnd" />
                    <YAxis width={48} tickFormatter={(v: number) => fmt(v, 1)} domain={['auto', 'auto']} />
                    <Tooltip formatter={(v) => fmt(Number(v), 3)} />
                    <Line dataKey="y" stroke="#ea580c" isAnimationActive={false} />
                  </LineChart>
                </ResponsiveContainer>
                <figcaption>Average prediction as {d.feature} varies, everything else as it is.</figcaption>
              </figure>
            ))}
          </div>
        </>
      )}
    </>
  );
}
