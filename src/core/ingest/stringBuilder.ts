/**
 * Dictionary encoding of a text column while the file streams in: one Int32 code per row (-1 =
 * missing) and the distinct values in first-seen order.
 *
 * A cell is looked up without making a string: its characters are hashed in place (FNV-1a over the
 * chunk text, usually while the fast path scans it) and probed in an open-addressing table, and a
 * candidate is confirmed by comparing against a copy of the distinct values' characters kept in one
 * typed array (`keys`, one byte a character while all are Latin-1). Comparing against the dictionary's
 * strings instead costs several dependent cache misses per lookup (string object, sliced parent,
 * characters) and was most of the ingest time of a million-row file.
 *
 * The dictionary strings are made at the end (finish() calls compact()) from `keys`, as one new string
 * sliced per entry, so no entry pins the decoded chunk text it came from (a V8 slice keeps its parent
 * alive). Not making them per chunk matters: millions of live strings make every full garbage
 * collection during the load slow (about a second of a million-row load went there).
 */
import type { Column } from '../data/table';

/** FNV-1a offset basis and prime: the hash of text cells (the fast path computes it while scanning). */
export const FNV_BASIS = 0x811c9dc5 | 0;
export const FNV_PRIME = 16777619;

/** Characters turned into a string per String.fromCharCode call (well under argument-count limits). */
const PIECE = 8192;
/** Characters of dictionary text made into one string by compact() (then sliced per value). */
const BLOCK = 1 << 24;
/** ASCII bytes decode the same as UTF-8, natively and fast. */
const ASCII = new TextDecoder();

export class StringBuilder {
  readonly kind = 'string';
  codes = new Int32Array(1024);
  n = 0;
  /** The distinct values; complete after compact() (called by finish()). */
  dict: string[] = [];
  /**
   * Open addressing, interleaved [hash, code + 1, key offset, key length] (code + 1 = 0: empty): a
   * probe and the length check touch one cache line, and the key's characters are one more.
   */
  private table = new Int32Array(4 * 2048);
  private mask = 2047;
  /** Characters of all distinct values, back to back; Uint16Array once one is above U+00FF. */
  private keys: Uint8Array | Uint16Array = new Uint8Array(4096);
  private wide = false;
  private ascii = true;
  /** Value k's characters are keys[offs[k], offs[k + 1]). */
  private offs = new Int32Array(1025);
  private size = 0;
  private growth = 2;

  /** Make room for `rows` codes (an estimate of the final row count; avoids regrowing). */
  reserve(rows: number): void {
    if (rows > this.codes.length) this.codes = resize32(this.codes, rows);
    this.growth = 1.25;
    // A column whose values so far are nearly all distinct (ids, titles) will need a table and key
    // store for about `rows` values: size them now instead of regrowing (and rehashing) ten times.
    if (this.n >= 500 && this.size >= 0.9 * this.n) {
      let slots = this.mask + 1;
      while (slots < 2 * rows) slots *= 2;
      if (slots > this.mask + 1) this.rehash(slots);
      const used = this.offs[this.size]!;
      const chars = Math.ceil((used / this.size) * rows * 1.05);
      if (chars > this.keys.length) this.growKeys(chars, used);
      if (rows + 2 > this.offs.length) this.offs = resize32(this.offs, rows + 2);
    }
  }

  /** Append a whole string cell. */
  push(cell: string): void {
    this.pushRange(cell, 0, cell.length);
  }

  /** Append the cell s.slice(from, to). Empty or whitespace-only cells are missing (-1). */
  pushRange(s: string, from: number, to: number): void {
    let h = FNV_BASIS;
    for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
    this.pushHashed(s, from, to, h);
  }

  /** pushRange with the FNV-1a hash `h` of s[from, to) already computed. */
  pushHashed(s: string, from: number, to: number, h: number): void {
    if (this.n === this.codes.length) this.codes = resize32(this.codes, this.codes.length * this.growth);
    if (from === to || (s.charCodeAt(from) <= 32 && isBlank(s, from, to))) {
      this.codes[this.n++] = -1;
      return;
    }
    const table = this.table;
    const mask = this.mask;
    const len = to - from;
    let slot = (h ^ (h >>> 16)) & mask;
    for (;;) {
      const t = 4 * slot;
      const code = table[t + 1]! - 1;
      if (code < 0) break;
      if (table[t] === h && table[t + 3] === len) {
        // Compare with the stored characters (inlined: this runs for nearly every cell).
        const keys = this.keys;
        const o = table[t + 2]!;
        let i = 0;
        while (i < len && keys[o + i] === s.charCodeAt(from + i)) i++;
        if (i === len) {
          this.codes[this.n++] = code;
          return;
        }
      }
      slot = (slot + 1) & mask;
    }
    const code = this.add(s, from, to);
    const t = 4 * slot;
    table[t] = h;
    table[t + 1] = code + 1;
    table[t + 2] = this.offs[code]!;
    table[t + 3] = len;
    this.codes[this.n++] = code;
    if ((code + 1) * 2 > mask + 1) this.rehash(2 * (mask + 1));
  }

  /**
   * pushHashed for `count` cells at once: cell j is s[from[at + j], to[at + j]) with hash hash[at + j].
   * The same result as pushing them one by one, but first every cell's table slot (and, where a value
   * sits there, its stored characters) is read in a loop of independent loads, so the cache misses of a
   * large dictionary (ids, titles: millions of values) overlap instead of stalling one after another.
   */
  pushBatch(s: string, from: Int32Array, to: Int32Array, hash: Int32Array, at: number, count: number): void {
    if (this.mask >= 4095) {
      const table = this.table;
      const mask = this.mask;
      let touch = 0;
      for (let j = at; j < at + count; j++) {
        const h = hash[j]!;
        touch ^= table[4 * ((h ^ (h >>> 16)) & mask) + 2]!;
      }
      const keys = this.keys;
      for (let j = at; j < at + count; j++) {
        const h = hash[j]!;
        const t = 4 * ((h ^ (h >>> 16)) & mask);
        if (table[t] === h) touch ^= keys[table[t + 2]!]!;
      }
      this.touched = touch;
    }
    for (let j = at; j < at + count; j++) this.pushHashed(s, from[j]!, to[j]!, hash[j]!);
  }

  /** Where pushBatch leaves what its warming loads read (so that they are not optimized away). */
  touched = 0;

  /** Store s[from, to) as the next distinct value; returns its code. */
  private add(s: string, from: number, to: number): number {
    const code = this.size++;
    if (code + 2 > this.offs.length) this.offs = resize32(this.offs, this.offs.length * 1.5);
    let end = this.offs[code]!;
    if (end + (to - from) > this.keys.length) this.growKeys(end + (to - from), end);
    const start = end;
    let bits = 0;
    const keys = this.keys;
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i);
      bits |= c;
      keys[end++] = c;
    }
    if (bits > 127) {
      this.ascii = false;
      if (bits > 255 && !this.wide) {
        // A character above U+00FF: widen the store and copy this value again (the bytes were cut).
        this.widen();
        const wide = this.keys;
        for (let i = from, o = start; i < to; i++) wide[o++] = s.charCodeAt(i);
      }
    }
    this.offs[code + 1] = end;
    return code;
  }

  /** Room for `need` key characters; the first `used` are kept. */
  private growKeys(need: number, used: number): void {
    const size = Math.max(need, Math.ceil(this.keys.length * 1.5));
    const keys = this.wide ? new Uint16Array(size) : new Uint8Array(size);
    keys.set(this.keys.subarray(0, used));
    this.keys = keys;
  }

  private widen(): void {
    const keys = new Uint16Array(this.keys.length);
    keys.set(this.keys);
    this.keys = keys;
    this.wide = true;
  }

  /**
   * Make the dictionary strings of the values not made yet (finish() calls it): one new string of
   * their characters per block, sliced per value.
   */
  compact(): void {
    const dict = this.dict;
    const offs = this.offs;
    // In blocks of about BLOCK characters: one string of a whole 1 GB column could pass V8's limit.
    while (dict.length < this.size) {
      const first = dict.length;
      let last = first + 1;
      while (last < this.size && offs[last + 1]! - offs[first]! <= BLOCK) last++;
      const a = offs[first]!;
      const b = offs[last]!;
      let joined: string;
      if (this.ascii) joined = ASCII.decode(this.keys.subarray(a, b));
      else {
        const pieces: string[] = [];
        for (let p = a; p < b; p += PIECE)
          pieces.push(
            String.fromCharCode.apply(null, this.keys.subarray(p, Math.min(b, p + PIECE)) as never),
          );
        joined = pieces.join('');
      }
      for (let k = first; k < last; k++) dict.push(joined.slice(offs[k]! - a, offs[k + 1]! - a));
    }
  }

  /** Re-insert every entry into a table of `slots` slots (a power of two). */
  private rehash(slots: number): void {
    const old = this.table;
    const table = new Int32Array(slots * 4);
    const mask = slots - 1;
    for (let o = 0; o < old.length; o += 4) {
      if (old[o + 1] === 0) continue;
      const h = old[o]!;
      let slot = (h ^ (h >>> 16)) & mask;
      while (table[4 * slot + 1] !== 0) slot = (slot + 1) & mask;
      const t = 4 * slot;
      table[t] = h;
      table[t + 1] = old[o + 1]!;
      table[t + 2] = old[o + 2]!;
      table[t + 3] = old[o + 3]!;
    }
    this.table = table;
    this.mask = mask;
  }

  finish(name: string): Column {
    this.compact();
    return { name, kind: 'string', codes: trim32(this.codes, this.n), dict: this.dict };
  }
}

function isBlank(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) > 32) return false;
  return true;
}

function resize32(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(1024, Math.ceil(size)));
  b.set(a.subarray(0, Math.min(a.length, b.length)));
  return b;
}

/** The first n codes, without a copy when at most 1/16 of the buffer is unused (see NumberBuilder). */
function trim32(a: Int32Array, n: number): Int32Array {
  return a.length - n <= n >> 4 ? a.subarray(0, n) : a.slice(0, n);
}
