/**
 * Asynchronous successive halving (ASHA; Li et al., "A System for Massively Parallel Hyperparameter
 * Tuning", 2020) as a scheduler. Rung k trains for minResource * eta^k (epochs, say) up to maxResource.
 * Whenever a worker is free it asks next(): the best not-yet-promoted trial of the highest rung that has
 * one in the top floor(n_k / eta) of its n_k completed results moves up a rung; otherwise a new trial
 * starts at rung 0. Nobody waits for a rung to fill, which is what makes it asynchronous.
 */
import { lossSign, type Direction } from './trials';

/** ASHA settings. */
export interface AshaOptions {
  /** Resource of rung 0 (the grace period), e.g. 1 epoch. */
  minResource: number;
  /** The most any trial gets; the top rung is the largest minResource * eta^k not above it. */
  maxResource: number;
  /** eta: keep the top 1/eta of each rung. Default 3. */
  reductionFactor?: number;
  direction?: Direction;
}

/** What a free worker should do next. */
export type AshaJob =
  | { kind: 'start'; rung: 0; resource: number }
  | { kind: 'promote'; trialId: number; rung: number; resource: number };

/** One rung: completed results by trial id, failures, and the trials already sent up. */
export interface AshaRung {
  resource: number;
  results: Record<string, number>;
  failed: number[];
  promoted: number[];
}

/** JSON state of a scheduler. */
export interface AshaState {
  options: Required<AshaOptions>;
  rungs: AshaRung[];
}

/** The ASHA scheduler; pure bookkeeping, no training. */
export class AshaScheduler {
  private readonly o: Required<AshaOptions>;
  private readonly rungs: AshaRung[];

  constructor(options: AshaOptions, rungs?: AshaRung[]) {
    this.o = { reductionFactor: 3, direction: 'minimize', ...options };
    const { minResource: r, maxResource: big, reductionFactor: eta } = this.o;
    if (!(r > 0) || !(big >= r) || !(eta > 1)) {
      throw new Error(
        `ASHA needs 0 < minResource <= maxResource and reductionFactor > 1 (got ${r}, ${big}, ${eta}).`,
      );
    }
    // s_max = floor(log_eta(R / r)), computed by multiplying to avoid log rounding (3^4 vs 81).
    const resources = [r];
    while ((resources[resources.length - 1] as number) * eta <= big * (1 + 1e-12))
      resources.push((resources[resources.length - 1] as number) * eta);
    this.rungs = rungs ?? resources.map((resource) => ({ resource, results: {}, failed: [], promoted: [] }));
  }

  /** Resource of each rung, bottom first. */
  get resources(): number[] {
    return this.rungs.map((g) => g.resource);
  }

  /** Whether `rung` is the top rung (its trials are finished). */
  isFinal(rung: number): boolean {
    return rung === this.rungs.length - 1;
  }

  /** Trials of `rung` in its top floor(n / eta) that have not been promoted yet, best first. */
  promotable(rung: number): number[] {
    const g = this.rungs[rung];
    if (!g || this.isFinal(rung)) return [];
    const sign = lossSign(this.o.direction);
    const ranked = Object.entries(g.results)
      .map(([id, v]) => ({ id: Number(id), loss: sign * v }))
      .sort((a, b) => a.loss - b.loss || a.id - b.id);
    const k = Math.floor(ranked.length / this.o.reductionFactor);
    return ranked
      .slice(0, k)
      .map((x) => x.id)
      .filter((id) => !g.promoted.includes(id));
  }

  /** The next job; a promotion is recorded at once so two workers never get the same one. */
  next(): AshaJob {
    for (let k = this.rungs.length - 2; k >= 0; k--) {
      const id = this.promotable(k)[0];
      if (id === undefined) continue;
      (this.rungs[k] as AshaRung).promoted.push(id);
      return {
        kind: 'promote',
        trialId: id,
        rung: k + 1,
        resource: (this.rungs[k + 1] as AshaRung).resource,
      };
    }
    return { kind: 'start', rung: 0, resource: (this.rungs[0] as AshaRung).resource };
  }

  /** Record a trial's result after training to `rung`'s resource ('failed' never counts or promotes). */
  report(trialId: number, rung: number, result: number | 'failed'): void {
    const g = this.rungs[rung];
    if (!g) throw new Error(`ASHA has no rung ${rung} (rungs 0..${this.rungs.length - 1}).`);
    if (rung > 0 && !(this.rungs[rung - 1] as AshaRung).promoted.includes(trialId)) {
      throw new Error(`Trial ${trialId} was not promoted to rung ${rung}.`);
    }
    if (String(trialId) in g.results || g.failed.includes(trialId)) {
      throw new Error(`Trial ${trialId} already reported at rung ${rung}.`);
    }
    if (result === 'failed' || Number.isNaN(result)) g.failed.push(trialId);
    else g.results[String(trialId)] = result;
  }

  /** The highest rung each trial has reached with a result, e.g. to tell the study its value. */
  latest(trialId: number): { rung: number; value: number } | undefined {
    for (let k = this.rungs.length - 1; k >= 0; k--) {
      const v = (this.rungs[k] as AshaRung).results[String(trialId)];
      if (v !== undefined) return { rung: k, value: v };
    }
    return undefined;
  }

  /** Plain JSON state. */
  toJSON(): AshaState {
    return { options: { ...this.o }, rungs: JSON.parse(JSON.stringify(this.rungs)) as AshaRung[] };
  }

  /** Restore from toJSON(). */
  static fromJSON(state: AshaState): AshaScheduler {
    return new AshaScheduler(state.options, JSON.parse(JSON.stringify(state.rungs)) as AshaRung[]);
  }
}
