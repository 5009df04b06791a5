import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, ErrorBar, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BiasReport } from '../../core/bias';
import { useStore } from '../../state/store';
import type { RunResult } from '../../state/store';
import { ErrorText } from '../ErrorText';
import { fmt } from '../format';

const ci = (v: { value: number; lo: number; hi: number }, d = 2) =>
  `${fmt(v.value, d)} (${fmt(v.lo, d)} – ${fmt(v.hi, d)})`;

/** Who the model gets wrong: error per group of any column, with intervals, lean and the largest gap. */
export function Bias({ result }: { result: RunResult }) {
  const tableColumns = useStore((s) => s.dataset?.table.columns);
  const columns = (tableColumns ?? []).map((c) => c.name);
  const extra = useStore((s) => s.extraBias);
  const requestBias = useStore((s) => s.requestBias);
  const ev = result.evaluation;
  const [column, setColumn] = useState(ev.bias[0]?.column ?? '');
  const report = [...ev.bias, ...extra].find((b) => b.column === column);
  const others = columns.filter((c) => !ev.biasColumns.includes(c));

  return (
    <>
      <h3>Bias analysis</h3>
      <p className="hint">
        Errors on the test set broken down by group, each with a bootstrap 95% interval and its size.
      </p>
      <label className="inline">
        Bias column{' '}
        <select
          aria-label="Bias column"
          value={column}
          onChange={(e) => {
            setColumn(e.target.value);
            void requestBias(e.target.value);
          }}
        >
          {ev.biasColumns.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
          {others.length > 0 && (
            <optgroup label="other columns">
              {others.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <ErrorText field="bias" />
      {report ? <BiasTable report={report} /> : column && <p className="hint">Computing…</p>}
      {ev.familiarity && (
        <>
          <h4>Known and unseen artists ({ev.artistColumn})</h4>
          <BiasTable report={ev.familiarity.knownVsUnseen} label="Known versus unseen artists" />
          <BiasTable report={ev.familiarity.byTrainingTracks} label="Artists by training tracks" />
        </>
      )}
    </>
  );
}

function BiasTable({ report, label }: { report: BiasReport; label?: string }) {
  const cls = report.task === 'classification';
  const name = label ?? `Bias by ${report.column}`;
  const data = report.groups.map((g) => ({
    group: g.group,
    value: g.metric.value,
    err: [g.metric.value - g.metric.lo, g.metric.hi - g.metric.value] as [number, number],
  }));
  return (
    <div className="bias">
      <table aria-label={name} className="compact">
        <caption>
          {name} <span className="hint">({report.grouping})</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Tracks</th>
            <th scope="col">{report.metricName} (95% CI)</th>
            <th scope="col">Mean signed error (95% CI)</th>
            {cls && <th scope="col">TPR</th>}
            {cls && <th scope="col">FPR</th>}
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {[...report.groups, { ...report.overall, group: 'all test rows' }].map((g) => (
            <tr key={g.group} className={g.group === 'all test rows' ? 'total' : undefined}>
              <th scope="row">{g.group}</th>
              <td>{g.n}</td>
              <td>{ci(g.metric, cls ? 3 : 2)}</td>
              <td>{ci(g.signedError, cls ? 3 : 2)}</td>
              {cls && <td>{g.tpr ? ci(g.tpr, 3) : '–'}</td>}
              {cls && <td>{g.fpr ? ci(g.fpr, 3) : '–'}</td>}
              <td className="small">
                {g.small ? 'few rows' : ''}
                {g.leaning === 'over' ? 'over-predicted' : g.leaning === 'under' ? 'under-predicted' : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.largestGap && (
        <p className={report.largestGap.significant ? 'notice' : 'hint'} data-testid="bias-gap">
          Largest gap: {report.largestGap.worse} vs {report.largestGap.better},{' '}
          {fmt(report.largestGap.gap, 3)} {report.metricName}
          {report.largestGap.significant ? ' — the intervals do not overlap.' : ' (the intervals overlap).'}
        </p>
      )}
      {report.findings.length > 0 && (
        <ul className="findings">
          {report.findings.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
      <figure className="chart" aria-label={`${name} chart`}>
        <ResponsiveContainer width="100%" height={Math.max(140, data.length * 24 + 40)}>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" tickFormatter={(v: number) => fmt(v, 2)} />
            <YAxis type="category" dataKey="group" width={150} />
            <Tooltip formatter={(v) => fmt(Number(v), 3)} />
            <Bar dataKey="value" name={report.metricName} fill="#6d28d9" isAnimationActive={false}>
              <ErrorBar dataKey="err" width={4} strokeWidth={1.5} stroke="#1f1b2e" direction="x" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
