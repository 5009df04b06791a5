import type { ColumnProfile } from '../../core/prep';

/** The most frequent values of a category column, with proportional bars. */
export function TopValues({
  name,
  values,
  limit = 4,
}: {
  name: string;
  values: NonNullable<ColumnProfile['topValues']>;
  limit?: number;
}) {
  const shown = values.slice(0, limit);
  const max = Math.max(1, ...shown.map((v) => v.count));
  return (
    <ul className="top-values" aria-label={`Top values of ${name}`}>
      {shown.map((v) => (
        <li key={v.value} title={`${v.value}: ${v.count.toLocaleString('en-US')}`}>
          <span className="bar" style={{ width: `${(v.count / max) * 100}%` }} aria-hidden="true" />
          <span className="label">
            {v.value} ({v.count.toLocaleString('en-US')})
          </span>
        </li>
      ))}
    </ul>
  );
}
