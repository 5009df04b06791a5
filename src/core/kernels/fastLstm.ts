/**
 * FastLSTM: tf.layers.lstm with a fast path. A subclass of tfjs's own LSTM layer (same constructor arguments,
 * weights, names, config and initialisers), whose call() runs the whole sequence as one custom-gradient op
 * (lstmOp.ts) when it can, and defers to tfjs's step-by-step implementation otherwise.
 *
 * Fast path when: backend is wasm or cpu, activation tanh, recurrentActivation hardSigmoid or sigmoid, no dropout
 * or recurrent dropout in training, no mask, no initial state, not stateful, returnState false.
 * Registered for serialisation as 'FastLSTM'; works inside tf.layers.bidirectional.
 */
import * as tf from '@tensorflow/tfjs';
import { lstmSequence } from './lstmOp';

type LstmArgs = Parameters<typeof tf.layers.lstm>[0];
type LstmLayer = ReturnType<typeof tf.layers.lstm>;
type Kwargs = Record<string, unknown>;

/** The part of tfjs's LSTMCell the fast path reads. */
interface CellView {
  units: number;
  useBias: boolean;
  dropout: number;
  recurrentDropout: number;
  activation: { getClassName(): string };
  recurrentActivation: { getClassName(): string };
  kernel: { read(): tf.Tensor };
  recurrentKernel: { read(): tf.Tensor };
  bias?: { read(): tf.Tensor } | null;
}

const entry = tf.serialization.SerializationMap.getMap().classNameMap['LSTM'];
if (!entry)
  throw new Error(
    'tfjs-layers did not register its LSTM layer; import @tensorflow/tfjs before kernels/fastLstm.',
  );
const LSTMBase = entry[0] as unknown as new (args: LstmArgs) => LstmLayer;

/** Backends on which reading small tensors every step is cheap. */
const FAST_BACKENDS = new Set(['wasm', 'cpu']);

/**
 * Drop-in replacement for tf.layers.lstm(args): `new FastLSTM({ units: 64, returnSequences: false, ... })`.
 * Shape: [batch, steps, features] -> [batch, units] or [batch, steps, units].
 */
export class FastLSTM extends LSTMBase {
  static className = 'FastLSTM';

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | tf.Tensor[] {
    const fast = this.fastPathReason(inputs, kwargs) === null;
    if (!fast) return super.call(inputs, kwargs);
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      const cell = (this as unknown as { cell: CellView }).cell;
      const self = this as unknown as { goBackwards: boolean; returnSequences: boolean };
      return lstmSequence(
        x,
        cell.kernel.read() as tf.Tensor2D,
        cell.recurrentKernel.read() as tf.Tensor2D,
        cell.useBias && cell.bias ? (cell.bias.read() as tf.Tensor1D) : null,
        {
          recurrentActivation: cell.recurrentActivation.getClassName() as 'hardSigmoid' | 'sigmoid',
          goBackwards: self.goBackwards,
          returnSequences: self.returnSequences,
        },
      );
    });
  }

  /** Why the fast path cannot run for this call (null when it can). Exposed for tests and diagnostics. */
  fastPathReason(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs | undefined): string | null {
    const cell = (this as unknown as { cell: CellView }).cell;
    const self = this as unknown as { stateful: boolean; returnState: boolean };
    if (!FAST_BACKENDS.has(tf.getBackend())) return `backend ${tf.getBackend()}`;
    if (Array.isArray(inputs) && inputs.length !== 1) return 'initial state passed as inputs';
    if (kwargs?.mask != null) return 'mask';
    if (kwargs?.initialState != null) return 'initial state';
    if (self.stateful || self.returnState) return 'stateful or returnState';
    if (cell.activation.getClassName() !== 'tanh') return 'activation';
    const ra = cell.recurrentActivation.getClassName();
    if (ra !== 'hardSigmoid' && ra !== 'sigmoid') return 'recurrentActivation';
    if (kwargs?.training && (cell.dropout > 0 || cell.recurrentDropout > 0)) return 'dropout';
    return null;
  }
}
tf.serialization.registerClass(
  FastLSTM as unknown as tf.serialization.SerializableConstructor<tf.serialization.Serializable>,
);
