/**
 * File-name keys for joining audio files onto table rows: "Clips/Vibe_Ace.OGG", "vibe ace"
 * and "C:\\music\\vibe_ace.mp3" all become "vibe ace".
 */

/** Extensions stripped from names (audio, archives and common containers); anything else is kept. */
const EXTENSIONS = new Set([
  'wav',
  'wave',
  'mp3',
  'ogg',
  'oga',
  'opus',
  'flac',
  'm4a',
  'mp4',
  'aac',
  'alac',
  'aif',
  'aiff',
  'webm',
  'weba',
  'mka',
  'wma',
  'caf',
  'zip',
]);

/**
 * The join key of a file name or cell: the last path segment (both / and \), Unicode NFC,
 * lower case, a known audio extension removed, runs of spaces and underscores as one space,
 * trimmed; an all-digit id loses its leading zeros ("00123" = "123"). Returns '' for blanks.
 */
export function fileKey(name: string): string {
  let s = name.normalize('NFC').trim();
  const slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
  if (slash >= 0) s = s.slice(slash + 1);
  s = s.toLowerCase();
  const dot = s.lastIndexOf('.');
  if (dot > 0 && EXTENSIONS.has(s.slice(dot + 1))) s = s.slice(0, dot);
  s = s.replace(/[\s_]+/g, ' ').trim();
  if (/^\d+$/.test(s)) s = s.replace(/^0+(?=\d)/, '');
  return s;
}

/** The last path segment of a path ("a/b/c.wav" → "c.wav"). */
export function baseName(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return slash >= 0 ? path.slice(slash + 1) : path;
}
