/**
 * Encoding detection from the first bytes of a file: BOMs, BOM-less UTF-16 (NUL pattern),
 * binary files (clear error), else UTF-8, with windows-1252 as the fallback when the bytes
 * are not valid UTF-8 (the caller retries; see ingest.ts).
 */
import { IngestError } from './types';

export interface EncodingGuess {
  /** A TextDecoder label: 'utf-8', 'utf-16le', 'utf-16be' or 'windows-1252'. */
  encoding: string;
  /** Bytes of BOM to skip. */
  bomLength: number;
  notice?: string;
}

/** Guess the encoding from the head of the file (the first 64 KiB is plenty). Throws IngestError for binary files. */
export function detectEncoding(head: Uint8Array): EncodingGuess {
  const b0 = head[0];
  const b1 = head[1];
  if (b0 === 0xef && b1 === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  rejectKnownBinary(head);
  // BOM-less UTF-16: ASCII text has a NUL in every other byte (odd positions for LE, even for BE).
  const n = Math.min(head.length, 4096) & ~1;
  let evenNul = 0;
  let oddNul = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b === 0) {
      if (i & 1) oddNul++;
      else evenNul++;
    } else if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  const half = n / 2;
  if (half >= 2 && oddNul > 0.3 * half && evenNul < 0.05 * half) {
    return {
      encoding: 'utf-16le',
      bomLength: 0,
      notice: 'No byte-order mark; detected UTF-16 LE from the byte pattern.',
    };
  }
  if (half >= 2 && evenNul > 0.3 * half && oddNul < 0.05 * half) {
    return {
      encoding: 'utf-16be',
      bomLength: 0,
      notice: 'No byte-order mark; detected UTF-16 BE from the byte pattern.',
    };
  }
  const bad = evenNul + oddNul + control;
  if (bad > 8 && bad > 0.1 * n) {
    throw new IngestError(
      'This file looks binary, not like CSV text (many control bytes at its start). Export the data as CSV (comma, semicolon or tab separated) and load that.',
    );
  }
  return { encoding: 'utf-8', bomLength: 0 };
}

function rejectKnownBinary(h: Uint8Array): void {
  const starts = (...sig: number[]) => sig.every((v, i) => h[i] === v);
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    throw new IngestError(
      'This is a ZIP archive (an .xlsx or .zip file), not CSV. Open it in a spreadsheet and save as CSV.',
    );
  }
  if (
    starts(0x52, 0x49, 0x46, 0x46) ||
    starts(0x49, 0x44, 0x33) ||
    starts(0x4f, 0x67, 0x67, 0x53) ||
    starts(0x66, 0x4c, 0x61, 0x43)
  ) {
    throw new IngestError(
      'This is an audio file (WAV, MP3, OGG or FLAC), not a table. Load audio in the audio panel.',
    );
  }
  if (starts(0x25, 0x50, 0x44, 0x46)) throw new IngestError('This is a PDF, not a CSV table.');
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    throw new IngestError(
      'This is an old Excel (.xls) file, not CSV. Open it in a spreadsheet and save as CSV.',
    );
  }
}

/** The notice shown when a file was not valid UTF-8 and was read as windows-1252. */
export const LATIN1_NOTICE =
  'The file is not valid UTF-8; it was read as Windows-1252 (Latin-1). Check that accented letters look right; if not, re-save the file as UTF-8.';
