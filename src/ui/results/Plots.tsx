import { useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ComposedChart,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { RunResult } from '../../state/store';
import { fmt } from '../format';

/** Predicted vs actual, residual histogram, residuals against a chosen feature; ROC, PR and calibration for classifiers. */
export function Plots({ result }: { result: RunResult }) {
  const p = result.evaluation.plots;
  const regression = result.metrics.task === 'regression';
  return (
    <div className="plots">
      {regression ? (
        <>
          <PredVsActual points={p.predictedVsActual} />
          <figure className="chart" aria-label="Residual histogram">
            <ResponsiveContainer width="100%" height={220}>
              <BarChart data={p.residualHistogram.map((b) => ({ x: (b.x0 + b.x1) / 2, count: b.count }))}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="x" tickFormatter={(v: number) => fmt(v, 1)} />
                <YAxis width={40} />
                <Tooltip
                  formatter={(v) => String(v)}
                  labelFormatter={(l) => `residual ≈ ${fmt(Number(l), 1)}`}
                />
                <Bar dataKey="count" fill="#6d28d9" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
            <figcaption>Residuals (predicted − actual) on the test set.</figcaption>
          </figure>
          <ResidualVsFeature result={result} />
        </>
      ) : (
        <>
          <Curve
            label="ROC curve"
            data={(p.roc ?? []).map((d) => ({ x: d.fpr, y: d.tpr }))}
            x="false-positive rate"
            y="true-positive rate"
            diagonal
          />
          <Curve
            label="Precision-recall curve"
            data={(p.pr ?? []).map((d) => ({ x: d.recall, y: d.precision }))}
            x="recall"
            y="precision"
          />
          <Curve
            label="Calibration"
            data={(p.calibration ?? []).map((d) => ({ x: d.meanPredicted, y: d.observedRate }))}
            x="mean predicted probability"
            y="observed share of hits"
            diagonal
          />
        </>
      )}
    </div>
  );
}

function PredVsActual({ points }: { points: { actual: number; predicted: number }[] }) {
  if (points.length === 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) {
    lo = Math.min(lo, p.actual, p.predicted);
    hi = Math.max(hi, p.actual, p.predicted);
  }
  // Round the shared domain outwards so ticks read as plain numbers (no -5.87e-7 for a near-zero minimum).
  const step = 10 ** Math.floor(Math.log10(Math.max(hi - lo, 1e-9)) - 1);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  return (
    <figure className="chart" aria-label="Predicted versus actual">
      <ResponsiveContainer width="100%" height={280}>
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
  );
}

function ResidualVsFeature({ result }: { result: RunResult }) {
  const entries = result.evaluation.plots.residualVsFeature;
  const [column, setColumn] = useState(entries[0]?.column ?? '');
  const e = entries.find((x) => x.column === column) ?? entries[0];
  if (!e) return null;
  return (
    <figure className="chart" aria-label="Residuals against a feature">
      <label className="inline">
        Residuals against{' '}
        <select
          aria-label="Feature for residuals"
          value={e.column}
          onChange={(ev) => setColumn(ev.target.value)}
        >
          {entries.map((x) => (
            <option key={x.column} value={x.column}>
              {x.column}
            </option>
          ))}
        </select>
      </label>
      <ResponsiveContainer width="100%" height={240}>
        <ComposedChart margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="x" domain={['auto', 'auto']} tickFormatter={tick} />
          <YAxis type="number" dataKey="y" width={56} tickFormatter={(v: number) => fmt(v, 1)} />
          <Tooltip formatter={(v) => fmt(Number(v), 2)} />
          <ReferenceLine y={0} stroke="#999" />
          <Scatter
            data={e.points.map((q) => ({ x: q.x, y: q.residual }))}
            fill="#6d28d9"
            fillOpacity={0.35}
            isAnimationActive={false}
          />
          <Line
            data={e.trend.map((t) => ({ x: t.x, y: t.meanResidual }))}
            dataKey="y"
            stroke="#ea580c"
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption>
        Residual (predicted − actual) by {e.column}; the orange line is the binned mean.
      </figcaption>
    </figure>
  );
}

function Curve({
  label,
  data,
  x,
  y,
  diagonal,
}: {
  label: string;
  data: { x: number; y: number }[];
  x: string;
  y: string;
  diagonal?: boolean;
}) {
  return (
    <figure className="chart" aria-label={label}>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="x" domain={[0, 1]} tickFormatter={(v: number) => fmt(v, 2)} />
          <YAxis type="number" domain={[0, 1]} width={48} tickFormatter={(v: number) => fmt(v, 2)} />
          <Tooltip formatter={(v) => fmt(Number(v), 3)} />
          {diagonal && (
            <ReferenceLine
              segment={[
                { x: 0, y: 0 },
                { x: 1, y: 1 },
              ]}
              stroke="#999"
              strokeDasharray="4 4"
            />
          )}
          <Line dataKey="y" stroke="#6d28d9" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
      <figcaption>
        {label}: {y} against {x}.
      </figcaption>
    </figure>
  );
}

/** Axis ticks: whole numbers as they are (years stay 2019, not 2,019), others rounded. */
function tick(v: number): string {
  return Number.isInteger(v) ? String(v) : fmt(v, 1);
}
