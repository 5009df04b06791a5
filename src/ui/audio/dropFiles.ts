/**
 * Turning a drop or a folder input into files with their relative paths. Dropped folders are
 * walked with DataTransferItem.webkitGetAsEntry (the only folder API every engine has).
 */
import type { IncomingFile } from '../../state/audio';

function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries returns at most ~100 entries per call: keep calling until it returns none.
  return new Promise((resolve, reject) => {
    const out: FileSystemEntry[] = [];
    const step = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(out);
        else {
          out.push(...batch);
          step();
        }
      }, reject);
    step();
  });
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(
  entry: FileSystemEntry,
  prefix: string,
  out: IncomingFile[],
  depth: number,
): Promise<void> {
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) {
    const file = await fileOf(entry as FileSystemFileEntry);
    out.push({ file, name: file.name, path, fromContainer: prefix !== '' });
  } else if (entry.isDirectory && depth < 16) {
    for (const child of await readAll((entry as FileSystemDirectoryEntry).createReader())) {
      await walk(child, path, out, depth + 1);
    }
  }
}

/** The files of a drop, folders walked recursively (16 levels at most). */
export async function filesFromDrop(dt: DataTransfer): Promise<IncomingFile[]> {
  // Entries must be taken synchronously, before the drop event returns.
  const entries = Array.from(dt.items)
    .filter((i) => i.kind === 'file')
    .map((i) => i.webkitGetAsEntry?.() ?? null);
  if (entries.length === 0 || entries.some((e) => e === null)) {
    return Array.from(dt.files, (file) => ({ file, name: file.name, path: file.name }));
  }
  const out: IncomingFile[] = [];
  for (const e of entries) await walk(e!, '', out, 0);
  return out;
}

/** The files of an <input type="file">, with folder paths when it is a directory input. */
export function filesFromInput(list: FileList, fromFolder: boolean): IncomingFile[] {
  return Array.from(list, (file) => ({
    file,
    name: file.name,
    path: file.webkitRelativePath || file.name,
    fromContainer: fromFolder,
  }));
}
