/** The data worker's API over core ingest and profiling; plain object, testable without a Worker. */
import { ingestBlob } from '../core/ingest';
import { defaultFeatures, profileTable, suggestTarget, suggestTask } from '../core/prep';
import { modelRegistry } from '../core/models';
import { biasByColumn } from '../core/bias';
import { modelCardInputOf } from '../core/experiment/card';
import { modelCardHtml, modelCardMarkdown } from '../core/report';
import type { DataApi, LoadedDataset } from './protocol';

export function createDataApi(): DataApi {
  let controller: AbortController | undefined;
  return {
    async ingest(file, fileName, onProgress): Promise<LoadedDataset> {
      controller?.abort();
      controller = new AbortController();
      let last = 0;
      const { table, report } = await ingestBlob(file, {
        signal: controller.signal,
        onProgress: (p) => {
          // Throttle to ~10 Hz: progress is a stream of small events, not a flood.
          const now = Date.now();
          if (now - last >= 100 || p.bytesRead >= p.totalBytes) {
            last = now;
            onProgress(p);
          }
        },
      });
      const profiles = profileTable(table);
      return {
        fileName,
        fileBytes: file.size,
        table,
        report,
        profiles,
        suggestedTarget: suggestTarget(profiles),
        recommendedFeatures: defaultFeatures(profiles, ''),
        taskByColumn: profiles.map((p) => suggestTask(p)),
      };
    },
    async profile(table, types, target) {
      return profileTable(table, { types, target });
    },
    async bias(req) {
      return biasByColumn(req.table, req.testRows, req.yTrue, req.yPred, req.column, {
        task: req.task,
        threshold: req.threshold,
        seed: req.seed,
      });
    },
    async modelCard(args, format) {
      const input = modelCardInputOf(args);
      return format === 'md' ? modelCardMarkdown(input) : modelCardHtml(input);
    },
    async listModels() {
      return modelRegistry.map(({ id, label, description, tasks, needs, paramSchema, defaults }) => ({
        id,
        label,
        description,
        tasks,
        needs,
        paramSchema,
        defaults,
      }));
    },
    cancel() {
      controller?.abort();
    },
  };
}
