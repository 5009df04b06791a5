import { useAudioStore, type AudioItem } from '../../state/audio';
import { fmt, fmtBytes } from '../format';

const STATUS: Record<AudioItem['status'], string> = {
  queued: 'Queued',
  reading: 'Reading',
  decoding: 'Decoding',
  analysing: 'Analysing',
  done: 'Done',
  error: 'Error',
  cancelled: 'Cancelled',
};

const KIND: Record<NonNullable<AudioItem['error']>['kind'], string> = {
  empty: 'Empty file',
  truncated: 'Truncated',
  unsupported: 'Unsupported',
  undecodable: 'Undecodable',
  'too-large': 'Too large',
  failed: 'Failed',
};

function tempoText(bpm: number, confidence: number): string {
  return Number.isFinite(bpm) ? `${fmt(bpm, 1)} (conf. ${fmt(confidence, 2)})` : 'none found';
}

function StatusCell({ item }: { item: AudioItem }) {
  if (item.status === 'error' && item.error) {
    return (
      <td className="audio-error" data-testid="audio-error" colSpan={4}>
        <strong>{KIND[item.error.kind]}:</strong> {item.error.message}
      </td>
    );
  }
  return (
    <td>
      {STATUS[item.status]}
      {item.status === 'done' && item.cached && ' (cached)'}
      {item.warnings.length > 0 && (
        <span className="audio-warn" title={item.warnings.join('\n')}>
          {' '}
          ⚠ {item.warnings.join(' ')}
        </span>
      )}
    </td>
  );
}

/** One row per file: status (or its own error), duration, tempo, key, and a button to view it. */
export function AudioFileList() {
  const items = useAudioStore((s) => s.items);
  const selected = useAudioStore((s) => s.selected);
  const select = useAudioStore((s) => s.select);
  if (items.length === 0) return null;
  const done = items.filter((i) => i.status === 'done').length;
  const failed = items.filter((i) => i.status === 'error').length;
  return (
    <div className="scroll audio-list">
      <table className="compact" aria-label="Audio file status">
        <caption>
          {items.length} files: {done} with features, {failed} with errors
        </caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Format</th>
            <th scope="col">Status</th>
            <th scope="col">Analysed</th>
            <th scope="col">Tempo (BPM)</th>
            <th scope="col">Key</th>
            <th scope="col">View</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr
              key={i.id}
              data-testid={i.status === 'done' ? 'audio-row-done' : `audio-row-${i.status}`}
              className={i.id === selected ? 'selected' : undefined}
            >
              <th scope="row" title={i.path} className="audio-name">
                {i.name} <span className="hint">({fmtBytes(i.bytes)})</span>
              </th>
              <td>{i.format ? i.format.toUpperCase() : '—'}</td>
              <StatusCell item={i} />
              {i.status !== 'error' && (
                <>
                  <td>{i.clip ? `${i.clip.durationSec.toFixed(1)} s` : ''}</td>
                  <td>{i.clip ? tempoText(i.clip.tempoBpm, i.clip.tempoConfidence) : ''}</td>
                  <td>
                    {i.clip
                      ? i.clip.keyName === 'unknown'
                        ? 'none found'
                        : `${i.clip.keyName} (conf. ${fmt(i.clip.keyConfidence, 2)})`
                      : ''}
                  </td>
                </>
              )}
              <td>
                {i.clip && (
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`View ${i.name}`}
                    onClick={() => select(i.id)}
                  >
                    View
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
