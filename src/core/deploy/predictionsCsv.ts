/**
 * The input table with a prediction column, as CSV a spreadsheet can open safely: every cell is
 * neutralised (a leading = + - @ tab or CR gets an apostrophe) before it is quoted, so quoted
 * and unquoted formulas alike are inert, and nothing is re-split.
 */
import { cellString, type Table } from '../data/table';
import { neutraliseFormula, toCsvLine } from '../ingest';
import type { PredictOutcome } from './predictor';

/**
 * CSV text: the table's columns plus `prediction_<target>` (and `predicted_hit` for classification,
 * from `threshold`), one line per row that got a prediction; failed rows are left out (they are listed
 * beside the download with their line numbers).
 */
export function predictionsCsv(
  table: Table,
  outcome: PredictOutcome,
  target: string,
  opts: { threshold?: number; delimiter?: string } = {},
): string {
  const d = opts.delimiter ?? ',';
  const cls = opts.threshold !== undefined;
  const header = [...table.columns.map((c) => c.name), `prediction_${target}`, ...(cls ? ['predicted_hit'] : [])];
  const lines = [toCsvLine(header.map(neutraliseFormula), d)];
  const failed = new Set(outcome.failures.map((f) => f.row));
  for (let r = 0; r < table.rowCount; r++) {
    if (failed.has(r)) continue;
    const p = outcome.predictions[r]!;
    // Number cells are numbers ("-5" stays -5); text cells are neutralised.
    const cells = table.columns.map((c) =>
      c.kind === 'number' ? cellString(c, r) : neutraliseFormula(cellString(c, r)),
    );
    cells.push(String(p));
    if (cls) cells.push(p >= opts.threshold! ? '1' : '0');
    lines.push(toCsvLine(cells, d));
  }
  return lines.join('\r\n') + '\r\n';
}
