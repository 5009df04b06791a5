import { useStore } from '../../state/store';
import { downloadBytes, fmt } from '../format';

/**
 * Step 7: the deployed model. Import a bundle (.zip, checked before anything runs: sizes, hashes,
 * layers, weights, golden rows), then predict a CSV with it and download the table with a
 * prediction column; rows that could not be read or predicted are listed with their line numbers.
 */
export function PredictPanel() {
  const deploy = useStore((s) => s.deploy);
  const importBundle = useStore((s) => s.importBundle);
  const predictFile = useStore((s) => s.predictFile);
  const m = deploy.model;
  const p = deploy.prediction;
  return (
    <section className="panel" aria-labelledby="predict-h">
      <h2 id="predict-h">7. Predict</h2>
      <div className="row">
        <label className="file-button">
          Import model (.zip)
          <input
            type="file"
            accept=".zip,application/zip"
            disabled={!!deploy.busy}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void importBundle(f, f.name);
              e.target.value = '';
            }}
          />
        </label>
        {m && !m.readsAudio && (
          <label className="file-button">
            Predict a CSV
            <input
              type="file"
              accept=".csv,.tsv,.txt,text/csv"
              disabled={!!deploy.busy}
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void predictFile(f, f.name);
                e.target.value = '';
              }}
            />
          </label>
        )}
      </div>
      {deploy.busy && (
        <p role="status">{deploy.busy === 'importing' ? 'Checking the bundle…' : 'Predicting…'}</p>
      )}
      {!m && !deploy.busy && (
        <p className="hint">
          Export a model from the Results panel (or use one someone gave you) and import it here to predict new
          tracks. Every bundle is checked before anything runs.
        </p>
      )}
      {m && (
        <p data-testid="deployed-model">
          Deployed: <strong>{m.fileName}</strong> — {m.modelId} predicting {m.target} ({m.task})
          {m.dataName ? `, trained on ${m.dataName}` : ''}
          {m.trainedAt ? ` at ${new Date(m.trainedAt).toLocaleString()}` : ''}. It reads {m.columns.length} columns (
          {m.columns.join(', ')}); {m.goldenRows} golden rows reproduced on this backend.
          {m.warning && <span className="notice"> {m.warning}</span>}
        </p>
      )}
      {deploy.error && (
        <p className="error" role="alert">
          {deploy.error}
        </p>
      )}
      {p && (
        <div data-testid="prediction-result">
          <p>
            {p.fileName}: {p.predicted} of {p.rows} rows predicted
            {p.preview.length > 0 && ` (first: ${p.preview.map((v) => fmt(v)).join(', ')})`}.
          </p>
          <button
            type="button"
            className="primary"
            onClick={() => downloadBytes(p.csv, p.fileName.replace(/\.[^.]+$/, '') + '-predictions.csv', 'text/csv')}
          >
            Download predictions (CSV)
          </button>
          {p.failures.length > 0 && (
            <details open>
              <summary>{p.failures.length} rows without a prediction</summary>
              <ul>
                {p.failures.slice(0, 50).map((f, i) => (
                  <li key={i}>
                    {f.line !== undefined ? `line ${f.line}` : `row ${f.row}`}: {f.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
