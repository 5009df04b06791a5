/**
 * Grid search: the full Cartesian product of every parameter's values, honouring conditions (a
 * conditional parameter multiplies only the branches where it is active). Trial k gets grid point k,
 * so a resumed study continues where it stopped and never repeats a point.
 */
import {
  effectiveHigh,
  isActive,
  snap,
  stepOf,
  type ParamSpec,
  type ParamValue,
  type Params,
  type SearchSpace,
} from './space';
import type { Strategy } from './strategy';

/** Grid options. */
export interface GridOptions {
  /** Values per continuous float / log-float parameter (evenly spaced, in log space for log-floats). Default 5. */
  points?: number;
}

/** The values a grid tries for one parameter. */
export function gridValues(spec: ParamSpec, points = 5): ParamValue[] {
  if (spec.type === 'choice') return [...spec.choices];
  const step = stepOf(spec);
  if (step !== undefined) {
    const n = Math.round((effectiveHigh(spec) - spec.low) / step) + 1;
    return Array.from({ length: n }, (_, i) => snap(spec.low + i * step, step));
  }
  if (spec.low === spec.high || points <= 1) return [spec.low];
  if (spec.type === 'logfloat') {
    const lo = Math.log(spec.low);
    const span = Math.log(spec.high) - lo;
    return Array.from({ length: points }, (_, i) =>
      i === 0 ? spec.low : i === points - 1 ? spec.high : Math.exp(lo + (span * i) / (points - 1)),
    );
  }
  return Array.from({ length: points }, (_, i) =>
    i === points - 1 ? spec.high : spec.low + ((spec.high - spec.low) * i) / (points - 1),
  );
}

/** Every grid point in order; the first parameter varies slowest, like nested loops. */
export function enumerateGrid(space: SearchSpace, points = 5): Params[] {
  const out: Params[] = [];
  const walk = (i: number, acc: Params): void => {
    const spec = space.params[i];
    if (!spec) {
      out.push({ ...acc });
      return;
    }
    if (!isActive(spec, acc)) {
      walk(i + 1, acc);
      return;
    }
    for (const v of gridValues(spec, points)) {
      acc[spec.name] = v;
      walk(i + 1, acc);
    }
    delete acc[spec.name];
  };
  walk(0, {});
  return out;
}

/** The grid strategy: suggests point number `trials.length`, then null once the grid is exhausted. */
export function gridSearch(options: GridOptions = {}): Strategy {
  const cache = new WeakMap<SearchSpace, Params[]>();
  return {
    id: 'grid',
    options: { ...options },
    suggest(ctx) {
      let grid = cache.get(ctx.space);
      if (!grid) {
        grid = enumerateGrid(ctx.space, options.points ?? 5);
        cache.set(ctx.space, grid);
      }
      const next = grid[ctx.trials.length];
      return next ? { ...next } : null;
    },
  };
}
