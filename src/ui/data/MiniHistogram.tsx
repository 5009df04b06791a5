import type { ColumnProfile } from '../../core/prep';
import { fmt } from '../format';

const W = 120;
const H = 28;

/** A small inline SVG histogram of a numeric column (equal-width bins from the profile). */
export function MiniHistogram({
  name,
  bins,
}: {
  name: string;
  bins: NonNullable<ColumnProfile['histogram']>;
}) {
  const max = Math.max(1, ...bins.map((b) => b.count));
  const w = W / bins.length;
  const first = bins[0];
  const last = bins[bins.length - 1];
  return (
    <svg
      className="mini-hist"
      role="img"
      aria-label={`Histogram of ${name}, ${fmt(first?.x0)} to ${fmt(last?.x1)}`}
      width={W}
      height={H}
      viewBox={`0 0 ${W} ${H}`}
    >
      {bins.map((b, i) => {
        const h = b.count > 0 ? Math.max(1, (b.count / max) * H) : 0;
        return (
          <rect key={i} x={i * w + 0.5} y={H - h} width={Math.max(1, w - 1)} height={h}>
            <title>{`${fmt(b.x0)} – ${fmt(b.x1)}: ${b.count.toLocaleString('en-US')}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}
