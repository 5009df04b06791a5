import { useEffect, useState, type DragEvent } from 'react';
import { useStore } from '../state/store';
import { DataPanel } from './DataPanel';
import { SetupPanel } from './SetupPanel';
import { ModelPanel } from './ModelPanel';
import { TrainPanel } from './TrainPanel';
import { ResultsPanel } from './ResultsPanel';
import { Runs } from './results/Runs';
import { ErrorBoundary } from './ErrorBoundary';
import { AudioPanel } from './audio/AudioPanel';
import { PredictPanel } from './deploy/PredictPanel';

/** The studio: one column of panels following the pipeline; a CSV can be dropped anywhere. */
export function App() {
  const hydrate = useStore((s) => s.hydrate);
  const hydrated = useStore((s) => s.hydrated);
  const loadFiles = useStore((s) => s.loadFiles);
  const hasData = useStore((s) => !!s.dataset);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    void hydrate();
  }, [hydrate]);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    // Audio files and zips belong to the Audio panel, which handles its own drops.
    const files = [...e.dataTransfer.files].filter(
      (f) => !/^audio\//.test(f.type) && !/\.(zip|wav|mp3|ogg|opus|flac|m4a|aac)$/i.test(f.name),
    );
    if (files.length > 0) void loadFiles(files);
  };

  return (
    <div
      className={dragging ? 'app dragging' : 'app'}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={onDrop}
      // Capture phase: the overlay clears even when a panel (Audio) handles the drop itself.
      onDropCapture={() => setDragging(false)}
    >
      <header className="top">
        <h1>
          <span className="logo" aria-hidden="true">
            ♪
          </span>{' '}
          Encore
        </h1>
        <p className="tagline">
          Predict how popular a track will be. Everything runs in your browser; your data never leaves it.
        </p>
      </header>
      {dragging && <div className="drop-overlay">Drop a CSV to load it</div>}
      <main>
        {!hydrated ? (
          <p>Loading…</p>
        ) : (
          <>
            <ErrorBoundary name="Data">
              <DataPanel />
            </ErrorBoundary>
            <ErrorBoundary name="Audio">
              <AudioPanel />
            </ErrorBoundary>
            {hasData && (
              <>
                <ErrorBoundary name="Target and split">
                  <SetupPanel />
                </ErrorBoundary>
                <ErrorBoundary name="Model">
                  <ModelPanel />
                </ErrorBoundary>
                <ErrorBoundary name="Train">
                  <TrainPanel />
                </ErrorBoundary>
                <ErrorBoundary name="Results">
                  <ResultsPanel />
                </ErrorBoundary>
                <ErrorBoundary name="Runs">
                  <Runs />
                </ErrorBoundary>
              </>
            )}
            <ErrorBoundary name="Predict">
              <PredictPanel />
            </ErrorBoundary>
          </>
        )}
      </main>
      <footer>
        Built-in sample: “Top Hits Spotify from 2000-2019” by paradisejoy (Kaggle). Encore uses TensorFlow.js
        in Web Workers.
      </footer>
    </div>
  );
}
