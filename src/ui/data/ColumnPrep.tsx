import type { ColumnType } from '../../core/data/table';
import type { ColumnProfile, FeatureSpec } from '../../core/prep';
import { useStore } from '../../state/store';

type Scaling = NonNullable<FeatureSpec['scaling']>;
type Impute = NonNullable<FeatureSpec['impute']>;

const SCALINGS: Scaling[] = ['standard', 'minmax', 'robust', 'log1p', 'none'];
const IMPUTES: Impute[] = ['median', 'mean', 'mode', 'constant', 'drop'];
/**
 * One-hot keeps this many most frequent values when the user sets none: core's ONEHOT_TOP_K (the UI
 * may import only types from core, so the value is repeated here).
 */
const ONEHOT_TOP_K = 20;
/** Outlier clipping at percentiles of the training rows: the choices offered, as select values. */
const CLIPS: { value: string; label: string; clip?: [number, number] }[] = [
  { value: 'none', label: 'outliers: keep' },
  { value: '1-99', label: 'clip to 1st–99th pct', clip: [1, 99] },
  { value: '5-95', label: 'clip to 5th–95th pct', clip: [5, 95] },
];

/**
 * How one feature column is prepared: scaling, outlier clipping (at percentiles of the training rows)
 * and missing values for numbers; one-hot, target encoding or a learned embedding (read by wide &
 * deep; other models use target encoding) for categories. Fitted on the training rows only, like every
 * step of the pipeline.
 */
export function ColumnPrep({ profile, type }: { profile: ColumnProfile; type: ColumnType }) {
  const override = useStore((s) => (s.setup.specOverrides ?? []).find(([n]) => n === profile.name)?.[1]);
  const setColumnPrep = useStore((s) => s.setColumnPrep);
  const name = profile.name;
  if (type === 'number' || type === 'integer') {
    const suggested: Scaling = profile.suggestedScaling === 'log1p' ? 'log1p' : 'standard';
    return (
      <span className="prep">
        <select
          aria-label={`Scaling of ${name}`}
          value={override?.scaling ?? suggested}
          onChange={(e) => setColumnPrep(name, { scaling: e.target.value as Scaling })}
        >
          {SCALINGS.map((v) => (
            <option key={v} value={v}>
              {v}
              {v === suggested ? ' (suggested)' : ''}
            </option>
          ))}
        </select>
        <select
          aria-label={`Outliers of ${name}`}
          value={override?.clip ? override.clip.join('-') : 'none'}
          onChange={(e) => setColumnPrep(name, { clip: CLIPS.find((c) => c.value === e.target.value)?.clip })}
        >
          {CLIPS.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        {profile.missing > 0 && (
          <>
            <select
              aria-label={`Missing values of ${name}`}
              value={override?.impute ?? 'median'}
              onChange={(e) => setColumnPrep(name, { impute: e.target.value as Impute })}
            >
              {IMPUTES.map((v) => (
                <option key={v} value={v}>
                  {v === 'drop' ? 'drop the row' : `fill: ${v}`}
                </option>
              ))}
            </select>
            {override?.impute === 'constant' && (
              <input
                type="number"
                className="prep-number"
                aria-label={`Fill value of ${name}`}
                value={typeof override.constant === 'number' ? override.constant : 0}
                onChange={(e) => {
                  const v = e.target.valueAsNumber;
                  if (Number.isFinite(v)) setColumnPrep(name, { constant: v });
                }}
              />
            )}
            <label className="check">
              <input
                type="checkbox"
                checked={override?.missingIndicator ?? false}
                onChange={(e) => setColumnPrep(name, { missingIndicator: e.target.checked })}
              />
              flag
            </label>
          </>
        )}
      </span>
    );
  }
  if (type === 'category') {
    const encoding = override?.encoding ?? 'onehot';
    return (
      <span className="prep">
        <select
          aria-label={`Encoding of ${name}`}
          value={encoding}
          onChange={(e) => setColumnPrep(name, { encoding: e.target.value as FeatureSpec['encoding'] })}
        >
          <option value="onehot">one-hot (top values + other)</option>
          <option value="target">target encoding (out-of-fold)</option>
          <option value="embedding">learned embedding (wide &amp; deep)</option>
        </select>
        {encoding === 'onehot' && (
          <label className="check">
            top
            <input
              type="number"
              className="prep-number"
              min={1}
              max={500}
              aria-label={`One-hot size of ${name}`}
              value={override?.topK ?? ONEHOT_TOP_K}
              onChange={(e) => {
                const k = Math.round(e.target.valueAsNumber);
                if (k >= 1 && k <= 500) setColumnPrep(name, { topK: k });
              }}
            />
          </label>
        )}
      </span>
    );
  }
  return (
    <span className="hint">
      {type === 'multicategory'
        ? 'multi-hot'
        : type === 'date'
          ? 'year, month, age'
          : type === 'boolean'
            ? '0 / 1'
            : ''}
    </span>
  );
}
