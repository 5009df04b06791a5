import { useState } from 'react';
import { skippedRowsFile } from '../../state/dataActions';
import { downloadBytes } from '../format';

/** "Download skipped rows": the reported skipped rows as CSV (line, reason, raw cells). */
export function SkippedRowsButton() {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="secondary"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void skippedRowsFile()
          .then((f) => f && downloadBytes(f.text, f.fileName, 'text/csv;charset=utf-8'))
          .finally(() => setBusy(false));
      }}
    >
      Download skipped rows
    </button>
  );
}
