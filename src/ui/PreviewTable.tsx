import type { Column } from '../core/data/table';
import { useStore } from '../state/store';

function cell(col: Column, row: number): string {
  if (col.kind === 'number') {
    const v = col.values[row]!;
    return Number.isNaN(v) ? '' : String(v);
  }
  const c = col.codes[row]!;
  return c < 0 ? '' : col.dict[c]!;
}

/** The first rows of the loaded table. */
export function PreviewTable({ rows = 8 }: { rows?: number }) {
  const table = useStore((s) => s.dataset!.table);
  const n = Math.min(rows, table.rowCount);
  return (
    <div className="scroll">
      <table className="preview" aria-label="Data preview">
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th key={i} scope="col">
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: n }, (_, r) => (
            <tr key={r}>
              {table.columns.map((c, i) => (
                <td key={i}>{cell(c, r)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
