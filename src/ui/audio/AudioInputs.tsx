import { useState, type DragEvent } from 'react';
import { useAudioStore } from '../../state/audio';
import { filesFromDrop, filesFromInput } from './dropFiles';

/** Audio intake: a files input (audio and zips), a folder input, and a drop zone for files and folders. */
export function AudioInputs() {
  const addFiles = useAudioStore((s) => s.addFiles);
  const [over, setOver] = useState(false);

  const onDrop = (e: DragEvent) => {
    // Keep the page-wide CSV drop from also taking these files.
    e.preventDefault();
    e.stopPropagation();
    setOver(false);
    void filesFromDrop(e.dataTransfer).then((files) => addFiles(files));
  };

  return (
    <div
      className={over ? 'audio-drop over' : 'audio-drop'}
      data-testid="audio-drop"
      onDragOver={(e) => {
        e.preventDefault();
        e.stopPropagation();
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setOver(false);
      }}
      onDrop={onDrop}
    >
      <div className="row">
        <label className="file-button">
          Add audio files
          <input
            type="file"
            multiple
            accept="audio/*,.zip,application/zip"
            aria-label="Audio files"
            onChange={(e) => {
              if (e.target.files) void addFiles(filesFromInput(e.target.files, false));
              e.target.value = '';
            }}
          />
        </label>
        <label className="file-button">
          Choose a folder
          <input
            type="file"
            multiple
            aria-label="Choose a folder"
            ref={(el) => {
              // React has no typed prop for these; set them on the element.
              el?.setAttribute('webkitdirectory', '');
              el?.setAttribute('directory', '');
            }}
            onChange={(e) => {
              if (e.target.files) void addFiles(filesFromInput(e.target.files, true));
              e.target.value = '';
            }}
          />
        </label>
        <span className="hint">
          …or drop audio files, folders or a zip here (WAV, MP3, OGG, Opus, FLAC, M4A).
        </span>
      </div>
    </div>
  );
}
