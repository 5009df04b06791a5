import type { JoinReport } from '../../state/audio';

/** The accounting of a join: what matched, and every file and (the first) rows that did not. */
export function JoinReportView({ report: r }: { report: JoinReport }) {
  return (
    <div className="audio-join-report" data-testid="join-report">
      <p className="summary">
        Joined on “{r.column}”: {r.matchedRows} of {r.rowsIn} rows found a file; {r.matchedFiles} files
        matched; the dataset now has {r.rowsOut} rows.
      </p>
      {r.unmatchedFiles.length > 0 && (
        <details open>
          <summary>{r.unmatchedFiles.length} files matched no row</summary>
          <ul aria-label="Unmatched files">
            {r.unmatchedFiles.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </details>
      )}
      {r.unmatchedRowCount > 0 && (
        <details open>
          <summary>
            {r.unmatchedRowCount} rows matched no file
            {r.how === 'inner' ? ' (left out)' : ' (kept, features missing)'}
          </summary>
          <ul aria-label="Unmatched rows">
            {r.unmatchedRows.map((u) => (
              <li key={u.row}>
                Row {u.row + 1}: {u.value === '' ? '(blank)' : `“${u.value}”`}
              </li>
            ))}
            {r.unmatchedRowCount > r.unmatchedRows.length && (
              <li>… and {r.unmatchedRowCount - r.unmatchedRows.length} more</li>
            )}
          </ul>
        </details>
      )}
      {r.duplicateFiles.length > 0 && (
        <p className="notice">
          Ignored as duplicates of an earlier file with the same name: {r.duplicateFiles.join(', ')}.
        </p>
      )}
      {r.renamed.length > 0 && (
        <p className="notice">
          Renamed audio columns that the table already had:{' '}
          {r.renamed.map((x) => `${x.from} → ${x.to}`).join(', ')}.
        </p>
      )}
    </div>
  );
}
