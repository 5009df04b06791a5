/** The data worker's API over core ingest and profiling; plain object, testable without a Worker. */
import { ingestBlob, ingestBlobs, type IngestProgress, type IngestReport } from '../core/ingest';
import type { Table } from '../core/data/table';
import { defaultFeatures, suggestTask } from '../core/prep';
import { profileColumnsParallel, profileLoaded } from '../core/prep/profileParallel';
import { modelRegistry } from '../core/models';
import { biasByColumn } from '../core/bias';
import { modelCardInputOf } from '../core/experiment/card';
import { summarizeSetup } from '../core/experiment/summary';
import { parseExperimentConfig } from '../core/experiment/config';
import { draftFromConfig, prepConfigOf } from '../core/experiment/draft';
import { experimentJson, type RanSummary } from '../core/experiment/record';
import { modelCardHtml, modelCardMarkdown } from '../core/report';
import type { DataApi, LoadedDataset } from './protocol';

/**
 * `decodeWorker`: starts a decode worker (data.worker.ts passes one), so that big files are read and
 * decoded on another thread while this one parses. `profileWorker`: starts a profile helper, so that a
 * big table is profiled on two threads. `prestart`: starts spares of both for the next load.
 */
export function createDataApi(
  env: { decodeWorker?: () => Worker; profileWorker?: () => Worker; prestart?: () => void } = {},
): DataApi {
  const { decodeWorker, profileWorker, prestart } = env;
  let controller: AbortController | undefined;
  return {
    async ingest(files, names, onProgress): Promise<LoadedDataset> {
      controller?.abort();
      controller = new AbortController();
      let last = 0;
      const throttled = {
        signal: controller.signal,
        ...(decodeWorker ? { decodeWorker } : {}),
        onProgress: (p: IngestProgress) => {
          // Throttle to ~10 Hz: progress is a stream of small events, not a flood.
          const now = Date.now();
          if (now - last >= 100 || p.bytesRead >= p.totalBytes) {
            last = now;
            onProgress(p);
          }
        },
      };
      let table: Table;
      let report: IngestReport;
      let profiled: Awaited<ReturnType<typeof profileLoaded>>;
      try {
        if (files.length === 1) {
          ({ table, report } = await ingestBlob(files[0]!, throttled));
        } else {
          // Several files (e.g. one per decade) load as one dataset, with a column naming each row's file.
          const many = await ingestBlobs(files, {
            ...throttled,
            sourceColumn: 'source_file',
            sourceLabels: names,
          });
          table = many.table;
          report = mergeReports(many.reports, names);
        }
        // Profile once, then flag leakage against the target suggested from the profiles (first paint).
        profiled = await profileLoaded(table, profileWorker);
      } finally {
        // Spares for the next load (the ones this load took are in use or gone).
        prestart?.();
      }
      const { profiles, target } = profiled;
      return {
        fileName: names.length === 1 ? names[0]! : `${names.length} files (${names.join(', ')})`,
        fileBytes: files.reduce((sum, f) => sum + f.size, 0),
        table,
        report,
        profiles,
        suggestedTarget: target,
        // The source_file column only names the file a row came from: not a feature by default.
        recommendedFeatures: defaultFeatures(profiles, '').filter((n) => n !== 'source_file'),
        taskByColumn: profiles.map((p) => suggestTask(p)),
      };
    },
    async profile(table, types, target) {
      return profileColumnsParallel(table, { types, target }, profileWorker);
    },
    async bias(req) {
      return biasByColumn(req.table, req.testRows, req.yTrue, req.yPred, req.column, {
        task: req.task,
        threshold: req.threshold,
        seed: req.seed,
      });
    },
    async modelCard(run, modelLabel, format) {
      const input = modelCardInputOf(run, { modelLabel });
      return format === 'md' ? modelCardMarkdown(input) : modelCardHtml(input);
    },
    async experimentJson(run) {
      return experimentJson(run);
    },
    async openExperiment(text, table, types) {
      const parsed = parseExperimentConfig(text);
      if (!parsed.ok) return parsed;
      const { draft, notes } = draftFromConfig(parsed.config, table, types);
      if (notes.errors.length > 0) return { ok: false, message: notes.errors.join(' ') };
      const ran = (JSON.parse(text) as { ran?: RanSummary }).ran;
      return { ok: true, draft, notes, ran };
    },
    async summarize(req) {
      const { draft } = req;
      const prep = prepConfigOf(draft, req.profiles);
      return summarizeSetup(req.table, prep, draft.modelId, draft.modelParams, draft.train.seed, req.audio);
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

/** One report for several files: counts add up, and each skipped row names its file. */
function mergeReports(reports: IngestReport[], names: string[]): IngestReport {
  const uniq = (xs: string[]) => [...new Set(xs)].join(', ');
  return {
    encoding: uniq(reports.map((r) => r.encoding)),
    encodingNotice:
      uniq(
        reports.map((r, i) => (r.encodingNotice ? `${names[i]}: ${r.encodingNotice}` : '')).filter(Boolean),
      ) || undefined,
    delimiter: uniq(reports.map((r) => r.delimiter)),
    decimalComma: reports.some((r) => r.decimalComma),
    rowsRead: reports.reduce((s, r) => s + r.rowsRead, 0),
    rowsKept: reports.reduce((s, r) => s + r.rowsKept, 0),
    rowsSkipped: reports.reduce((s, r) => s + r.rowsSkipped, 0),
    skipped: reports.flatMap((r, i) => r.skipped.map((k) => ({ ...k, reason: `${names[i]}: ${k.reason}` }))),
    cellIssues: reports.flatMap((r, i) =>
      r.cellIssues.map((c) => ({ ...c, reason: `${c.reason} (${names[i]})` })),
    ),
    cellIssueCount: reports.reduce((s, r) => s + r.cellIssueCount, 0),
    warnings: reports.flatMap((r, i) => r.warnings.map((w) => `${names[i]}: ${w}`)),
  };
}
