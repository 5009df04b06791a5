import { joinBaseOf, useAudioStore } from '../../state/audio';
import { useStore } from '../../state/store';
import { JoinReportView } from './JoinReportView';

/** The two outputs: the feature table as the dataset, or joined onto the loaded CSV by a column. */
export function AudioOutputs() {
  const done = useAudioStore((s) => s.items.filter((i) => i.status === 'done').length);
  const busy = useAudioStore((s) => s.busy);
  const installed = useAudioStore((s) => s.installed);
  const base = useAudioStore((s) => s.base);
  const joinColumn = useAudioStore((s) => s.joinColumn);
  const keepUnmatched = useAudioStore((s) => s.keepUnmatched);
  const outputError = useAudioStore((s) => s.outputError);
  const report = useAudioStore((s) => s.joinReport);
  const { installFeatureTable, joinOntoDataset, setJoinColumn, setKeepUnmatched } = useAudioStore.getState();
  const dataset = useStore((s) => s.dataset);

  if (done === 0 && !outputError) return null;
  const target = dataset ? joinBaseOf(dataset, { installed, base }) : undefined;
  const featuresOnly = !!dataset && !!installed && !base && dataset.fileName === installed.fileName;
  const columns = target && !featuresOnly ? target.table.columns.map((c) => c.name) : [];

  return (
    <div className="audio-outputs" aria-busy={!!busy}>
      <h3>Use the features</h3>
      <div className="row">
        <button type="button" disabled={!!busy || done === 0} onClick={() => void installFeatureTable()}>
          Use audio features as the dataset
        </button>
        <span className="hint">
          One row per file: a “file” column and {done > 0 ? 'every' : 'the'} summary feature.
        </span>
      </div>
      {columns.length > 0 && target && (
        <div className="row">
          <label>
            Join column in {target.fileName}
            <select
              aria-label="Join column"
              value={joinColumn}
              onChange={(e) => setJoinColumn(e.target.value)}
            >
              <option value="">best match (automatic)</option>
              {columns.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <label className="inline">
            <input
              type="checkbox"
              checked={keepUnmatched}
              onChange={(e) => setKeepUnmatched(e.target.checked)}
            />{' '}
            Keep rows without audio (features missing)
          </label>
          <button type="button" disabled={!!busy || done === 0} onClick={() => void joinOntoDataset()}>
            Join audio features onto {target.fileName}
          </button>
        </div>
      )}
      {!dataset && (
        <p className="hint">
          Load a CSV of tracks in the Data panel to join these features onto it by file name or track id.
        </p>
      )}
      {busy && <p aria-live="polite">{busy === 'join' ? 'Joining…' : 'Building the feature table…'}</p>}
      {outputError && (
        <p className="error" role="alert" data-testid="audio-output-error">
          {outputError}
        </p>
      )}
      {report && <JoinReportView report={report} />}
    </div>
  );
}
