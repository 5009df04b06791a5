/**
 * The experiment while a person edits it (the draft the controls hold) and the frozen
 * ExperimentConfig it becomes when it runs. The two convert both ways: configFromDraft when
 * Train is pressed, draftFromConfig when an experiment.json is opened (every control set).
 */
import type { ColumnType, Table } from '../data/table';
import type { Task } from '../data/task';
import { tableHash } from '../data/fingerprint';
import type { ColumnProfile, FeatureSpec, PrepConfig } from '../prep';
import type { SplitConfig } from '../split';
import type { TrainConfig } from '../train';
import { EXPERIMENT_VERSION, type DataFingerprint, type ExperimentConfig } from './config';

export interface ExperimentDraft {
  target?: string;
  task: Task;
  /** For a numeric target used as classification: values >= threshold count as a hit. */
  hitThreshold?: number;
  features: string[];
  /** Column types as the person sees them (inferred, then maybe overridden), aligned with the table. */
  types: ColumnType[];
  split: SplitConfig;
  modelId: string;
  modelParams: Record<string, unknown>;
  /** Training settings; train.seed is the training seed (weights, batch order, dropout). */
  train: TrainConfig;
  /** Under a random split, keep copies of a track on one side (the leakage guard). */
  guardLeakage: boolean;
  /** Per-column preparation chosen by the person (scaling, imputation, encoding), as [column, options]. */
  specOverrides: Array<[string, Partial<FeatureSpec>]>;
}

/**
 * The preprocessing config: defaults by column type, the profile's suggestion (log1p for heavy
 * tails), then what the person chose for the column.
 */
export function prepConfigOf(draft: ExperimentDraft, profiles: ColumnProfile[]): PrepConfig {
  const overrides = new Map(draft.specOverrides ?? []);
  const features: FeatureSpec[] = draft.features.map((name) => {
    const i = profiles.findIndex((p) => p.name === name);
    const type = draft.types[i] ?? profiles[i]?.type ?? 'number';
    const numeric = type === 'number' || type === 'integer';
    const suggested: Partial<FeatureSpec> =
      numeric && profiles[i]?.suggestedScaling === 'log1p' ? { scaling: 'log1p' } : {};
    return { ...suggested, ...overrides.get(name), name, type };
  });
  const prep: PrepConfig = { target: draft.target ?? '', task: draft.task, features };
  if (draft.hitThreshold !== undefined) prep.hitThreshold = draft.hitThreshold;
  return prep;
}

/** The data fingerprint of a table (see core/data/fingerprint). */
export function fingerprintOf(table: Table, name: string): DataFingerprint {
  return {
    name,
    hash: tableHash(table),
    rows: table.rowCount,
    columns: table.columns.map((c) => ({ name: c.name, kind: c.kind })),
  };
}

/** Freeze a draft into the config that runs: fractions made to sum to 1, every field explicit. */
export function configFromDraft(
  draft: ExperimentDraft,
  table: Table,
  profiles: ColumnProfile[],
  dataName: string,
): ExperimentConfig {
  const { val, test } = draft.split;
  return {
    version: EXPERIMENT_VERSION,
    data: fingerprintOf(table, dataName),
    prep: prepConfigOf(draft, profiles),
    split: { ...draft.split, train: Math.max(0, 1 - val - test) },
    guardLeakage: draft.guardLeakage,
    modelId: draft.modelId,
    modelParams: { ...draft.modelParams },
    train: { ...draft.train },
  };
}

/** Why a config does not fit this table, or how it differs from the data it was made on. */
export interface DraftNotes {
  /** Problems that stop the replay (a feature or the target not in this table). */
  errors: string[];
  /** Differences worth saying (other data, a column's type changed). */
  warnings: string[];
}

/**
 * Every control's value from a config, for this table: features and their preparation, the
 * columns' types (features take the config's type; other columns keep `currentTypes`), split,
 * model and training settings. The table is checked against the config's data fingerprint.
 */
export function draftFromConfig(
  config: ExperimentConfig,
  table: Table,
  currentTypes: ColumnType[],
): { draft: ExperimentDraft; notes: DraftNotes } {
  const errors: string[] = [];
  const warnings: string[] = [];
  const names = table.columns.map((c) => c.name);
  for (const f of config.prep.features)
    if (!names.includes(f.name)) errors.push(`Feature "${f.name}" is not in this table.`);
  if (!names.includes(config.prep.target))
    errors.push(`The target "${config.prep.target}" is not in this table.`);
  if (config.data.rows !== table.rowCount || tableHash(table) !== config.data.hash)
    warnings.push(
      `This experiment was made on other data (${config.data.name}, ${config.data.rows} rows, hash ${config.data.hash}); the metrics will differ.`,
    );
  const types = names.map((n, i) => config.prep.features.find((f) => f.name === n)?.type ?? currentTypes[i]!);
  const specOverrides: Array<[string, Partial<FeatureSpec>]> = config.prep.features.map(
    ({ name, type: _t, ...rest }) => [name, rest],
  );
  const draft: ExperimentDraft = {
    target: config.prep.target,
    task: config.prep.task,
    hitThreshold: config.prep.hitThreshold,
    features: config.prep.features.map((f) => f.name),
    types,
    split: { ...config.split },
    modelId: config.modelId,
    modelParams: { ...config.modelParams },
    train: { ...config.train },
    guardLeakage: config.guardLeakage,
    specOverrides,
  };
  return { draft, notes: { errors, warnings } };
}
