/**
 * A fake of the store's outside world for slice tests: worker clients that answer from plain
 * data (recording every call), an in-memory persistence, and a tiny loaded dataset.
 */
import { vi } from 'vitest';
import { numberColumn, stringColumn, type Table } from '../../core/data/table';
import type { ColumnProfile } from '../../core/prep';
import { CancelledError, SetupError } from '../../workers/client';
import type { LoadedDataset, RunResult, TrainEvent, TrainRequest } from '../../workers/protocol';
import type { Deps } from '../../state/deps';

export function tinyTable(): Table {
  return {
    rowCount: 4,
    columns: [
      stringColumn('artist', ['A', 'B', 'A', 'C']),
      numberColumn('energy', [0.1, 0.5, 0.9, 0.3]),
      numberColumn('popularity', [10, 50, 90, 30]),
    ],
  };
}

function profile(name: string, index: number, type: ColumnProfile['type']): ColumnProfile {
  return { name, index, type, missing: 0, missingShare: 0, distinct: 4, warnings: [], flags: [] };
}

export function tinyDataset(fileName = 'tiny.csv'): LoadedDataset {
  return {
    fileName,
    fileBytes: 100,
    table: tinyTable(),
    report: {
      encoding: 'utf-8',
      delimiter: ',',
      decimalComma: false,
      rowsRead: 4,
      rowsKept: 4,
      rowsSkipped: 0,
      skipped: [],
      cellIssues: [],
      cellIssueCount: 0,
      warnings: [],
    },
    profiles: [
      profile('artist', 0, 'category'),
      profile('energy', 1, 'number'),
      profile('popularity', 2, 'number'),
    ],
    suggestedTarget: 'popularity',
    recommendedFeatures: ['energy', 'popularity'],
    taskByColumn: ['classification', 'regression', 'regression'],
  };
}

/** A finished run as the training worker would return it (numbers made up, shapes real). */
export function fakeRun(runId: string, over: Partial<RunResult> = {}): RunResult {
  return {
    runId,
    createdAt: '2026-12-07T10:00:00.000Z',
    config: {
      version: 1,
      data: { name: 'tiny.csv', hash: '0000000000000000', rows: 4, columns: [] },
      prep: { target: 'popularity', task: 'regression', features: [{ name: 'energy', type: 'number' }] },
      split: { method: 'random', train: 0.5, val: 0.25, test: 0.25, seed: 42 },
      guardLeakage: true,
      modelId: 'mlp',
      modelParams: {},
      train: { optimizer: 'adam', learningRate: 0.001, batchSize: 2, epochs: 1, patience: 0, seed: 7 },
    },
    backend: 'cpu',
    stopReason: 'completed',
    history: [{ epoch: 1, loss: 1, valLoss: 1, lr: 0.001, elapsedMs: 5, best: true }],
    bestEpoch: 1,
    sizes: { train: 2, val: 1, test: 1, droppedNoTarget: 0 },
    metrics: {
      task: 'regression',
      model: { n: 1, mse: 1, rmse: 1, mae: 1, r2: 0, spearman: 0, within5: 1, within10: 1 },
      baseline: { n: 1, mse: 4, rmse: 2, mae: 2, r2: 0, spearman: 0, within5: 1, within10: 1 },
    },
    intervals: {},
    splitUsed: { method: 'random' },
    leakage: [],
    warnings: [],
    featureNames: ['energy'],
    summary: { layers: [], totalParams: 3, trainableParams: 3 },
    trainingMs: 5,
    testActual: new Float32Array([30]),
    testPredicted: new Float32Array([31]),
    testRows: new Int32Array([3]),
    trainRows: new Int32Array([0, 1]),
    evaluation: { bias: [], intervals: {} } as unknown as RunResult['evaluation'],
    pipeline: {} as RunResult['pipeline'],
    ...over,
  };
}

/** Fake deps; override any client function per test. Every function is a vi.fn, so calls can be read. */
export function fakeDeps(over: { client?: Partial<Deps['client']>; prep?: Partial<Deps['prep']> } = {}) {
  const saved = new Map<string, unknown>();
  const client = {
    CancelledError,
    SetupError,
    ingestFiles: vi.fn(async () => tinyDataset()),
    profileTable: vi.fn(async (..._a: unknown[]) => tinyDataset().profiles),
    listModels: vi.fn(async () => []),
    trainModel: vi.fn(async (req: TrainRequest, _onEvent: (e: TrainEvent) => void): Promise<unknown> => {
      const result = fakeRun(req.runId);
      const {
        testActual: _a,
        testPredicted: _p,
        testRows: _t,
        trainRows: _r,
        evaluation: _e,
        pipeline: _pl,
        ...record
      } = result;
      return { result, record };
    }),
    biasFor: vi.fn(),
    modelCard: vi.fn(async () => '# card'),
    experimentJson: vi.fn(async (_run: unknown) => '{}'),
    openExperiment: vi.fn(),
    summarizeModel: vi.fn(),
    exportBundle: vi.fn(async (_run: unknown, _label?: string) => new Uint8Array([1, 2])),
    dropModel: vi.fn(async (_runId: string) => undefined),
    importBundle: vi.fn(async (..._a: unknown[]): Promise<unknown> => undefined),
    deployedModel: vi.fn(async () => undefined),
    predictTable: vi.fn(async (..._a: unknown[]): Promise<unknown> => undefined),
    readTable: vi.fn(async (..._a: unknown[]) => tinyDataset('new.csv')),
  };
  Object.assign(client, over.client);
  const prep = { scanDuplicates: vi.fn(), dedupeTable: vi.fn(), skippedRowsCsv: vi.fn() };
  Object.assign(prep, over.prep);
  const deps = {
    client,
    prep,
    persist: {
      save: vi.fn(async (k: string, v: unknown) => void saved.set(k, v)),
      load: vi.fn(async (k: string) => saved.get(k)) as Deps['persist']['load'],
      remove: vi.fn(async (k: string) => void saved.delete(k)),
    },
    fetchSample: vi.fn(async () => new Blob(['a,b\n1,2\n'])),
  };
  return { deps: deps as unknown as Deps, client, prep, saved };
}
