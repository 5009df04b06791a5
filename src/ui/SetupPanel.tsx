import { useStore, type Task } from '../state/store';
import type { SplitMethod } from '../core/split';
import { ErrorText } from './ErrorText';

/** Step 2: what to predict, and how the rows are split (seeded). */
export function SetupPanel() {
  const profiles = useStore((s) => s.dataset!.profiles);
  const setup = useStore((s) => s.setup);
  const setTarget = useStore((s) => s.setTarget);
  const setTask = useStore((s) => s.setTask);
  const setHitThreshold = useStore((s) => s.setHitThreshold);
  const setSplit = useStore((s) => s.setSplit);
  const setGuardLeakage = useStore((s) => s.setGuardLeakage);
  const sp = setup.split;
  const pct = (v: number) => Math.round(v * 1000) / 10;
  const targetProfile = profiles.find((p) => p.name === setup.target);
  const names = profiles.map((p) => p.name);
  const numericTarget = targetProfile?.mean !== undefined;

  return (
    <section className="panel" aria-labelledby="setup-h">
      <h2 id="setup-h">2. Target and split</h2>
      <div className="grid">
        <ColumnSelect label="Target column" names={names} value={setup.target} onChange={setTarget} />
        <label>
          Task
          <select value={setup.task} onChange={(e) => setTask(e.target.value as Task)}>
            <option value="regression">regression (predict the score)</option>
            <option value="classification">classification (hit or not)</option>
          </select>
        </label>
        {setup.task === 'classification' && numericTarget && (
          <label>
            Hit threshold (target ≥)
            <input
              type="number"
              value={setup.hitThreshold ?? ''}
              placeholder={targetProfile?.max !== undefined && targetProfile.max > 1 ? 'e.g. 70' : '1'}
              onChange={(e) => setHitThreshold(e.target.value === '' ? undefined : Number(e.target.value))}
            />
          </label>
        )}
      </div>
      <ErrorText field="target" />
      <h3>Split</h3>
      <div className="grid">
        <label>
          Method
          <select value={sp.method} onChange={(e) => setSplit({ method: e.target.value as SplitMethod })}>
            <option value="random">random</option>
            <option value="stratified">stratified on the target</option>
            <option value="grouped">grouped (no group on both sides)</option>
            <option value="temporal">temporal (train older, test newer)</option>
          </select>
        </label>
        {sp.method === 'grouped' && (
          <ColumnSelect
            label="Group column"
            names={names}
            value={sp.groupColumn}
            onChange={(v) => setSplit({ groupColumn: v })}
          />
        )}
        {sp.method === 'temporal' && (
          <ColumnSelect
            label="Time column"
            names={names}
            value={sp.timeColumn}
            onChange={(v) => setSplit({ timeColumn: v })}
          />
        )}
        <label>
          Training %
          <input type="number" readOnly value={pct(1 - sp.val - sp.test)} aria-readonly="true" />
        </label>
        <label>
          Validation %
          <input
            type="number"
            min={0}
            max={90}
            value={pct(sp.val)}
            onChange={(e) => setSplit({ val: Number(e.target.value) / 100 })}
          />
        </label>
        <label>
          Test %
          <input
            type="number"
            min={1}
            max={90}
            value={pct(sp.test)}
            onChange={(e) => setSplit({ test: Number(e.target.value) / 100 })}
          />
        </label>
        <label>
          Seed
          <input
            type="number"
            value={sp.seed}
            onChange={(e) => setSplit({ seed: Math.trunc(Number(e.target.value)) })}
          />
        </label>
      </div>
      {sp.method === 'random' && (
        <label className="check">
          <input
            type="checkbox"
            checked={setup.guardLeakage}
            onChange={(e) => setGuardLeakage(e.target.checked)}
          />
          Keep copies of a track on one side (prevents duplicate tracks from inflating the test metrics)
        </label>
      )}
      <ErrorText field="split" />
    </section>
  );
}

/** A labelled select over the table's columns. */
function ColumnSelect({
  label,
  names,
  value,
  onChange,
}: {
  label: string;
  names: string[];
  value?: string;
  onChange(v: string): void;
}) {
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="" disabled>
          choose…
        </option>
        {names.map((n, i) => (
          <option key={i} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}
