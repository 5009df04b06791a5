import type { ModelSummary as Summary } from '../core/train';
import { fmtInt } from './format';

/** Layers, output shapes and parameter counts of a model, collapsed under one line. */
export function ModelSummary({ summary, open = false }: { summary: Summary; open?: boolean }) {
  return (
    <details open={open} data-testid="model-summary">
      <summary>
        Model summary: {summary.layers.length} layers, {fmtInt(summary.totalParams)} parameters
      </summary>
      <table aria-label="Model summary" className="compact">
        <thead>
          <tr>
            <th scope="col">Layer</th>
            <th scope="col">Type</th>
            <th scope="col">Output shape</th>
            <th scope="col">Parameters</th>
          </tr>
        </thead>
        <tbody>
          {summary.layers.map((l) => (
            <tr key={l.name}>
              <td>{l.name}</td>
              <td>{l.type}</td>
              <td>{l.outputShape}</td>
              <td>{fmtInt(l.params)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
