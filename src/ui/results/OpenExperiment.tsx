import { useStore } from '../../state/store';
import { fmt } from '../format';

/**
 * Open an experiment.json: every control takes its value and the run trains again on the loaded
 * data; what it measured when it first ran is shown beside the new run's metrics.
 */
export function OpenExperiment() {
  const hasData = useStore((s) => !!s.dataset);
  const running = useStore((s) => s.run.status === 'running');
  const openExperiment = useStore((s) => s.openExperiment);
  const opened = useStore((s) => s.opened);
  const ran = opened?.ran?.metrics;
  return (
    <div className="open-experiment">
      <label className="file-button">
        Open experiment.json (replays it)
        <input
          type="file"
          accept=".json,application/json"
          disabled={!hasData || running}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void openExperiment(f, f.name);
            e.target.value = '';
          }}
        />
      </label>
      {!hasData && <span className="hint"> Load the data it was made on first.</span>}
      {opened && (
        <div className="notice" data-testid="opened-experiment" role="status">
          Replaying {opened.fileName}
          {opened.ran && ` (it ran on ${opened.ran.backend})`}.
          {ran && (
            <>
              {' '}
              Then:{' '}
              {ran.task === 'regression'
                ? `RMSE ${fmt(ran.model.rmse)}, MAE ${fmt(ran.model.mae)}, R² ${fmt(ran.model.r2)}`
                : `accuracy ${fmt(ran.model.accuracy)}, ROC AUC ${fmt(ran.model.rocAuc)}`}
              .
            </>
          )}
          {opened.notes.warnings.map((w) => (
            <div key={w}>{w}</div>
          ))}
        </div>
      )}
    </div>
  );
}
