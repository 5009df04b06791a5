import { useEffect, useState } from 'react';
import { useStore } from '../../state/store';
import { removeDuplicates, scanDuplicates, useDataPrep, type DuplicateScan } from '../../state/dataActions';
import { fmtInt } from '../format';

/**
 * Duplicate tracks: how many rows repeat under each key (exact, id column, artist + title), a few
 * examples, and "Remove duplicates" (keep the first row, or the group's mean target) applied to the
 * dataset before any split.
 */
export function DuplicatesPanel() {
  const table = useStore((s) => s.dataset?.table);
  const target = useStore((s) => s.setup.target);
  const running = useStore((s) => s.run.status === 'running');
  const { scans, scanning, deduping, error, scannedTable } = useDataPrep();
  const lastMerge = useDataPrep((s) => (s.mergedTable === table ? s.lastMerge : undefined));
  const [choice, setChoice] = useState<number | undefined>(undefined);
  const [mode, setMode] = useState<'first' | 'mean'>('first');

  useEffect(() => {
    if (table) void scanDuplicates();
  }, [table]);

  const current = scannedTable === table;
  const found = current ? scans.filter((s) => s.duplicateRows > 0) : [];
  const index = choice !== undefined && found[choice] ? choice : 0;
  const scan: DuplicateScan | undefined = found[index];

  return (
    <section className="duplicates" aria-labelledby="dup-h">
      <h3 id="dup-h">Duplicate tracks</h3>
      {lastMerge && (
        <p className="notice" data-testid="dedupe-result">
          Removed {fmtInt(lastMerge.removed)} duplicate rows ({fmtInt(lastMerge.groupsMerged)} groups merged
          by {lastMerge.label},{' '}
          {lastMerge.mode === 'first'
            ? 'first row kept'
            : `target ${lastMerge.targetAggregate ?? 'mean'} kept`}
          ).
          {lastMerge.merged.length > 0 && ' Merged, for example: '}
          {lastMerge.merged
            .slice(0, 5)
            .map((m) => `${m.key} (${m.rows} rows${m.target ? `, target ${m.target}` : ''})`)
            .join('; ')}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {(scanning || !current) && <p className="hint">Looking for duplicate tracks…</p>}
      {current && !scanning && !scan && !error && (
        <p data-testid="duplicates-summary">No duplicate tracks found.</p>
      )}
      {scan && (
        <>
          <p data-testid="duplicates-summary">
            {fmtInt(scan.duplicateRows)} duplicate rows in {fmtInt(scan.groupCount)} groups ({scan.label}).
          </p>
          <div className="row">
            <label>
              Duplicates are rows with
              <select
                aria-label="Duplicate key"
                value={index}
                onChange={(e) => setChoice(Number(e.target.value))}
              >
                {found.map((s, i) => (
                  <option key={s.label} value={i}>
                    {s.label}: {fmtInt(s.duplicateRows)} rows
                  </option>
                ))}
              </select>
            </label>
            <label>
              Merge
              <select
                aria-label="Merge duplicates"
                value={mode}
                onChange={(e) => setMode(e.target.value as 'first' | 'mean')}
              >
                <option value="first">keep the first row</option>
                <option value="mean" disabled={!target}>
                  keep the first row with the mean target
                </option>
              </select>
            </label>
            <button
              type="button"
              disabled={deduping || running}
              onClick={() => void removeDuplicates(scan.key, mode)}
            >
              {deduping ? 'Removing…' : 'Remove duplicates'}
            </button>
          </div>
          <details>
            <summary>Examples</summary>
            <ul aria-label="Duplicate examples">
              {scan.examples.map((g) => (
                <li key={g.rows[0]}>
                  {g.key || '(empty)'}: rows{' '}
                  {g.rows
                    .slice(0, 6)
                    .map((r) => r + 1)
                    .join(', ')}
                  {g.rows.length > 6 ? '…' : ''}
                  {target && g.targets.some((t) => t !== '')
                    ? ` (target ${g.targets.slice(0, 6).join(', ')})`
                    : ''}
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
    </section>
  );
}
