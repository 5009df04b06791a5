/**
 * The registry of search strategies: each is a descriptor {id, label, create}, so the UI lists them and
 * a saved study names its strategy by id and options and is rebuilt here.
 */
import { gridSearch, type GridOptions } from './grid';
import { randomSearch } from './randomSearch';
import type { Strategy } from './strategy';
import { tpe, type TpeOptions } from './tpe/tpe';

/** Which strategy a study uses, as JSON. */
export type StrategySpec =
  | { id: 'grid'; options?: GridOptions }
  | { id: 'random'; options?: Record<string, never> }
  | { id: 'tpe'; options?: TpeOptions };

/** A registry entry. */
export interface StrategyDescriptor {
  id: StrategySpec['id'];
  label: string;
  description: string;
  create(options?: object): Strategy;
}

/** All strategies, in the order the UI lists them. */
export const strategyDescriptors: readonly StrategyDescriptor[] = [
  {
    id: 'tpe',
    label: 'TPE (Bayesian)',
    description: 'Learns which settings look promising (Optuna-style TPE).',
    create: (o) => tpe(o as TpeOptions),
  },
  {
    id: 'random',
    label: 'Random search',
    description: 'Draws settings uniformly at random.',
    create: () => randomSearch(),
  },
  {
    id: 'grid',
    label: 'Grid search',
    description: 'Tries every combination in order.',
    create: (o) => gridSearch(o as GridOptions),
  },
];

/** Build the strategy a spec names; throws on an unknown id (a corrupted or future study file). */
export function createStrategy(spec: StrategySpec): Strategy {
  const d = strategyDescriptors.find((x) => x.id === spec.id);
  if (!d) throw new Error(`Unknown search strategy "${(spec as { id: string }).id}".`);
  return d.create(spec.options ?? {});
}
