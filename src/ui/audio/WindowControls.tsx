import { useAudioStore } from '../../state/audio';

/** The analysis window: the whole track, or N seconds from the middle or from an offset. */
export function WindowControls() {
  const w = useAudioStore((s) => s.window);
  const setWindow = useAudioStore((s) => s.setWindow);
  const reanalyse = useAudioStore((s) => s.reanalyse);
  const hasItems = useAudioStore((s) => s.items.some((i) => i.status === 'done' || i.status === 'error'));

  return (
    <fieldset className="audio-window">
      <legend>Analysis window</legend>
      <div className="row">
        <label>
          Analyse
          <select
            aria-label="Analyse"
            value={w.mode}
            onChange={(e) => setWindow({ mode: e.target.value as 'whole' | 'window' })}
          >
            <option value="window">an excerpt</option>
            <option value="whole">the whole track (up to 10 min)</option>
          </select>
        </label>
        {w.mode === 'window' && (
          <>
            <label>
              Excerpt length (s)
              <input
                type="number"
                min={1}
                max={600}
                step={1}
                value={w.seconds}
                onChange={(e) => {
                  const v = Number(e.target.value);
                  if (v >= 1 && v <= 600) setWindow({ seconds: v });
                }}
              />
            </label>
            <label>
              Excerpt starts
              <select
                aria-label="Excerpt starts"
                value={w.offset === 'middle' ? 'middle' : 'offset'}
                onChange={(e) => setWindow({ offset: e.target.value === 'middle' ? 'middle' : 0 })}
              >
                <option value="middle">centred on the middle</option>
                <option value="offset">at a chosen time</option>
              </select>
            </label>
            {w.offset !== 'middle' && (
              <label>
                Start at (s)
                <input
                  type="number"
                  min={0}
                  step={1}
                  value={w.offset}
                  onChange={(e) => {
                    const v = Number(e.target.value);
                    if (v >= 0) setWindow({ offset: v });
                  }}
                />
              </label>
            )}
          </>
        )}
        {hasItems && (
          <button type="button" className="secondary" onClick={() => reanalyse(true)}>
            Re-analyse all with this window
          </button>
        )}
      </div>
    </fieldset>
  );
}
