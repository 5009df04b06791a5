/**
 * ExperimentConfig v1: one plain, versioned JSON description of an experiment end to end (the
 * data it was made on, column preparation, split, model, training, every seed, task and target).
 * The UI, the tuner, the retrainer, the command line and exported training jobs all run it with
 * runExperiment; experiment.json is this object (plus an optional `ran` summary of what happened).
 *
 * Seeds: `split.seed` drives the split, the pipeline's fitted folds and the bootstrap intervals;
 * `train.seed` drives the initial weights, the batch order and the dropout masks.
 */
import type { ColumnType } from '../data/table';
import type { PrepConfig } from '../prep';
import type { SplitConfig } from '../split';
import type { TrainConfig } from '../train';
import { arr, bool, check, int, num, obj, str, toJsonSchema, type Schema } from './schema';

export const EXPERIMENT_VERSION = 1;

/** What the data looked like: enough to tell a replay on other data from one on the same. */
export interface DataFingerprint {
  /** The file (or files) the table came from, as shown to the person. */
  name: string;
  /** Content hash of the table (column names, kinds and every cell), hex. */
  hash: string;
  rows: number;
  columns: Array<{ name: string; kind: 'number' | 'string' }>;
}

export interface ExperimentConfig {
  version: typeof EXPERIMENT_VERSION;
  data: DataFingerprint;
  /** Target, task and every feature column's preparation. */
  prep: PrepConfig;
  split: SplitConfig;
  /** Under a random split, keep copies of the same track on one side. */
  guardLeakage: boolean;
  modelId: string;
  modelParams: Record<string, unknown>;
  /** Optimizer, schedule, batches, epochs, early stopping, and the training seed. */
  train: TrainConfig;
}

const COLUMN_TYPES: readonly ColumnType[] = [
  'number',
  'integer',
  'boolean',
  'category',
  'multicategory',
  'date',
  'text',
  'id',
  'constant',
];
const seed = int({ min: 0, max: 2 ** 32 - 1 });
const fraction = num({ min: 0, max: 1 });

const featureSpec = obj(
  {
    name: str(),
    type: str(COLUMN_TYPES),
    scaling: str(['standard', 'minmax', 'robust', 'log1p', 'none']),
    encoding: str(['onehot', 'target', 'multihot', 'embedding', 'date']),
    impute: str(['median', 'mean', 'mode', 'constant', 'drop']),
    constant: { kind: 'oneOf', options: [num(), str()] },
    missingIndicator: bool(),
    clip: { kind: 'tuple', items: [num({ min: 0, max: 100 }), num({ min: 0, max: 100 })] },
    topK: int({ min: 1 }),
  },
  ['scaling', 'encoding', 'impute', 'constant', 'missingIndicator', 'clip', 'topK'],
);

/** The schema of ExperimentConfig v1 (the validator and docs/experiment.schema.json both come from it). */
export const experimentSchema: Schema = obj(
  {
    version: int({ min: 1 }),
    data: obj({
      name: str(),
      hash: str(),
      rows: int({ min: 0 }),
      columns: arr(obj({ name: str(), kind: str(['number', 'string']) })),
    }),
    prep: obj(
      {
        target: str(),
        task: str(['regression', 'classification']),
        features: arr(featureSpec, { minItems: 1 }),
        targetTransform: str(['none', 'log1p']),
        positiveLabel: str(),
        hitThreshold: num(),
      },
      ['targetTransform', 'positiveLabel', 'hitThreshold'],
    ),
    split: obj(
      {
        method: str(['random', 'stratified', 'grouped', 'temporal']),
        train: fraction,
        val: fraction,
        test: fraction,
        seed,
        groupColumn: str(),
        timeColumn: str(),
        targetColumn: str(),
        bins: int({ min: 2 }),
      },
      ['groupColumn', 'timeColumn', 'targetColumn', 'bins'],
    ),
    guardLeakage: bool(),
    modelId: str(),
    modelParams: { kind: 'record', values: { kind: 'any' } },
    train: obj(
      {
        optimizer: str(['adam', 'adamw', 'rmsprop', 'sgd']),
        learningRate: num({ exclusiveMin: 0 }),
        batchSize: int({ min: 1 }),
        epochs: int({ min: 1 }),
        patience: int({ min: 0 }),
        seed,
        loss: str(['mse', 'mae', 'huber', 'bce', 'cce']),
        momentum: num({ min: 0, max: 1 }),
        weightDecay: num({ min: 0 }),
        clipNorm: num({ exclusiveMin: 0 }),
        schedule: obj(
          {
            type: str(['none', 'step', 'cosine', 'plateau']),
            stepEvery: int({ min: 1 }),
            factor: num({ exclusiveMin: 0 }),
            patience: int({ min: 0 }),
          },
          ['stepEvery', 'factor', 'patience'],
        ),
        classWeights: arr(num({ min: 0 })),
      },
      ['loss', 'momentum', 'weightDecay', 'clipNorm', 'schedule', 'classWeights'],
    ),
    // What happened when it ran (experiment.json carries it; a replay compares against it).
    ran: { kind: 'any' },
    $schema: str(),
  },
  ['ran', '$schema'],
  { description: 'Encore ExperimentConfig v1: one experiment end to end.' },
);

export type ConfigCheck = { ok: true; config: ExperimentConfig } | { ok: false; message: string };

/**
 * Check a parsed experiment.json before anything runs: a newer version is refused with a message
 * to update Encore; any other problem names the field (missing, wrong type, out of range).
 */
export function validateExperimentConfig(json: unknown): ConfigCheck {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, message: 'An experiment must be a JSON object.' };
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > EXPERIMENT_VERSION)
    return {
      ok: false,
      message: `This experiment has version ${version}, newer than this Encore reads (${EXPERIMENT_VERSION}); update Encore to open it.`,
    };
  const problem = check(experimentSchema, json, '');
  if (problem) return { ok: false, message: problem };
  const c = json as ExperimentConfig & { ran?: unknown; $schema?: string };
  const { test, val } = c.split;
  if (!(test > 0 && val + test < 1))
    return { ok: false, message: 'split: the test share must be above 0 and validation + test below 1.' };
  if (c.prep.features.some((f) => f.name === c.prep.target))
    return { ok: false, message: `prep.features: the target "${c.prep.target}" cannot also be a feature.` };
  const { ran: _ran, $schema: _s, ...config } = c;
  return { ok: true, config: config as ExperimentConfig };
}

/** Parse experiment.json text and validate it; a JSON syntax error is reported as such. */
export function parseExperimentConfig(text: string): ConfigCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `This is not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  return validateExperimentConfig(json);
}

/** The JSON Schema document of ExperimentConfig v1 (docs/experiment.schema.json is this, written out). */
export function experimentJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://encore.local/experiment.v1.schema.json',
    title: 'Encore ExperimentConfig',
    ...toJsonSchema(experimentSchema),
  };
}
