/** Tests' shorthand for an experiment: the config's fields beside the table, frozen into an ExperimentConfig to run. */
import type { Table } from '../core/data/table';
import type { AudioMatrices } from '../core/data/audioMatrices';
import type { ExperimentConfig } from '../core/experiment/config';
import { fingerprintOf } from '../core/experiment/draft';
import { runExperiment, type ExperimentHooks } from '../core/experiment/run';

export interface TestExperiment extends Omit<ExperimentConfig, 'version' | 'data' | 'guardLeakage'> {
  table: Table;
  audio?: AudioMatrices;
  guardLeakage?: boolean;
}

/** The ExperimentConfig of a test experiment (data fingerprint of its table, leakage guard on by default). */
export function configOf(x: TestExperiment, name = 'test.csv'): ExperimentConfig {
  const { table, audio: _a, guardLeakage, ...rest } = x;
  return { version: 1, data: fingerprintOf(table, name), guardLeakage: guardLeakage !== false, ...rest };
}

/** runExperiment on a test experiment. */
export function runTestExperiment(x: TestExperiment, hooks?: ExperimentHooks) {
  return runExperiment(configOf(x), { table: x.table, audio: x.audio }, hooks);
}
