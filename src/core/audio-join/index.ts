/** Joining audio features onto a table of tracks (pure; runs in the audio worker and in Node tests). */
export { baseName, fileKey } from './names';
export { featureTable, FILE_COLUMN, type FeatureRow } from './featureTable';
export {
  joinFeatures,
  suggestJoinColumn,
  MATCHED_FILE_COLUMN,
  MAX_UNMATCHED_ROWS,
  type JoinOptions,
  type JoinReport,
} from './join';
export { audioMatricesFor } from './matrices';
