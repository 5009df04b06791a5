/**
 * The streaming parse shared by every entry point: bytes in (any chunking), typed table out.
 * Memory held: the current chunk, one partial row, and the growing column buffers.
 */
import { detectEncoding, LATIN1_NOTICE } from './encoding';
import { sniffHead, type HeadSniff } from './sniff';
import { TableBuilder } from './tableBuilder';
import { makeTokenizer, type Tokenizer } from './tokenizer';
import { IngestError, type IngestOptions, type IngestResult } from './types';

/** Thrown inside the parse when strict UTF-8 decoding fails; the caller restarts as windows-1252. */
export class NotUtf8 extends Error {}

/** Characters of decoded text gathered before the dialect is sniffed (only this head is sniffed). */
const HEAD_CHARS = 65536;
/** Bytes gathered before the encoding is sniffed. */
const HEAD_BYTES = 4096;

/**
 * Bytes in, text out: gathers the first HEAD_BYTES to detect the encoding (BOM, UTF-16, binary
 * files), then decodes streaming. Throws NotUtf8 on invalid UTF-8 and IngestError for whole-file
 * problems. Used by StreamParser and, for big files in a browser, by the decode worker.
 */
export class ChunkDecoder {
  encoding = '';
  notice: string | undefined;
  private decoder: TextDecoder | null = null;
  private headBytes: Uint8Array[] = [];
  private headByteCount = 0;

  constructor(
    private readonly forcedEncoding: string | undefined,
    private readonly forceLatin1 = false,
  ) {}

  /** The text of the next bytes ('' while the head is still being gathered). */
  push(bytes: Uint8Array): string {
    if (this.decoder !== null) return this.decode(bytes, true);
    this.headByteCount += bytes.length;
    if (this.headByteCount < HEAD_BYTES) {
      // Kept past this call: a copy (the caller may reuse its buffer, as blobChunks does).
      this.headBytes.push(bytes.slice());
      return '';
    }
    this.headBytes.push(bytes);
    return this.start();
  }

  /** End of input: the text still held. */
  end(): string {
    const head = this.decoder === null ? this.start() : '';
    return head + this.decode(new Uint8Array(0), false);
  }

  private start(): string {
    const head = concat(this.headBytes, this.headByteCount);
    this.headBytes = [];
    if (head.length === 0)
      throw new IngestError('The file is empty (0 bytes). Choose a CSV file with a header row and data.');
    if (this.forceLatin1) {
      this.encoding = 'windows-1252';
      this.notice = LATIN1_NOTICE;
    } else if (this.forcedEncoding) {
      this.encoding = this.forcedEncoding;
    } else {
      const g = detectEncoding(head);
      this.encoding = g.encoding;
      this.notice = g.notice;
    }
    this.decoder = new TextDecoder(this.encoding, { fatal: this.encoding === 'utf-8' });
    return this.decode(head, true);
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    try {
      return this.decoder!.decode(bytes, { stream });
    } catch {
      throw new NotUtf8('invalid UTF-8');
    }
  }
}

export class StreamParser {
  private readonly decoder: ChunkDecoder;
  private encoding = '';
  private notice: string | undefined;
  private headText = '';
  private tokenizer: Tokenizer | null = null;
  private builder: TableBuilder | null = null;
  private sniff: HeadSniff | null = null;
  private nulCount = 0;

  private firstText = true;
  private bytesSeen = 0;
  private reserved = false;

  /** `totalBytes`: the file size when known; the column buffers are then sized from it early. */
  constructor(
    private readonly opts: IngestOptions,
    forceLatin1 = false,
    private readonly totalBytes = 0,
  ) {
    this.decoder = new ChunkDecoder(opts.encoding, forceLatin1);
  }

  /** Rows read so far (for progress). */
  get rows(): number {
    return this.builder?.rowsRead ?? 0;
  }

  /** Feed the next bytes of the file. */
  pushBytes(bytes: Uint8Array): void {
    this.bytesSeen += bytes.length;
    this.pushText(this.decoder.push(bytes));
    if (!this.reserved && this.totalBytes > 0 && this.builder?.typed) this.reserve();
  }

  /**
   * Feed text a ChunkDecoder elsewhere (the decode worker) made of the file's first `bytesSeen` bytes;
   * finish with finishDecoded(). Do not mix with pushBytes.
   */
  pushDecoded(text: string, bytesSeen: number): void {
    this.bytesSeen = bytesSeen;
    this.pushText(text);
    if (!this.reserved && this.totalBytes > 0 && this.builder?.typed) this.reserve();
  }

  /**
   * Size the column buffers for the whole file from the bytes per row seen so far (plus 3%), so a
   * million-row column is allocated once instead of regrown by doubling (and its unused tail copied
   * off at the end): that is most of the memory peak of a big load.
   */
  private reserve(): void {
    this.reserved = true;
    const b = this.builder!;
    if (b.rowsRead < 100 || this.bytesSeen >= this.totalBytes) return;
    b.reserve((b.rowsRead / this.bytesSeen) * this.totalBytes * 1.03 + 1024);
  }

  /** End of input: returns the table and report. */
  finish(): IngestResult {
    this.pushText(this.decoder.end());
    this.encoding = this.decoder.encoding;
    this.notice = this.decoder.notice;
    return this.end();
  }

  /** End of pushDecoded input: `encoding` and `notice` are the ChunkDecoder's. */
  finishDecoded(encoding: string, notice: string | undefined): IngestResult {
    this.encoding = encoding;
    this.notice = notice;
    return this.end();
  }

  private end(): IngestResult {
    if (this.tokenizer === null) this.startTokenizer(true);
    this.tokenizer!.finish();
    const b = this.builder!;
    const done = b.finish();
    const sniff = this.sniff!;
    const warnings = [...sniff.notices, ...done.warnings];
    const tok = this.tokenizer!;
    if (tok.strayQuoteCount) {
      warnings.push(
        `${tok.strayQuoteCount} cells have text after a closing quote (e.g. line ${tok.strayQuoteLines[0]}); the text was kept.`,
      );
    }
    if (this.nulCount)
      warnings.push(
        `The file contains ${this.nulCount} NUL (zero) bytes; check that it is really a text file.`,
      );
    return {
      table: done.table,
      report: {
        encoding: this.encoding,
        ...(this.notice ? { encodingNotice: this.notice } : {}),
        delimiter: sniff.dialect.delimiter,
        quote: sniff.dialect.quote,
        escape: sniff.dialect.escape,
        headerLine: sniff.header.headerLine,
        rowsPadded: b.rowsPadded,
        decimalComma: sniff.decimalComma,
        rowsRead: b.rowsRead,
        rowsKept: b.rowsKept,
        rowsSkipped: b.rowsSkipped,
        skipped: b.skipped,
        cellIssues: done.cellIssues,
        cellIssueCount: done.cellIssueCount,
        warnings,
      },
    };
  }

  private pushText(text: string): void {
    if (text.length === 0) return;
    if (this.firstText) {
      this.firstText = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text.indexOf('\u0000') >= 0) this.nulCount += text.split('\u0000').length - 1;
    if (this.tokenizer === null) {
      this.headText += text;
      if (this.headText.length >= HEAD_CHARS) this.startTokenizer(false);
      return;
    }
    this.tokenizer.push(text);
  }

  /** Sniff the head (once; `complete`: it is the whole file), then parse it and everything after. */
  private startTokenizer(complete: boolean): void {
    const head = this.headText;
    this.headText = '';
    const sniff = sniffHead(head, complete, this.opts);
    this.sniff = sniff;
    this.builder = new TableBuilder({
      delimiter: sniff.dialect.delimiter,
      quote: sniff.dialect.quote,
      decimalComma: sniff.decimalComma,
      hasHeader: this.opts.header,
      header: sniff.header,
    });
    this.tokenizer = makeTokenizer(sniff.dialect, this.builder, sniff.startLine);
    this.tokenizer.push(sniff.skipChars ? head.slice(sniff.skipChars) : head);
  }
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
