import type { ColumnType } from '../../core/data/table';
import type { ColumnProfile, FeatureSpec } from '../../core/prep';
import { useStore } from '../../state/store';

type Scaling = NonNullable<FeatureSpec['scaling']>;
type Impute = NonNullable<FeatureSpec['impute']>;

const SCALINGS: Scaling[] = ['standard', 'minmax', 'robust', 'log1p', 'none'];
const IMPUTES: Impute[] = ['median', 'mean', 'mode', 'drop'];
/** Outlier clipping at percentiles of the training rows: the choices offered, as select values. */
const CLIPS: { value: string; label: string; clip?: [number, number] }[] = [
  { value: 'none', label: 'outliers: keep' },
  { value: '1-99', label: 'clip to 1st–99th pct', clip: [1, 99] },
  { value: '5-95', label: 'clip to 5th–95th pct', clip: [5, 95] },
];

/**
 * How one feature column is prepared: scaling, outlier clipping (at percentiles of the training rows)
 * and missing values for numbers, one-hot, target
 * encoding or a learned embedding (read by wide & deep; other models use target encoding) for categories. Fitted on the training rows only, like every step of the pipeline.
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
    return (
      <select
        aria-label={`Encoding of ${name}`}
        value={override?.encoding ?? 'onehot'}
        onChange={(e) => setColumnPrep(name, { encoding: e.target.value as FeatureSpec['encoding'] })}
      >
        <option value="onehot">one-hot (top values + other)</option>
        <option value="target">target encoding (out-of-fold)</option>
        <option value="embedding">learned embedding (wide &amp; deep)</option>
      </select>
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
