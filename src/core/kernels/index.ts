/**
 * Fast training on tfjs-backend-wasm: kernel overrides (installFastKernels), a whole-sequence LSTM layer
 * (FastLSTM, drop-in for tf.layers.lstm) and a fused Adam (FastAdam, drop-in for tf.train.adam).
 * See install.ts for what is replaced and why.
 */
export { installFastKernels, uninstallFastKernels, fastKernelsInstalled } from './install';
export { FastLSTM } from './fastLstm';
export { FastAdam } from './fastAdam';
export { lstmSequence, type LstmOpOptions } from './lstmOp';
export { readValues } from './lstmHost';
