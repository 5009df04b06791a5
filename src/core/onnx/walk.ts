/**
 * Walk a tfjs layers model's graph (functional or Sequential) in topological order and emit ONNX nodes for each
 * layer call through the mapper registry. Graph inputs and outputs keep the tfjs model's input / output names.
 */
import * as tf from '@tensorflow/tfjs';
import type { GraphBuilder } from './graph';
import { type LayerCall, readWeights, unsupported } from './layerCall';
import type { ElemType, OnnxValueInfo } from './proto';
import { LAYER_MAPPERS, supportedLayerClasses } from './registry';

/** The symbolic batch dimension's name in exported shapes. */
export const BATCH_DIM = 'N';

/** The parts of tfjs's Container the walk reads (public fields, absent from the LayersModel typings). */
interface ContainerView {
  layers: tf.layers.Layer[];
  containerNodes: Set<string>;
  inputs: tf.SymbolicTensor[];
  outputs: tf.SymbolicTensor[];
  inputNames: string[];
  outputNames: string[];
}

interface NodeView {
  inputTensors: tf.SymbolicTensor[];
  outputTensors: tf.SymbolicTensor[];
}

/** A Sequential model wraps a functional one; walk that. */
function container(model: tf.LayersModel): ContainerView {
  if (!(model instanceof tf.Sequential)) return model as unknown as ContainerView;
  const seq = model as unknown as { model?: tf.LayersModel; build(): void };
  // tfjs creates the inner functional model lazily, at the first call or predict.
  if (!seq.model && model.layers.length > 0) seq.build();
  if (!seq.model) throw new Error('ONNX export: this Sequential model has no layers yet.');
  return seq.model as unknown as ContainerView;
}

function elemType(t: tf.SymbolicTensor, what: string): ElemType {
  if (t.dtype === 'float32' || t.dtype === 'int32') return t.dtype;
  throw new Error(`ONNX export: ${what} has dtype ${t.dtype}; only float32 and int32 are exported.`);
}

/** ONNX shape of a symbolic tensor: batch -> 'N', other unknown dims -> `${name}_d${i}`. */
function onnxShape(t: tf.SymbolicTensor, name: string): (number | string)[] {
  return t.shape.map((d, i) => (d !== null ? d : i === 0 ? BATCH_DIM : `${name}_d${i}`));
}

/** The model's inputs as ONNX value infos, in the model's input order. */
export function modelInputs(model: tf.LayersModel): OnnxValueInfo[] {
  const net = container(model);
  return net.inputs.map((t, i) => {
    const name = net.inputNames[i]!;
    return { name, elemType: elemType(t, `input ${name}`), shape: onnxShape(t, name) };
  });
}

/**
 * Emit the model into `g`. `inputValues` gives, per model input name, the ONNX value the model reads (the raw
 * input itself, or a preprocessing node's output); every input must already be declared in `g`.
 * Returns the graph outputs (Identity nodes named after the model's outputs). Throws an Error naming the first
 * layer with no mapping, or whose settings the mapping cannot express.
 */
export function emitModel(
  model: tf.LayersModel,
  g: GraphBuilder,
  inputValues: Map<string, string>,
): OnnxValueInfo[] {
  const net = container(model);
  const values = new Map<number, string>();
  net.inputs.forEach((t, i) => {
    const v = inputValues.get(net.inputNames[i]!);
    if (!v) throw new Error(`ONNX export: no value for input ${net.inputNames[i]}.`);
    values.set(t.id, v);
  });
  const outputNames = net.outputNames.map((n) => g.unique(n));
  for (const layer of net.layers) {
    const className = layer.getClassName();
    if (className === 'InputLayer') continue;
    const mapper = LAYER_MAPPERS[className];
    (layer.inboundNodes as unknown as NodeView[]).forEach((node, k) => {
      if (!net.containerNodes.has(`${layer.name}_ib-${k}`)) return;
      if (!mapper) {
        throw unsupported(
          { layer, className },
          `no ONNX mapping for this class (mapped classes: ${supportedLayerClasses().join(', ')})`,
        );
      }
      if (node.outputTensors.length !== 1) throw unsupported({ layer, className }, 'several outputs');
      const call: LayerCall = {
        g,
        layer,
        className,
        config: layer.getConfig() as Record<string, unknown>,
        inputs: node.inputTensors.map((t) => {
          const v = values.get(t.id);
          if (v === undefined)
            throw unsupported({ layer, className }, `input ${t.name} was not computed first`);
          return v;
        }),
        inputShapes: node.inputTensors.map((t) => t.shape.slice()),
        inputDtypes: node.inputTensors.map((t) => t.dtype),
        weights: readWeights(layer),
        base: k === 0 ? layer.name : `${layer.name}#${k}`,
      };
      values.set(node.outputTensors[0]!.id, mapper(call));
    });
  }
  return net.outputs.map((t, i) => {
    const v = values.get(t.id);
    const name = outputNames[i]!;
    if (v === undefined) throw new Error(`ONNX export: output ${name} was never computed.`);
    g.identityTo(v, name);
    return { name, elemType: elemType(t, `output ${name}`), shape: onnxShape(t, name) };
  });
}
