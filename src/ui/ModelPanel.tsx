import { useStore } from '../state/store';
import type { BackendChoice } from '../workers/protocol';
import type { TrainConfig } from '../core/train';
import { ParamForm } from './ParamForm';
import { ErrorText } from './ErrorText';
import { ModelSummary } from './ModelSummary';

const OPTIMIZERS: TrainConfig['optimizer'][] = ['adam', 'adamw', 'rmsprop', 'sgd'];
const BACKENDS: { value: BackendChoice; label: string }[] = [
  { value: 'auto', label: 'auto (fastest here)' },
  { value: 'wasm', label: 'WASM (CPU, SIMD)' },
  { value: 'webgl', label: 'WebGL (GPU)' },
  { value: 'webgpu', label: 'WebGPU (GPU)' },
  { value: 'cpu', label: 'plain JavaScript (slowest)' },
];

/** Step 3: the model and how to train it. */
export function ModelPanel() {
  const models = useStore((s) => s.models);
  const setup = useStore((s) => s.setup);
  const setModel = useStore((s) => s.setModel);
  const setModelParam = useStore((s) => s.setModelParam);
  const setTrain = useStore((s) => s.setTrain);
  const setBackend = useStore((s) => s.setBackend);
  const previewModel = useStore((s) => s.previewModel);
  const preview = useStore((s) => s.preview);
  const hasAudio = useStore((s) => !!s.dataset?.audio);
  // Models whose inputs this dataset can feed: tabular and category embeddings always; MFCC / spectrogram frames
  // once audio is loaded.
  const usable = models.filter(
    (m) =>
      m.tasks.includes(setup.task) &&
      m.needs.every(
        (n) =>
          n === 'tabular' || n === 'embeddings' || (hasAudio && (n === 'sequence' || n === 'spectrogram')),
      ),
  );
  const model = models.find((m) => m.id === setup.modelId);
  const t = setup.train;

  return (
    <section className="panel" aria-labelledby="model-h">
      <h2 id="model-h">3. Model</h2>
      <div className="grid">
        <label>
          Model
          <select value={setup.modelId} onChange={(e) => setModel(e.target.value)}>
            {usable.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        {model && (
          <ParamForm
            schema={model.paramSchema}
            values={{ ...model.defaults, ...setup.modelParams }}
            onChange={setModelParam}
          />
        )}
      </div>
      {model && <p className="hint">{model.description}</p>}
      {!hasAudio && (
        <p className="hint">
          Sequence and spectrogram models (1D/2D CNN, LSTM, GRU, CRNN, fusion) appear here once the table has
          audio: add files in the Audio panel and use or join their features.
        </p>
      )}
      <div className="row">
        <button type="button" className="secondary" onClick={() => void previewModel()}>
          Show model summary
        </button>
      </div>
      {preview && <ModelSummary summary={preview} open />}
      <ErrorText field="model" />
      <h3>Training</h3>
      <div className="grid">
        <label>
          Optimizer
          <select
            value={t.optimizer}
            onChange={(e) => setTrain({ optimizer: e.target.value as TrainConfig['optimizer'] })}
          >
            {OPTIMIZERS.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        <NumberField
          label="Learning rate"
          value={t.learningRate}
          step="any"
          min={0}
          onChange={(v) => setTrain({ learningRate: v })}
        />
        <NumberField
          label="Batch size"
          value={t.batchSize}
          min={1}
          onChange={(v) => setTrain({ batchSize: Math.round(v) })}
        />
        <NumberField
          label="Epochs"
          value={t.epochs}
          min={1}
          onChange={(v) => setTrain({ epochs: Math.round(v) })}
        />
        <NumberField
          label="Early-stopping patience"
          value={t.patience}
          min={0}
          onChange={(v) => setTrain({ patience: Math.round(v) })}
        />
        <NumberField
          label="Training seed"
          value={t.seed}
          min={0}
          onChange={(v) => setTrain({ seed: Math.max(0, Math.trunc(v)) })}
        />
        <label>
          Backend
          <select value={setup.backend} onChange={(e) => setBackend(e.target.value as BackendChoice)}>
            {BACKENDS.map((b) => (
              <option key={b.value} value={b.value}>
                {b.label}
              </option>
            ))}
          </select>
        </label>
      </div>
    </section>
  );
}

function NumberField({
  label,
  value,
  onChange,
  min,
  step,
}: {
  label: string;
  value: number;
  onChange(v: number): void;
  min?: number;
  step?: string;
}) {
  return (
    <label>
      {label}
      <input
        type="number"
        value={value}
        min={min}
        step={step ?? 1}
        onChange={(e) => {
          const v = Number(e.target.value);
          if (e.target.value !== '' && Number.isFinite(v)) onChange(v);
        }}
      />
    </label>
  );
}
