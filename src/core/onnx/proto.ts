/**
 * ONNX messages as plain TypeScript data, and their protobuf encoding (field numbers from onnx/onnx.proto, IR
 * version 7 / opset 13). Only the fields the exporter writes: ModelProto, GraphProto, NodeProto, AttributeProto,
 * TensorProto (raw_data), ValueInfoProto with tensor types, OperatorSetIdProto and StringStringEntryProto.
 */
import { ProtoWriter } from './protobuf';

/** Element types the exporter uses, as TensorProto.DataType numbers. */
export const ELEM_TYPE = { float32: 1, int32: 6, int64: 7, bool: 9 } as const;
export type ElemType = keyof typeof ELEM_TYPE;

/** An initializer. Shape: `dims`, row-major `data` (int64 data as plain safe integers). */
export interface OnnxTensor {
  name: string;
  elemType: 'float32' | 'int32' | 'int64';
  dims: number[];
  data: Float32Array | Int32Array | readonly number[];
}

/** One attribute value: exactly one of the keys (i = int64, f = float, s = string, and their lists). */
export type OnnxAttrValue =
  | { i: number }
  | { f: number }
  | { s: string }
  | { ints: readonly number[] }
  | { floats: readonly number[] }
  | { strings: readonly string[] };

export interface OnnxNode {
  opType: string;
  name: string;
  inputs: string[];
  outputs: string[];
  attrs: Record<string, OnnxAttrValue>;
}

/** A graph input / output. Shape entries: a number (fixed) or a string (symbolic, e.g. 'N' for the batch). */
export interface OnnxValueInfo {
  name: string;
  elemType: ElemType;
  shape: (number | string)[];
  docString?: string;
}

export interface OnnxGraph {
  name: string;
  nodes: OnnxNode[];
  initializers: OnnxTensor[];
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
  docString?: string;
}

export interface OnnxModel {
  irVersion: number;
  opset: number;
  producerName: string;
  producerVersion: string;
  docString: string;
  graph: OnnxGraph;
  metadata: Record<string, string>;
}

/** Attribute type enum of AttributeProto. */
const ATTR = { FLOAT: 1, INT: 2, STRING: 3, FLOATS: 6, INTS: 7, STRINGS: 8 } as const;

function tensorBytes(t: OnnxTensor): Uint8Array {
  const n = t.dims.reduce((a, b) => a * b, 1);
  if (t.data.length !== n)
    throw new Error(`ONNX tensor ${t.name}: ${t.data.length} values for dims [${t.dims.join(', ')}].`);
  const width = t.elemType === 'int64' ? 8 : 4;
  const out = new Uint8Array(n * width);
  const view = new DataView(out.buffer);
  // Explicit little-endian writes: TensorProto.raw_data is little-endian whatever the host.
  for (let k = 0; k < n; k++) {
    const v = t.data[k]!;
    if (t.elemType === 'float32') view.setFloat32(k * 4, v, true);
    else if (t.elemType === 'int32') view.setInt32(k * 4, v, true);
    else view.setBigInt64(k * 8, BigInt(v), true);
  }
  return out;
}

function writeTensor(w: ProtoWriter, t: OnnxTensor): void {
  for (const d of t.dims) w.int(1, d);
  w.int(2, ELEM_TYPE[t.elemType]);
  w.string(8, t.name);
  w.bytes(9, tensorBytes(t));
}

function writeAttr(w: ProtoWriter, name: string, v: OnnxAttrValue): void {
  w.string(1, name);
  if ('i' in v) w.int(20, ATTR.INT).int(3, v.i);
  else if ('f' in v) w.int(20, ATTR.FLOAT).float(2, v.f);
  else if ('s' in v) w.int(20, ATTR.STRING).string(4, v.s);
  else if ('ints' in v) {
    w.int(20, ATTR.INTS);
    for (const x of v.ints) w.int(8, x);
  } else if ('floats' in v) {
    w.int(20, ATTR.FLOATS);
    for (const x of v.floats) w.float(7, x);
  } else {
    w.int(20, ATTR.STRINGS);
    for (const x of v.strings) w.string(9, x);
  }
}

function writeNode(w: ProtoWriter, n: OnnxNode): void {
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  w.string(3, n.name);
  w.string(4, n.opType);
  for (const [k, v] of Object.entries(n.attrs)) w.message(5, (a) => writeAttr(a, k, v));
}

function writeValueInfo(w: ProtoWriter, v: OnnxValueInfo): void {
  w.string(1, v.name);
  w.message(2, (type) =>
    type.message(1, (tensor) => {
      tensor.int(1, ELEM_TYPE[v.elemType]);
      tensor.message(2, (shape) => {
        for (const d of v.shape)
          shape.message(1, (dim) => (typeof d === 'number' ? dim.int(1, d) : dim.string(2, d)));
      });
    }),
  );
  if (v.docString) w.string(3, v.docString);
}

function writeGraph(w: ProtoWriter, g: OnnxGraph): void {
  for (const n of g.nodes) w.message(1, (m) => writeNode(m, n));
  w.string(2, g.name);
  for (const t of g.initializers) w.message(5, (m) => writeTensor(m, t));
  if (g.docString) w.string(10, g.docString);
  for (const v of g.inputs) w.message(11, (m) => writeValueInfo(m, v));
  for (const v of g.outputs) w.message(12, (m) => writeValueInfo(m, v));
}

/** Encode a model as ONNX protobuf bytes (what a .onnx file holds). */
export function encodeModel(m: OnnxModel): Uint8Array {
  const w = new ProtoWriter();
  w.int(1, m.irVersion);
  w.string(2, m.producerName);
  w.string(3, m.producerVersion);
  w.string(6, m.docString);
  w.message(7, (g) => writeGraph(g, m.graph));
  w.message(8, (o) => o.string(1, '').int(2, m.opset));
  for (const [key, value] of Object.entries(m.metadata))
    w.message(14, (e) => e.string(1, key).string(2, value));
  return w.finish();
}
