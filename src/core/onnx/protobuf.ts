/**
 * A minimal protocol-buffers writer: just what ONNX's messages need (varints, 64-bit signed ints, fixed32 floats,
 * length-delimited strings, bytes and nested messages). Written here instead of pulling in protobufjs: ONNX's
 * schema is stable and we only ever write it. Wire format: https://protobuf.dev/programming-guides/encoding/.
 */

const WIRE_VARINT = 0;
const WIRE_LEN = 2;
const WIRE_FIXED32 = 5;

const utf8 = new TextEncoder();

/**
 * Appends protobuf fields to a growing byte buffer. Field numbers and types are the caller's business (see proto.ts).
 * Usage: `new ProtoWriter().string(1, 'x').int(2, 7).finish()` -> Uint8Array.
 */
export class ProtoWriter {
  private buf = new Uint8Array(256);
  private len = 0;

  private ensure(extra: number): void {
    if (this.len + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  private byte(b: number): void {
    this.ensure(1);
    this.buf[this.len++] = b;
  }

  /**
   * A varint. Non-negative safe integers are written directly; negative ones as 10-byte two's complement (int64
   * semantics, as protobuf requires for negative int32/int64 values such as axis -1).
   */
  varint(n: number): this {
    if (!Number.isSafeInteger(n)) throw new Error(`protobuf: ${n} is not a safe integer.`);
    if (n >= 0) {
      while (n > 0x7f) {
        this.byte((n % 128) | 0x80);
        n = Math.floor(n / 128);
      }
      this.byte(n);
      return this;
    }
    let u = BigInt.asUintN(64, BigInt(n));
    while (u > 0x7fn) {
      this.byte(Number(u & 0x7fn) | 0x80);
      u >>= 7n;
    }
    this.byte(Number(u));
    return this;
  }

  private tag(field: number, wire: number): void {
    this.varint(field * 8 + wire);
  }

  /** An int32 / int64 / enum / bool field (varint). */
  int(field: number, n: number): this {
    this.tag(field, WIRE_VARINT);
    return this.varint(n);
  }

  /** A float field (fixed32, little-endian). */
  float(field: number, x: number): this {
    this.tag(field, WIRE_FIXED32);
    this.ensure(4);
    new DataView(this.buf.buffer).setFloat32(this.len, x, true);
    this.len += 4;
    return this;
  }

  /** A length-delimited bytes field. */
  bytes(field: number, b: Uint8Array): this {
    this.tag(field, WIRE_LEN);
    this.varint(b.length);
    this.ensure(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
    return this;
  }

  /** A UTF-8 string field. */
  string(field: number, s: string): this {
    return this.bytes(field, utf8.encode(s));
  }

  /** A nested message field: `build` writes the child's fields into a fresh writer. */
  message(field: number, build: (w: ProtoWriter) => void): this {
    const child = new ProtoWriter();
    build(child);
    return this.bytes(field, child.finish());
  }

  /** Repeated varints, packed into one length-delimited field. */
  packedInts(field: number, values: readonly number[]): this {
    const child = new ProtoWriter();
    for (const v of values) child.varint(v);
    return this.bytes(field, child.finish());
  }

  /** The bytes written so far (a view on a copy, safe to keep). */
  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}
