import { useStore } from '../state/store';
import { ErrorText } from './ErrorText';
import { downloadBytes } from './format';
import { MetricsTable } from './results/MetricsTable';
import { Plots } from './results/Plots';
import { Importance } from './results/Importance';
import { Bias } from './results/Bias';

/** Step 5: honest numbers on the held-out test set, beside baselines; who the model gets wrong; export. */
export function ResultsPanel() {
  const result = useStore((s) => s.result);
  const exportModel = useStore((s) => s.exportModel);
  const modelCard = useStore((s) => s.modelCard);
  const experimentFile = useStore((s) => s.experimentFile);
  const testPredictionsFile = useStore((s) => s.testPredictionsFile);
  if (!result) return null;
  const split = result.splitUsed;

  return (
    <section className="panel" aria-labelledby="results-h">
      <h2 id="results-h">5. Results</h2>
      <p className="hint" data-testid="results-split">
        Measured on {result.sizes.test} test rows the model never saw during training or early stopping (
        {split.method} split
        {split.groupColumn ? ` by ${split.groupColumn}` : ''}).
      </p>
      {result.splitNote && (
        <p className="notice" data-testid="leakage-guard">
          {result.splitNote}
        </p>
      )}
      {result.leakage.length > 0 && (
        <div className="notice" data-testid="leakage-warning">
          <strong>Possible leakage:</strong>
          <ul>
            {result.leakage.map((f) => (
              <li key={f.column}>
                {f.testRowsAffected} test rows share “{f.column}” with training rows ({f.sharedGroups} values,
                e.g. {f.examples.slice(0, 3).join('; ')}). Metrics may be optimistic for these; a grouped
                split by this column keeps them apart.
              </li>
            ))}
          </ul>
        </div>
      )}
      <MetricsTable result={result} />
      <Plots result={result} />
      <Importance result={result} />
      <Bias result={result} />
      <h3>Take it with you</h3>
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
        <button
          type="button"
          onClick={async () => {
            const card = await modelCard('html');
            if (card) downloadBytes(card.text, card.fileName, 'text/html');
          }}
        >
          Download model card (HTML)
        </button>
        <button
          type="button"
          className="secondary"
          onClick={async () => {
            const card = await modelCard('md');
            if (card) downloadBytes(card.text, card.fileName, 'text/markdown');
          }}
        >
          Model card (Markdown)
        </button>
        <button
          type="button"
          className="secondary"
          onClick={async () => {
            const file = await experimentFile();
            if (file) downloadBytes(file.text, file.fileName, 'application/json');
          }}
        >
          Download experiment.json
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            const file = testPredictionsFile();
            if (file) downloadBytes(file.text, file.fileName, 'text/csv');
          }}
        >
          Download test predictions (CSV)
        </button>
      </div>
      <p className="hint">
        The zip holds model.json + weights.bin (TensorFlow.js layers format), preprocessing.json (the fitted
        pipeline), metrics.json, experiment.json and model-card.md. experiment.json alone replays the run:
        open it from the Runs panel.
      </p>
      <ErrorText field="export" />
    </section>
  );
}
