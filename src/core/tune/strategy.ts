/**
 * The one shape every search strategy has. A strategy is stateless apart from its JSON options: it
 * looks at the study's trials and the study's PRNG and proposes the next parameters. Keeping the state
 * in the study (trials + PRNG state) is what lets a study be saved mid-run and resumed exactly.
 */
import type { Rng } from '../random';
import type { Params, SearchSpace } from './space';
import type { Direction, TrialRecord } from './trials';

/** What a strategy may look at when it proposes a trial. */
export interface SampleContext {
  space: SearchSpace;
  /** Every trial so far in id order, pending ('running') ones included. */
  trials: readonly TrialRecord[];
  direction: Direction;
  /** The study's PRNG: the only source of randomness a strategy may use. */
  rng: Rng;
}

/** A search strategy (grid, random, TPE, ...). */
export interface Strategy {
  /** Registry id, e.g. 'tpe'. */
  readonly id: string;
  /** JSON options that rebuild an identical strategy through the registry. */
  readonly options: object;
  /** Parameters for the next trial, or null when the strategy has nothing left to propose (a finished grid). */
  suggest(ctx: SampleContext): Params | null;
}
