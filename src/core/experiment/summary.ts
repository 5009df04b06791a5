/** The model a set-up would train, summarised before any training (layers, output shapes, parameters). */
import type { Table } from '../data/table';
import type { AudioMatrices } from '../data/audioMatrices';
import { embeddingInputs, fitPipeline, transformFeatures, type PrepConfig } from '../prep';
import { getModelDescriptor } from '../models';
import { summarizeModel, type ModelSummary } from '../train';
import { embeddingPrep, inputSpec, planInputs } from './inputs';

/** Rows the pipeline is fitted on to learn the input width (one-hot levels etc.). */
const SAMPLE_ROWS = 20000;

export function summarizeSetup(
  table: Table,
  prep: PrepConfig,
  modelId: string,
  modelParams: Record<string, unknown>,
  seed: number,
  audio?: AudioMatrices,
): ModelSummary {
  const descriptor = getModelDescriptor(modelId);
  const n = Math.min(table.rowCount, SAMPLE_ROWS);
  const rows = Int32Array.from({ length: n }, (_, i) => i);
  const plan = planInputs(descriptor.needs);
  const pipeline = fitPipeline(table, rows, embeddingPrep(prep, plan).prep, seed);
  const d = transformFeatures(pipeline, table, rows.subarray(0, 1)).nFeatures;
  const emb = plan.embeddings ? embeddingInputs(pipeline, table, rows.subarray(0, 1)) : undefined;
  const model = descriptor.build(
    { inputs: inputSpec(plan, d, audio, emb), task: prep.task, outputUnits: 1, seed },
    { ...descriptor.defaults, ...modelParams },
  );
  try {
    return summarizeModel(model);
  } finally {
    model.dispose();
  }
}
