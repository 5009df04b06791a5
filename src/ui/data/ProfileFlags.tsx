import type { ColumnProfile, ProfileFlag } from '../../core/prep';

const LABELS: Record<ProfileFlag, string> = {
  constant: 'constant',
  id: 'identifier-like',
  skew: 'heavy skew',
  missing: 'many missing',
  leak: 'leakage suspect',
  highCardinality: 'many values',
};

/** Badges for a column's profile flags (leakage in red), followed by the full warnings. */
export function ProfileFlags({ profile }: { profile: ColumnProfile }) {
  if (profile.flags.length === 0 && profile.warnings.length === 0) return null;
  return (
    <div className="profile-flags">
      {profile.flags.map((f) => (
        <span key={f} className={`flag flag-${f}`} data-testid={`flag-${f}`}>
          {LABELS[f]}
          {f === 'skew' && profile.suggestedScaling === 'log1p' ? ': log1p suggested' : ''}
        </span>
      ))}
      {profile.warnings.length > 0 && <p className="small warn">{profile.warnings.join(' ')}</p>}
    </div>
  );
}
