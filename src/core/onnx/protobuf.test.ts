/** The protobuf writer against hand-encoded bytes (protobuf.dev's encoding guide examples). */
import { describe, expect, it } from 'vitest';
import { ProtoWriter } from './protobuf';
import { encodeModel } from './proto';

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');

describe('ProtoWriter', () => {
  it('writes varints: 1, 150 (field 1 -> 08 96 01), 300, 2^40, and -1 as ten bytes', () => {
    expect(hex(new ProtoWriter().int(1, 150).finish())).toBe('08 96 01');
    expect(hex(new ProtoWriter().varint(1).varint(300).finish())).toBe('01 ac 02');
    expect(hex(new ProtoWriter().varint(2 ** 40).finish())).toBe('80 80 80 80 80 20');
    expect(hex(new ProtoWriter().varint(-1).finish())).toBe('ff ff ff ff ff ff ff ff ff 01');
    expect(() => new ProtoWriter().varint(0.5)).toThrow(/not a safe integer/);
  });

  it('writes strings, floats, packed ints and nested messages', () => {
    expect(hex(new ProtoWriter().string(2, 'testing').finish())).toBe('12 07 74 65 73 74 69 6e 67');
    expect(hex(new ProtoWriter().float(2, 1).finish())).toBe('15 00 00 80 3f');
    expect(hex(new ProtoWriter().packedInts(4, [3, 270, 86942]).finish())).toBe('22 06 03 8e 02 9e a7 05');
    expect(hex(new ProtoWriter().message(3, (w) => w.int(1, 150)).finish())).toBe('1a 03 08 96 01');
  });

  it('grows past its first buffer', () => {
    const big = new Uint8Array(10_000).fill(7);
    const out = new ProtoWriter().bytes(1, big).finish();
    expect(out.length).toBe(1 + 2 + 10_000);
    expect(out[3]).toBe(7);
  });

  it('encodes a model: ir_version first, then the graph with little-endian raw tensor data', () => {
    const bytes = encodeModel({
      irVersion: 7,
      opset: 13,
      producerName: 'p',
      producerVersion: '1',
      docString: '',
      metadata: { k: 'v' },
      graph: {
        name: 'g',
        nodes: [],
        initializers: [{ name: 'w', elemType: 'float32', dims: [1], data: Float32Array.of(1) }],
        inputs: [],
        outputs: [],
      },
    });
    expect(hex(bytes.subarray(0, 2))).toBe('08 07');
    expect(hex(bytes)).toContain('4a 04 00 00 80 3f'); // raw_data (field 9) of the initializer
    expect(hex(bytes)).toContain('72 06 0a 01 6b 12 01 76'); // metadata_props {k: v}
    expect(() =>
      encodeModel({
        irVersion: 7,
        opset: 13,
        producerName: '',
        producerVersion: '',
        docString: '',
        metadata: {},
        graph: {
          name: 'g',
          nodes: [],
          inputs: [],
          outputs: [],
          initializers: [{ name: 'w', elemType: 'float32', dims: [2], data: Float32Array.of(1) }],
        },
      }),
    ).toThrow(/1 values for dims \[2\]/);
  });
});
