/** The results slice: the last run's result, the run history, on-demand bias, and the downloads built from a run. */
import { message } from '../deps';
import type { ResultsSlice, SliceCreator } from '../types';
import { MAX_RUNS } from './run';

/** A file name base from the data's name. */
function base(name: string): string {
  return (
    name
      .replace(/\.[^.]+$/, '')
      .replace(/[^\w-]+/g, '_')
      .slice(0, 60) || 'model'
  );
}

export const createResultsSlice: SliceCreator<ResultsSlice> = (set, get, deps) => {
  const label = (modelId: string) => get().models.find((m) => m.id === modelId)?.label ?? modelId;
  return {
    runs: [],
    extraBias: [],

    recordRun({ result, record }) {
      const runs = [record, ...get().runs.filter((r) => r.runId !== result.runId)];
      for (const dropped of runs.slice(MAX_RUNS)) void deps.client.dropModel(dropped.runId);
      set({ result, runs: runs.slice(0, MAX_RUNS), extraBias: [] });
      void deps.persist.save('result', result);
      void deps.persist.save('runs', get().runs);
    },

    async requestBias(column) {
      const { result, dataset } = get();
      if (!result || !dataset) return;
      if ([...result.evaluation.bias, ...get().extraBias].some((b) => b.column === column)) return;
      try {
        const report = await deps.client.biasFor({
          table: dataset.table,
          testRows: result.testRows,
          yTrue: result.testActual,
          yPred: result.testPredicted,
          column,
          task: result.metrics.task,
          threshold: result.evaluation.threshold,
          seed: result.config.split.seed,
        });
        set((s) => ({ extraBias: [...s.extraBias, report] }));
        get().setError('bias', undefined);
      } catch (e) {
        get().setError('bias', message(e));
      }
    },

    async modelCard(format) {
      const { result } = get();
      if (!result) return undefined;
      try {
        const text = await deps.client.modelCard(result, label(result.config.modelId), format);
        return { fileName: `model-card-${base(result.config.data.name)}.${format}`, text };
      } catch (e) {
        get().setError('export', message(e));
        return undefined;
      }
    },

    async exportModel() {
      const { result } = get();
      if (!result) return undefined;
      try {
        const bytes = await deps.client.exportBundle(result, label(result.config.modelId));
        return { fileName: `encore-${base(result.config.data.name)}.zip`, bytes };
      } catch (e) {
        get().setError('export', message(e));
        return undefined;
      }
    },

    async experimentFile(runId) {
      const run = runId ? get().runs.find((r) => r.runId === runId) : get().runs[0];
      if (!run) return undefined;
      try {
        const text = await deps.client.experimentJson(run);
        return { fileName: `experiment-${base(run.config.data.name)}.json`, text };
      } catch (e) {
        get().setError('export', message(e));
        return undefined;
      }
    },

    testPredictionsFile() {
      const r = get().result;
      if (!r) return undefined;
      const lines = ['row,actual,predicted'];
      // row: 1-based data row of the table (the header is not counted).
      for (let i = 0; i < r.testRows.length; i++)
        lines.push(`${r.testRows[i]! + 1},${r.testActual[i]},${r.testPredicted[i]}`);
      return { fileName: `test-predictions-${base(r.config.data.name)}.csv`, text: lines.join('\n') + '\n' };
    },

    removeRun(runId) {
      set({ runs: get().runs.filter((r) => r.runId !== runId) });
      void deps.persist.save('runs', get().runs);
      if (get().result?.runId !== runId) void deps.client.dropModel(runId);
    },
  };
};
