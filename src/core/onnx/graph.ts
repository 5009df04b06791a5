/**
 * GraphBuilder: collects ONNX nodes and initializers with unique value names, so layer mappers can write
 * `g.op('MatMul', [x, w])` and get the output's name back.
 */
import type { OnnxAttrValue, OnnxNode, OnnxTensor } from './proto';

/** Exported opset and IR version: opset 13 (ONNX 1.8) pairs with IR version 7. */
export const OPSET = 13;
export const IR_VERSION = 7;

/** Attribute shorthands: `{ axis: int(1), alpha: float(0.2), perm: ints([0, 2, 1]) }`. */
export const int = (i: number): OnnxAttrValue => ({ i });
export const float = (f: number): OnnxAttrValue => ({ f });
export const str = (s: string): OnnxAttrValue => ({ s });
export const ints = (v: readonly number[]): OnnxAttrValue => ({ ints: v });
export const strs = (v: readonly string[]): OnnxAttrValue => ({ strings: v });

export class GraphBuilder {
  readonly nodes: OnnxNode[] = [];
  readonly initializers: OnnxTensor[] = [];
  private readonly used = new Set<string>();
  private readonly intCache = new Map<string, string>();

  /** Reserve `base` (or `base_2`, `base_3`, ...) as a value / node name and return it. */
  unique(base: string): string {
    let name = base;
    for (let k = 2; this.used.has(name); k++) name = `${base}_${k}`;
    this.used.add(name);
    return name;
  }

  /**
   * Add a node with `nOutputs` outputs named `${base}` (one) or `${base}:k` (several); '' in `inputs` marks an
   * omitted optional input, and `skipOutputs` lists output positions to leave unnamed (omitted optional outputs).
   */
  node(
    opType: string,
    inputs: string[],
    attrs: Record<string, OnnxAttrValue>,
    base: string,
    nOutputs = 1,
    skipOutputs: number[] = [],
  ): string[] {
    const outputs = Array.from({ length: nOutputs }, (_, k) =>
      skipOutputs.includes(k) ? '' : this.unique(nOutputs === 1 ? base : `${base}:${k}`),
    );
    for (const i of inputs)
      if (i !== '' && !this.used.has(i))
        throw new Error(`ONNX export: node ${base} reads unknown value ${i}.`);
    this.nodes.push({ opType, name: this.unique(`node:${base}`), inputs, outputs, attrs });
    return outputs;
  }

  /** A single-output node; returns its output name. */
  op(opType: string, inputs: string[], base: string, attrs: Record<string, OnnxAttrValue> = {}): string {
    return this.node(opType, inputs, attrs, base)[0]!;
  }

  /** Write `input` into an already reserved name (see unique), e.g. a graph output: an Identity node. */
  identityTo(input: string, reserved: string): void {
    this.nodes.push({
      opType: 'Identity',
      name: this.unique(`node:${reserved}`),
      inputs: [input],
      outputs: [reserved],
      attrs: {},
    });
  }

  /** Declare a graph input's name (so nodes may read it). */
  input(name: string): string {
    if (this.used.has(name)) throw new Error(`ONNX export: two inputs are named ${name}.`);
    this.used.add(name);
    return name;
  }

  /** A float32 initializer. Shape: `dims`, row-major `data`. */
  floats(base: string, data: Float32Array | readonly number[], dims: number[]): string {
    const name = this.unique(base);
    const values = data instanceof Float32Array ? data : Float32Array.from(data);
    this.initializers.push({ name, elemType: 'float32', dims, data: values });
    return name;
  }

  /** A 1-D int64 initializer (shapes, axes, pads), shared between nodes asking for the same values. */
  int64s(values: readonly number[]): string {
    const key = values.join(',');
    const hit = this.intCache.get(key);
    if (hit) return hit;
    const name = this.unique(`const_i64[${key}]`);
    this.initializers.push({ name, elemType: 'int64', dims: [values.length], data: values.slice() });
    this.intCache.set(key, name);
    return name;
  }

  /** A float32 scalar initializer (shape []), shared like int64s. */
  scalar(x: number): string {
    const key = `f:${x}`;
    const hit = this.intCache.get(key);
    if (hit) return hit;
    const name = this.unique(`const_f32[${x}]`);
    this.initializers.push({ name, elemType: 'float32', dims: [], data: Float32Array.of(x) });
    this.intCache.set(key, name);
    return name;
  }
}
