/**
 * Which tfjs layer classes the ONNX exporter maps, by class name (layer.getClassName()). A class not listed here
 * makes the export fail with an Error naming the layer and its class; nothing is skipped silently.
 */
import * as act from './activations';
import * as basic from './layersBasic';
import * as conv from './layersConv';
import { bidirectional, recurrent } from './layersRecurrent';
import type { LayerMapper } from './layerCall';

export const LAYER_MAPPERS: Readonly<Record<string, LayerMapper>> = {
  Dense: basic.dense,
  Embedding: basic.embedding,
  Flatten: basic.flatten,
  Reshape: basic.reshape,
  Permute: basic.permuteLayer,
  RepeatVector: basic.repeatVector,
  Concatenate: basic.concatenate,
  Add: basic.add,
  Average: basic.average,
  Maximum: basic.maximum,
  Minimum: basic.minimum,
  Multiply: basic.multiply,
  // Identities at inference: dropout and noise only act while training.
  Dropout: basic.identity,
  SpatialDropout1D: basic.identity,
  SeededDropout: basic.identity,
  GaussianNoise: basic.identity,
  GaussianDropout: basic.identity,
  AlphaDropout: basic.identity,
  Activation: act.activationLayer,
  ReLU: act.reluLayer,
  LeakyReLU: act.leakyReluLayer,
  ELU: act.eluLayer,
  ThresholdedReLU: act.thresholdedReluLayer,
  Softmax: act.softmaxLayer,
  Conv1D: conv.conv1d,
  Conv2D: conv.conv2d,
  MaxPooling1D: conv.maxPool1d,
  MaxPooling2D: conv.maxPool2d,
  AveragePooling1D: conv.avgPool1d,
  AveragePooling2D: conv.avgPool2d,
  GlobalAveragePooling1D: conv.globalAvgPool1d,
  GlobalAveragePooling2D: conv.globalAvgPool2d,
  GlobalMaxPooling1D: conv.globalMaxPool1d,
  GlobalMaxPooling2D: conv.globalMaxPool2d,
  BatchNormalization: conv.batchNorm,
  LSTM: recurrent,
  FastLSTM: recurrent,
  GRU: recurrent,
  Bidirectional: bidirectional,
};

/** The class names the exporter maps, sorted (for error messages and docs). */
export function supportedLayerClasses(): string[] {
  return Object.keys(LAYER_MAPPERS).sort();
}
