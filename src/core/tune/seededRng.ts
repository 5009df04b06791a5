/**
 * A resumable wrapper over the project PRNG (mulberry32 from core/random.ts). mulberry32 hides its
 * state in a closure, so the serialisable state is (seed, number of draws) and restoring replays the
 * draws: exact, and cheap at tuning scale (a few thousand draws per trial).
 */
import { mulberry32, type Rng } from '../random';

/** JSON state of a CountingRng. */
export interface RngState {
  seed: number;
  draws: number;
}

/** A seeded PRNG that counts its draws so that it can be saved and restored exactly. */
export class CountingRng {
  private readonly inner: Rng;
  private count = 0;
  /** The draw function, bound, to pass wherever an Rng is expected. */
  readonly next: Rng = () => {
    this.count++;
    return this.inner();
  };

  constructor(
    readonly seed: number,
    draws = 0,
  ) {
    this.inner = mulberry32(seed);
    for (let i = 0; i < draws; i++) this.next();
  }

  /** The state to store; `new CountingRng(s.seed, s.draws)` continues the same stream. */
  state(): RngState {
    return { seed: this.seed, draws: this.count };
  }

  /** Rebuild from a stored state. */
  static restore(state: RngState): CountingRng {
    return new CountingRng(state.seed, state.draws);
  }
}
