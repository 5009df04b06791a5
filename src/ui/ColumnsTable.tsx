import type { ColumnType } from '../core/data/table';
import { useStore } from '../state/store';
import { fmt } from './format';
import { ColumnPrep } from './data/ColumnPrep';
import { ErrorText } from './ErrorText';
import { MiniHistogram } from './data/MiniHistogram';
import { TopValues } from './data/TopValues';
import { ProfileFlags } from './data/ProfileFlags';

const TYPES: ColumnType[] = [
  'number',
  'integer',
  'boolean',
  'category',
  'multicategory',
  'date',
  'text',
  'id',
  'constant',
];

/** Every column's profile, its type (overridable) and whether it is a model input. */
export function ColumnsTable() {
  const profiles = useStore((s) => s.dataset!.profiles);
  const setup = useStore((s) => s.setup);
  const toggleFeature = useStore((s) => s.toggleFeature);
  const setColumnType = useStore((s) => s.setColumnType);
  const chosen = new Set(setup.features);

  return (
    <div className="scroll">
      <h3>Columns</h3>
      <ErrorText field="features" />
      <ErrorText field="data" />
      <table className="columns" aria-label="Columns">
        <thead>
          <tr>
            <th scope="col">Feature</th>
            <th scope="col">Column</th>
            <th scope="col">Type</th>
            <th scope="col">Missing</th>
            <th scope="col">Distinct</th>
            <th scope="col">Summary</th>
            <th scope="col">Distribution</th>
            <th scope="col">Warnings</th>
            <th scope="col">Preparation</th>
          </tr>
        </thead>
        <tbody>
          {profiles.map((p, i) => {
            const isTarget = p.name === setup.target;
            return (
              <tr key={i} className={isTarget ? 'target-row' : undefined}>
                <td>
                  {isTarget ? (
                    <span className="badge">target</span>
                  ) : (
                    <input
                      type="checkbox"
                      aria-label={`Use ${p.name} as a feature`}
                      checked={chosen.has(p.name)}
                      onChange={(e) => toggleFeature(p.name, e.target.checked)}
                    />
                  )}
                </td>
                <th scope="row">{p.name}</th>
                <td>
                  <select
                    aria-label={`Type of ${p.name}`}
                    value={setup.types[i] ?? p.type}
                    onChange={(e) => void setColumnType(i, e.target.value as ColumnType)}
                  >
                    {TYPES.map((t) => (
                      <option key={t} value={t}>
                        {t}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{(p.missingShare * 100).toFixed(1)}%</td>
                <td>{p.distinct.toLocaleString('en-US')}</td>
                <td className="small stats">
                  {p.mean !== undefined
                    ? `${fmt(p.min)} … ${fmt(p.max)}, mean ${fmt(p.mean)}, std ${fmt(p.std)}`
                    : '–'}
                </td>
                <td>
                  {p.histogram && p.histogram.length > 0 ? (
                    <MiniHistogram name={p.name} bins={p.histogram} />
                  ) : p.topValues && p.topValues.length > 0 ? (
                    <TopValues name={p.name} values={p.topValues} />
                  ) : null}
                </td>
                <td className={p.flags.includes('leak') ? 'leak-cell' : undefined}>
                  <ProfileFlags profile={p} />
                </td>
                <td>
                  {chosen.has(p.name) && !isTarget && (
                    <ColumnPrep profile={p} type={setup.types[i] ?? p.type} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
