import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useStore } from '../state/store';
import { ErrorText } from './ErrorText';
import { fmt, fmtDuration, fmtInt } from './format';
import { ModelSummary } from './ModelSummary';

/** Step 4: train in a worker, watch the loss live, cancel at any batch. */
export function TrainPanel() {
  const run = useStore((s) => s.run);
  const result = useStore((s) => s.result);
  const startTraining = useStore((s) => s.startTraining);
  const cancelTraining = useStore((s) => s.cancelTraining);
  const running = run.status === 'running';
  const history = running || run.epochs.length > 0 ? run.epochs : (result?.history ?? []);
  const last = run.epochs[run.epochs.length - 1];
  const b = run.batch;
  const doneEpochs = run.epochs.length;
  const fraction =
    run.totalEpochs > 0 && b ? Math.min(1, (b.epoch - 1 + b.batch / b.batchesPerEpoch) / run.totalEpochs) : 0;
  const elapsed = b?.elapsedMs ?? last?.elapsedMs ?? 0;
  const left = fraction > 0.01 ? (elapsed / fraction) * (1 - fraction) : NaN;
  const backend = run.backend ?? result?.backend;

  return (
    <section className="panel" aria-labelledby="train-h">
      <h2 id="train-h">4. Train</h2>
      <div className="row">
        <button type="button" className="primary" onClick={() => void startTraining()} disabled={running}>
          Train
        </button>
        <button
          type="button"
          className="secondary"
          onClick={cancelTraining}
          disabled={!running || run.cancelRequested}
        >
          Cancel training
        </button>
        {backend && (
          <span className="backend" data-testid="backend">
            Backend: <strong>{backend}</strong>
            {run.backendReason && <span className="hint"> ({run.backendReason})</span>}
          </span>
        )}
      </div>
      <ErrorText field="train" />
      {run.resumedFromEpoch !== undefined && (
        <p className="notice" data-testid="resumed">
          Resumed an interrupted run from its checkpoint after epoch {run.resumedFromEpoch}.
        </p>
      )}
      {running && (
        <div className="progress-block" aria-live="polite">
          <progress aria-label="Training progress" value={fraction} max={1} />
          <span data-testid="train-status">
            {run.phase === 'preparing' && 'Preparing data…'}
            {run.phase === 'evaluating' && 'Evaluating on the test set…'}
            {run.phase === 'training' &&
              (b
                ? `Epoch ${b.epoch} / ${run.totalEpochs} · batch ${b.batch} / ${b.batchesPerEpoch}` +
                  (Number.isFinite(left) ? ` · about ${fmtDuration(left)} left` : '')
                : 'Starting…')}
            {run.cancelRequested && ' · stopping…'}
          </span>
        </div>
      )}
      {!running && result && (
        <p className="summary" data-testid="train-outcome">
          {result.stopReason === 'cancelled' &&
            `Training was cancelled after ${result.history.length} epochs. `}
          {result.stopReason === 'early-stopped' &&
            `Early stopping after ${result.history.length} epochs; restored the best weights (epoch ${result.bestEpoch}). `}
          {result.stopReason === 'completed' &&
            `Trained ${result.history.length} epochs; best validation loss at epoch ${result.bestEpoch}. `}
          {result.stopReason === 'diverged' && `Training diverged: ${result.message ?? ''} `}
        </p>
      )}
      {run.sizes && (
        <p className="hint" data-testid="split-sizes">
          Split: {fmtInt(run.sizes.train)} train, {fmtInt(run.sizes.val)} validation, {fmtInt(run.sizes.test)}{' '}
          test rows
          {run.sizes.droppedNoTarget > 0 &&
            ` (${fmtInt(run.sizes.droppedNoTarget)} rows without a target left out)`}
          ; {run.nFeatures} model inputs.
        </p>
      )}
      {run.warnings.map((w) => (
        <p className="notice" key={w}>
          {w}
        </p>
      ))}
      {history.length > 0 && (
        <figure className="chart" aria-label="Loss per epoch">
          <ResponsiveContainer width="100%" height={260}>
            <LineChart data={history} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="epoch" label={{ value: 'epoch', position: 'insideBottomRight', offset: -4 }} />
              <YAxis tickFormatter={(v: number) => fmt(v, 2)} width={56} />
              <Tooltip formatter={(v) => fmt(Number(v), 4)} />
              <Legend />
              <Line
                type="monotone"
                dataKey="loss"
                name="training loss"
                stroke="#6d28d9"
                dot={false}
                isAnimationActive={false}
              />
              <Line
                type="monotone"
                dataKey="valLoss"
                name="validation loss"
                stroke="#ea580c"
                dot={false}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
          <figcaption>
            Loss per epoch
            {doneEpochs > 0 && last
              ? `: epoch ${last.epoch}, training ${fmt(last.loss, 4)}, validation ${fmt(last.valLoss, 4)}`
              : ''}
          </figcaption>
        </figure>
      )}
      {(run.summary ?? result?.summary) && <ModelSummary summary={(run.summary ?? result?.summary)!} />}
    </section>
  );
}
