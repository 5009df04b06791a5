import { useAudioStore } from '../../state/audio';
import { AudioFileList } from './AudioFileList';
import { AudioInputs } from './AudioInputs';
import { AudioOutputs } from './AudioOutputs';
import { AudioProgress } from './AudioProgress';
import { ClipView } from './ClipView';
import { WindowControls } from './WindowControls';
import './audio.css';

/**
 * Audio in, features out: add files, folders or zips; each is sniffed, decoded and analysed in
 * the worker pool (cached by content); the feature table becomes the dataset or is joined onto it.
 */
export function AudioPanel() {
  const notes = useAudioStore((s) => s.notes);
  const hasItems = useAudioStore((s) => s.items.length > 0);
  const clear = useAudioStore((s) => s.clear);
  return (
    <section className="panel" aria-labelledby="audio-h">
      <h2 id="audio-h">1b. Audio (optional)</h2>
      <p className="hint">
        Compute music features (MFCC, chroma, spectral shape, tempo, key, chords) from your own audio files,
        in your browser, and use them as the dataset or join them onto your CSV by file name or track id.
      </p>
      <AudioInputs />
      <WindowControls />
      <AudioProgress />
      {notes.map((n) => (
        <p className="notice" key={n}>
          {n}
        </p>
      ))}
      <AudioFileList />
      {hasItems && (
        <button type="button" className="secondary" onClick={clear}>
          Clear audio files
        </button>
      )}
      <ClipView />
      <AudioOutputs />
    </section>
  );
}
