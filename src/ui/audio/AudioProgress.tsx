import { useEffect, useState } from 'react';
import { useAudioStore } from '../../state/audio';
import { fmtDuration } from '../format';

/** Progress over the batch of files, with the time left and Cancel / Resume. */
export function AudioProgress() {
  const batch = useAudioStore((s) => s.batch);
  const cancel = useAudioStore((s) => s.cancel);
  const reanalyse = useAudioStore((s) => s.reanalyse);
  const cancelled = useAudioStore((s) => s.items.filter((i) => i.status === 'cancelled').length);
  const [now, setNow] = useState(() => Date.now());
  const running = !!batch && batch.endedAt === undefined && batch.finished < batch.total;

  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, [running]);

  if (!batch) return null;
  const elapsed = (batch.endedAt ?? now) - batch.startedAt;
  const left = batch.finished > 0 ? (elapsed / batch.finished) * (batch.total - batch.finished) : NaN;
  return (
    <div className="progress-block" aria-live="polite" data-testid="audio-progress">
      <progress aria-label="Audio analysis progress" value={batch.finished} max={Math.max(1, batch.total)} />
      <span>
        {batch.finished} of {batch.total} files
        {running
          ? Number.isFinite(left)
            ? `, about ${fmtDuration(left)} left`
            : ', starting'
          : ` in ${fmtDuration(elapsed)}`}
      </span>
      {running && (
        <button type="button" className="secondary" onClick={cancel}>
          Cancel audio analysis
        </button>
      )}
      {!running && cancelled > 0 && (
        <button type="button" className="secondary" onClick={() => reanalyse(false)}>
          Resume {cancelled} cancelled files
        </button>
      )}
    </div>
  );
}
