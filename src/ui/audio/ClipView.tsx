import { useEffect, useRef } from 'react';
import type { Uint8Grid, WaveformEnvelope } from '../../core/audio';
import { useAudioStore } from '../../state/audio';
import { fmt } from '../format';
import { drawGrid, drawWaveform } from './draw';

function Waveform({ env, label }: { env: WaveformEnvelope; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current) drawWaveform(ref.current, env);
  }, [env]);
  return <canvas ref={ref} className="audio-canvas wave" role="img" aria-label={label} />;
}

function Grid({ grid, label, className }: { grid: Uint8Grid; label: string; className: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current) drawGrid(ref.current, grid);
  }, [grid]);
  return <canvas ref={ref} className={`audio-canvas ${className}`} role="img" aria-label={label} />;
}

const PITCHES = ['B', 'A#', 'A', 'G#', 'G', 'F#', 'F', 'E', 'D#', 'D', 'C#', 'C'];

/** What the model sees of one clip: waveform, log-mel spectrogram, chroma, tempo, key and chords. */
export function ClipView() {
  const item = useAudioStore((s) => s.items.find((i) => i.id === s.selected));
  const clip = item?.clip;
  if (!item || !clip) return null;
  const d = clip.display;
  return (
    <figure className="audio-view" aria-labelledby="audio-view-h" data-testid="audio-view">
      <h3 id="audio-view-h">{item.name}</h3>
      <p className="summary">
        {clip.durationSec.toFixed(1)} s analysed ·{' '}
        {Number.isFinite(clip.tempoBpm)
          ? `tempo ${fmt(clip.tempoBpm, 1)} BPM (confidence ${fmt(clip.tempoConfidence, 2)}${
              clip.tempoChanges > 0 ? `, ${clip.tempoChanges} tempo changes` : ''
            })`
          : 'no steady tempo found'}{' '}
        ·{' '}
        {clip.keyName === 'unknown'
          ? 'no key found'
          : `key ${clip.keyName} (confidence ${fmt(clip.keyConfidence, 2)})`}{' '}
        · {clip.chordsDistinct} distinct chords, {fmt(clip.chordChangesPerMin, 1)} changes a minute
      </p>
      {clip.progressions.length > 0 && (
        <p className="hint">
          Common progressions:{' '}
          {clip.progressions.map((p) => `${p.numerals} (${p.chords}) ×${p.count}`).join('; ')}
        </p>
      )}
      <div className="audio-plots">
        <span className="audio-axis">Waveform</span>
        <Waveform env={d.waveform} label={`Waveform of ${item.name}`} />
        <span className="audio-axis">Log-mel spectrogram (low to high, 80 dB range)</span>
        <Grid grid={d.logMel} label={`Log-mel spectrogram of ${item.name}`} className="mel" />
        <span className="audio-axis">Chroma</span>
        <div className="audio-chroma">
          <ol className="audio-pitches" aria-hidden="true">
            {PITCHES.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ol>
          <Grid grid={d.chroma} label={`Chroma of ${item.name}`} className="chroma" />
        </div>
      </div>
      <figcaption className="hint">
        Time runs left to right over the analysed excerpt; brighter means more energy. These are the same
        numbers the model's audio features summarise.
      </figcaption>
    </figure>
  );
}
