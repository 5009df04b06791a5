import { useMemo } from 'react';
import { useStore } from '../../state/store';
import { fmtInt } from '../format';

/** For a dataset read from several files: which files, with the rows each contributed. */
export function LoadedFiles() {
  const table = useStore((s) => s.dataset?.table);
  const files = useMemo(() => {
    const col = table?.columns.find((c) => c.name === 'source_file');
    if (!col || col.kind !== 'string') return [];
    const counts = new Array<number>(col.dict.length).fill(0);
    for (const k of col.codes) if (k >= 0) counts[k]!++;
    return col.dict.map((name, k) => ({ name, rows: counts[k]! }));
  }, [table]);
  if (files.length < 2) return null;
  return (
    <div className="loaded-files">
      <p>
        {files.length} files loaded as one dataset (the <code>source_file</code> column tells them apart):
      </p>
      <ul aria-label="Loaded files">
        {files.map((f) => (
          <li key={f.name}>
            {f.name}: {fmtInt(f.rows)} rows
          </li>
        ))}
      </ul>
    </div>
  );
}
