/**
 * A study: one search over a space with one strategy. It hands out trials (ask), records results
 * (tell, report) and serialises everything it knows, PRNG state included, so a study saved mid-run and
 * restored after a reload continues exactly as if it had never stopped.
 */
import { CountingRng, type RngState } from './seededRng';
import type { Params, SearchSpace } from './space';
import type { Strategy } from './strategy';
import { createStrategy, type StrategySpec } from './strategies';
import {
  bestTrial,
  trialFromJson,
  trialToJson,
  type Direction,
  type TellResult,
  type Trial,
  type TrialJson,
  type TrialRecord,
} from './trials';

/** The JSON form of a study: the export format and the resume format at once. */
export interface StudyState {
  format: 'encore-study';
  version: 1;
  name: string;
  direction: Direction;
  space: SearchSpace;
  strategy: StrategySpec;
  rng: RngState;
  trials: TrialJson[];
}

/** How to start a study. */
export interface StudyOptions {
  space: SearchSpace;
  strategy: StrategySpec;
  direction?: Direction;
  seed?: number;
  name?: string;
  /** Clock in ms since the epoch, for trial start and end times (injectable for tests). */
  now?: () => number;
}

/** Thrown by ask() when the strategy has nothing left (a grid that has been fully handed out). */
export class StudyExhaustedError extends Error {
  constructor(readonly studyName: string) {
    super(`Study "${studyName}" has no more trials to suggest: every grid point has been handed out.`);
    this.name = 'StudyExhaustedError';
  }
}

/** The ask/tell interface every strategy is used through. */
export interface AskTell {
  ask(): Trial;
  ask(n: number): Trial[];
  tell(trialId: number, result: TellResult, intermediate?: Record<number, number>): void;
  toJSON(): StudyState;
}

/** An ask/tell study over any registered strategy. */
export class Study implements AskTell {
  private readonly records: TrialRecord[];
  private readonly strategy: Strategy;
  private readonly now: () => number;
  private exhausted = false;

  private constructor(
    readonly name: string,
    readonly direction: Direction,
    readonly space: SearchSpace,
    private readonly strategySpec: StrategySpec,
    private readonly rng: CountingRng,
    trials: TrialRecord[],
    now: () => number,
  ) {
    this.records = trials;
    this.strategy = createStrategy(strategySpec);
    this.now = now;
  }

  /** A new, empty study. */
  static create(o: StudyOptions): Study {
    const rng = new CountingRng(o.seed ?? 0);
    return new Study(
      o.name ?? 'encore-study',
      o.direction ?? 'minimize',
      o.space,
      o.strategy,
      rng,
      [],
      o.now ?? Date.now,
    );
  }

  /** Restore a study saved with toJSON(); pending trials stay pending (see pendingTrials). */
  static fromJSON(state: StudyState, now: () => number = Date.now): Study {
    if (state.format !== 'encore-study' || state.version !== 1) {
      throw new Error(
        `Not an Encore study file (format ${String(state.format)}, version ${String(state.version)}).`,
      );
    }
    const trials = state.trials.map(trialFromJson);
    return new Study(
      state.name,
      state.direction,
      state.space,
      state.strategy,
      CountingRng.restore(state.rng),
      trials,
      now,
    );
  }

  /** The next trial to run; ask(n) hands out n at once, each one seeing the ones before as pending. */
  ask(): Trial;
  ask(n: number): Trial[];
  ask(n?: number): Trial | Trial[] {
    if (n === undefined) return this.askOne();
    return Array.from({ length: n }, () => this.askOne());
  }

  private askOne(): Trial {
    const params = this.exhausted
      ? null
      : this.strategy.suggest({
          space: this.space,
          trials: this.records,
          direction: this.direction,
          rng: this.rng.next,
        });
    if (!params) {
      this.exhausted = true;
      throw new StudyExhaustedError(this.name);
    }
    const record: TrialRecord = {
      id: this.records.length,
      params,
      state: 'running',
      intermediate: {},
      startedAt: this.now(),
    };
    this.records.push(record);
    return { id: record.id, params: { ...params } };
  }

  /** Record an intermediate value (say, validation loss after an epoch) of a pending trial. */
  report(trialId: number, step: number, value: number): void {
    this.pending(trialId).intermediate[step] = value;
  }

  /**
   * Finish a pending trial. A number completes it (NaN or Infinity count as failed: a diverged run);
   * 'pruned' records its last intermediate value as its value, as Optuna does.
   */
  tell(trialId: number, result: TellResult, intermediate?: Record<number, number>): void {
    const t = this.pending(trialId);
    if (intermediate) for (const [k, v] of Object.entries(intermediate)) t.intermediate[Number(k)] = v;
    t.completedAt = this.now();
    if (typeof result === 'number') {
      if (Number.isFinite(result)) {
        t.state = 'complete';
        t.value = result;
      } else {
        t.state = 'failed';
        t.error = `The objective was ${result}.`;
      }
      return;
    }
    t.state = result === 'pruned' ? 'pruned' : 'failed';
    if (result === 'pruned') {
      const steps = Object.keys(t.intermediate).map(Number);
      const last = steps.length ? Math.max(...steps) : undefined;
      const v = last === undefined ? undefined : t.intermediate[last];
      if (v !== undefined && !Number.isNaN(v)) t.value = v;
    }
  }

  /** Mark a pending trial failed with a reason (a crashed worker, a trial abandoned after a reload). */
  fail(trialId: number, error: string): void {
    this.tell(trialId, 'failed');
    this.records[trialId]!.error = error;
  }

  private pending(trialId: number): TrialRecord {
    const t = this.records[trialId];
    if (!t) throw new Error(`Study "${this.name}" has no trial ${trialId}.`);
    if (t.state !== 'running')
      throw new Error(`Trial ${trialId} is already ${t.state}; it cannot be told again.`);
    return t;
  }

  /** All trials, in id order (read-only views). */
  get trials(): readonly Readonly<TrialRecord>[] {
    return this.records;
  }

  /** Trials asked but not told: after a reload, re-run them or fail() them. */
  pendingTrials(): Trial[] {
    return this.records
      .filter((t) => t.state === 'running')
      .map((t) => ({ id: t.id, params: { ...t.params } as Params }));
  }

  /** The best complete trial so far. */
  best(): Readonly<TrialRecord> | undefined {
    return bestTrial(this.records, this.direction);
  }

  /** Everything needed to resume, as plain JSON. */
  toJSON(): StudyState {
    return {
      format: 'encore-study',
      version: 1,
      name: this.name,
      direction: this.direction,
      space: JSON.parse(JSON.stringify(this.space)) as SearchSpace,
      strategy: JSON.parse(JSON.stringify(this.strategySpec)) as StrategySpec,
      rng: this.rng.state(),
      trials: this.records.map(trialToJson),
    };
  }
}
