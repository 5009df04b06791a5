/**
 * The audio worker's API over core audio, audio-join and prep; a plain object, testable
 * without a Worker. Results are marked for transfer so feature matrices move without copying.
 */
import * as Comlink from 'comlink';
import { unzipSync } from 'fflate';
import {
  analyzeDecoded,
  analyzeWavBytes,
  contentHash,
  featureBuffers,
  sniffAudioFormat,
  unsupportedReason,
  type AudioFeatures,
} from '../core/audio';
import {
  baseName,
  FILE_COLUMN,
  featureTable,
  audioMatricesFor,
  joinFeatures,
  MATCHED_FILE_COLUMN,
  type JoinReport,
} from '../core/audio-join';
import type { Table } from '../core/data/table';
import type { IngestReport } from '../core/ingest';
import { defaultFeatures, profileTable, suggestTarget, suggestTask } from '../core/prep';
import type { AudioApi, AnalyzeSettings, ClipFeatures, ZipEntry } from './protocol/audio';
import type { LoadedDataset } from './protocol';

function options(s: AnalyzeSettings) {
  return { window: s.window, maxSeconds: s.maxSeconds };
}

/** Drop the per-frame matrices (kept only on request) and mark the rest for transfer. */
function send(f: AudioFeatures): ClipFeatures {
  const { frameFeatures: _drop, ...rest } = f;
  return Comlink.transfer(rest, featureBuffers(rest as AudioFeatures));
}

/** Profile a table into the dataset shape the app's store holds (mirrors the data worker's ingest). */
export function describeTable(
  table: Table,
  fileName: string,
  fileBytes: number,
  report: IngestReport,
  /** Identifier columns never recommended as features (file names, the join key). */
  exclude: readonly string[] = [],
): LoadedDataset {
  const profiles = profileTable(table);
  const skip = new Set(exclude);
  return {
    fileName,
    fileBytes,
    table,
    report,
    profiles,
    suggestedTarget: suggestTarget(profiles),
    recommendedFeatures: defaultFeatures(profiles, '').filter((f) => !skip.has(f)),
    taskByColumn: profiles.map((p) => suggestTask(p)),
  };
}

function reportFor(rows: number, base: Partial<IngestReport>, warnings: string[]): IngestReport {
  return {
    encoding: base.encoding ?? 'audio',
    delimiter: base.delimiter ?? ',',
    decimalComma: base.decimalComma ?? false,
    rowsRead: rows,
    rowsKept: rows,
    rowsSkipped: 0,
    skipped: [],
    cellIssues: [],
    cellIssueCount: 0,
    warnings,
  };
}

function joinSummary(r: JoinReport, csv: string): string {
  const parts = [
    `Audio features joined onto ${csv} by column "${r.column}": ${r.matchedRows} of ${r.rowsIn} rows found a file`,
    `${r.matchedFiles} files matched`,
  ];
  if (r.unmatchedRowCount > 0)
    parts.push(
      r.how === 'inner'
        ? `${r.unmatchedRowCount} rows without a file were left out`
        : `${r.unmatchedRowCount} rows without a file keep missing features`,
    );
  if (r.unmatchedFiles.length > 0) parts.push(`${r.unmatchedFiles.length} files matched no row`);
  return `${parts.join('; ')}.`;
}

const HIDDEN = /(^|\/)(__MACOSX|\.[^/]*)(\/|$)/;

export function createAudioApi(): AudioApi {
  return {
    async inspect(bytes) {
      const format = sniffAudioFormat(bytes);
      const hash = await contentHash(bytes);
      return Comlink.transfer({ bytes, format, unsupported: unsupportedReason(format, bytes.length), hash }, [
        bytes.buffer as ArrayBuffer,
      ]);
    },
    async analyzeWav(bytes, settings) {
      return send(analyzeWavBytes(bytes, options(settings)));
    },
    async analyzeSamples(samples, sampleRate, settings) {
      return send(analyzeDecoded({ sampleRate, channels: [samples] }, options(settings)));
    },
    async unzip(bytes, maxEntryBytes) {
      const skipped: string[] = [];
      let files: Record<string, Uint8Array>;
      try {
        files = unzipSync(bytes, {
          filter: (f) => {
            if (f.name.endsWith('/') || HIDDEN.test(f.name)) return false;
            if (f.originalSize > maxEntryBytes) {
              skipped.push(`${f.name}: ${Math.round(f.originalSize / 1e6)} MB is over the per-file limit.`);
              return false;
            }
            return true;
          },
        });
      } catch (e) {
        throw new Error(`This zip could not be opened: ${e instanceof Error ? e.message : String(e)}`, {
          cause: e,
        });
      }
      const entries: ZipEntry[] = Object.entries(files).map(([path, b]) => ({
        path,
        name: baseName(path),
        bytes: b,
      }));
      const buffers = new Set<ArrayBuffer>();
      for (const e of entries) {
        if (buffers.has(e.bytes.buffer as ArrayBuffer)) e.bytes = e.bytes.slice();
        buffers.add(e.bytes.buffer as ArrayBuffer);
      }
      return Comlink.transfer({ entries, skipped }, [...buffers]);
    },
    async featureDataset(rows, fileName, fileBytes) {
      const table = featureTable(rows);
      const dataset = describeTable(table, fileName, fileBytes, reportFor(table.rowCount, {}, []), [
        FILE_COLUMN,
      ]);
      return {
        ...dataset,
        audio: audioMatricesFor(
          rows,
          Int32Array.from(rows, (_, i) => i),
        ),
      };
    },
    async joinDataset(base, rows, opts) {
      const { table, report, fileRow } = joinFeatures(base.table, featureTable(rows), opts);
      const name = `${base.fileName} + audio features`;
      const warn = joinSummary(report, base.fileName);
      const fileCol = report.renamed.find((r) => r.from === MATCHED_FILE_COLUMN)?.to ?? MATCHED_FILE_COLUMN;
      const exclude = [report.column, fileCol];
      const dataset = describeTable(
        table,
        name,
        base.fileBytes,
        reportFor(table.rowCount, base.report, [warn]),
        exclude,
      );
      return { dataset: { ...dataset, audio: audioMatricesFor(rows, fileRow) }, report };
    },
  };
}
