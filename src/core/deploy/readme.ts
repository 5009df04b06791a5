/** README.txt for a bundle: what a person who unzips it sees. Pure. */
import { BUNDLE_FORMAT_VERSION, ENCORE_VERSION } from './manifest';

const ABOUT: Record<string, string> = {
  'model.json': 'the TensorFlow.js layers model (topology + weightsManifest)',
  'weights.bin': 'the model weights (little-endian float32)',
  'preprocessing.json': 'the fitted preprocessing pipeline, applied before predicting',
  'metrics.json': 'evaluation metrics from training',
  'experiment.json': 'the experiment config (data hash, pipeline, split, model, seed)',
  'model-card.md': 'the model card',
  'golden.json': 'a few input rows with the outputs the model gave at export',
  'snapshot.json': 'the training snapshot',
};

/** The README text listing `files` (bundle entry names) and how to open the bundle. */
export function readmeText(files: readonly string[], tfjsVersion: string): string {
  const lines = files.map((f) => `  ${f.padEnd(20)}${ABOUT[f] ?? ''}`);
  return [
    'Encore model bundle',
    '',
    `Made by Encore ${ENCORE_VERSION} with TensorFlow.js ${tfjsVersion}; bundle format ${BUNDLE_FORMAT_VERSION}.`,
    'Load it in Encore to predict. Encore checks manifest.json first: it lists every other file',
    'with its size and SHA-256, so an edited or damaged bundle is refused before it runs.',
    '',
    'Files:',
    ...lines,
    `  ${'README.txt'.padEnd(20)}this file`,
    `  ${'manifest.json'.padEnd(20)}format version, versions, and each file's size and SHA-256`,
    '',
  ].join('\n');
}
