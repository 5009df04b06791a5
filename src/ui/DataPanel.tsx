import { useStore } from '../state/store';
import { ErrorText } from './ErrorText';
import { fmtBytes, fmtDuration, fmtInt } from './format';
import { ColumnsTable } from './ColumnsTable';
import { PreviewTable } from './PreviewTable';
import { useEffect, useState } from 'react';
import { profileAgainstTarget } from '../state/dataActions';
import { DuplicatesPanel } from './data/DuplicatesPanel';
import { LoadedFiles } from './data/LoadedFiles';
import { SkippedRowsButton } from './data/SkippedRowsButton';

/** Step 1: load a CSV (file input, page-wide drop, or the built-in sample) and see what was read. */
export function DataPanel() {
  const loading = useStore((s) => s.loading);
  const dataset = useStore((s) => s.dataset);
  const loadFiles = useStore((s) => s.loadFiles);
  const loadSample = useStore((s) => s.loadSample);
  const cancelLoad = useStore((s) => s.cancelLoad);
  const clearDataset = useStore((s) => s.clearDataset);

  const p = loading?.progress;
  const elapsed = p?.elapsedMs ?? 0;
  const share = p && p.totalBytes > 0 ? p.bytesRead / p.totalBytes : 0;
  const rate = p && p.elapsedMs > 0 ? (p.rows / p.elapsedMs) * 1000 : 0;
  const left = share > 0.02 ? (elapsed / share) * (1 - share) : NaN;
  const r = dataset?.report;
  const table = dataset?.table;
  const target = useStore((s) => s.setup.target);
  const [previewRows, setPreviewRows] = useState(8);

  // Leakage checks need the target: re-profile whenever the table or the target changes.
  useEffect(() => {
    if (table && target) void profileAgainstTarget();
  }, [table, target]);

  return (
    <section className="panel" aria-labelledby="data-h">
      <h2 id="data-h">1. Data</h2>
      <div className="row">
        <label className="file-button">
          Choose a CSV file
          <input
            type="file"
            accept=".csv,.tsv,.txt,text/csv"
            aria-label="CSV file"
            multiple
            onChange={(e) => {
              const fs = [...(e.target.files ?? [])];
              if (fs.length > 0) void loadFiles(fs);
              e.target.value = '';
            }}
          />
        </label>
        <button type="button" onClick={() => void loadSample()} disabled={!!loading}>
          Try the sample
        </button>
        {dataset && (
          <button type="button" className="secondary" onClick={() => void clearDataset()}>
            Clear
          </button>
        )}
        <span className="hint">…or drop a CSV anywhere on the page.</span>
      </div>
      <ErrorText field="file" />
      {loading && (
        <div className="progress-block" aria-live="polite">
          <progress aria-label="Loading progress" value={share} max={1} />
          <span>
            Reading {loading.fileName}:{' '}
            {p ? `${fmtInt(p.rows)} rows, ${fmtBytes(p.bytesRead)} of ${fmtBytes(p.totalBytes)}` : 'starting'}
            {rate > 0 && `, ${fmtInt(Math.round(rate))} rows/s`}
            {Number.isFinite(left) && `, about ${fmtDuration(left)} left`}
          </span>
          <button type="button" className="secondary" onClick={cancelLoad}>
            Cancel loading
          </button>
        </div>
      )}
      {dataset && r && (
        <>
          <p className="summary" data-testid="data-summary">
            <strong>{dataset.fileName}</strong> ({fmtBytes(dataset.fileBytes)}): {fmtInt(r.rowsRead)} rows
            read = {fmtInt(r.rowsKept)} kept + {fmtInt(r.rowsSkipped)} skipped; {dataset.table.columns.length}{' '}
            columns; encoding {r.encoding}; delimiter “
            {r.delimiter === '\t' ? 'tab' : r.delimiter === ' ' ? 'space' : r.delimiter}”
            {r.quote === "'" ? '; single quotes' : r.quote === '' ? '; no quoting' : ''}
            {r.escape === '\\' ? '; backslash escapes' : ''}
            {r.headerLine !== undefined && r.headerLine > 1 ? `; header on line ${r.headerLine}` : ''}
            {r.decimalComma ? '; decimal comma' : ''}
            {dataset.table.rowCount !== r.rowsKept &&
              `; ${fmtInt(dataset.table.rowCount)} rows after removing duplicates`}
            .
          </p>
          <LoadedFiles />
          {r.encodingNotice && <p className="notice">{r.encodingNotice}</p>}
          {r.warnings.map((w) => (
            <p className="notice" key={w}>
              {w}
            </p>
          ))}
          {(r.skipped.length > 0 || r.cellIssueCount > 0) && <IssuesList />}
          <DuplicatesPanel />
          <label className="inline">
            Preview rows
            <select value={previewRows} onChange={(e) => setPreviewRows(Number(e.target.value))}>
              {[8, 25, 100, 500].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <PreviewTable rows={previewRows} />
          <ColumnsTable />
        </>
      )}
    </section>
  );
}

function IssuesList() {
  const r = useStore((s) => s.dataset!.report);
  return (
    <details className="issues" open={r.rowsSkipped > 0}>
      <summary>
        {r.rowsSkipped} rows skipped, {r.cellIssueCount} cells unreadable (kept as missing)
      </summary>
      <ul>
        {r.skipped.slice(0, 50).map((s) => (
          <li key={`s${s.line}`}>
            Line {s.line}: {s.reason}
          </li>
        ))}
        {r.cellIssues.slice(0, 50).map((c) => (
          <li key={`c${c.line}-${c.column}`}>
            Line {c.line}, column “{c.column}”: “{c.value}” {c.reason}
          </li>
        ))}
      </ul>
      {r.skipped.length > 0 && <SkippedRowsButton />}
    </details>
  );
}
