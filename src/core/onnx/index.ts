/**
 * ONNX export of the model zoo: `exportOnnx(model, { pipeline })` -> { bytes (.onnx), vocabularies, metadata }.
 * Own protobuf writer (protobuf.ts, proto.ts), opset 13; layer mappers by class name (registry.ts).
 */
export { exportOnnx } from './export';
export type { OnnxExport, OnnxExportOptions, PreprocessingMode } from './export';
export { categoryVocabularies, vocabulariesJson } from './vocab';
export type { CategoryVocabulary, OnnxVocabularies } from './vocab';
export { planTabularFold } from './preprocess';
export type { TabularFold } from './preprocess';
export { supportedLayerClasses } from './registry';
export { ONNX_ACTIVATIONS } from './activations';
export { OPSET, IR_VERSION } from './graph';
export type { OnnxValueInfo } from './proto';
