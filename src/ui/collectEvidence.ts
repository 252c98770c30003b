/**
 * Turns what the examiner dropped or picked into EvidenceInputs with their folder-relative paths.
 * Folders work in every browser through webkitGetAsEntry (drop) and webkitRelativePath (<input webkitdirectory>).
 */
import type { EvidenceInput } from './triageClient.ts';
import { compareStrings } from '../lib/model/compareStrings.ts';

/** Deeper nesting than any hMailServer tree; stops a link cycle in a dropped folder from recursing forever. */
const MAX_FOLDER_DEPTH = 64;

export function evidenceFromFiles(files: FileList | File[]): EvidenceInput[] {
  return sortByPath(Array.from(files).map((file) => ({ file, path: file.webkitRelativePath || file.name })));
}

/** Must be called inside the drop handler: the DataTransfer is emptied once the handler returns. */
export function evidenceFromDrop(transfer: DataTransfer): Promise<EvidenceInput[]> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(transfer.items)) {
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    const file = entry ? null : item.getAsFile();
    if (entry) entries.push(entry);
    else if (file) loose.push(file);
  }
  if (entries.length === 0 && loose.length === 0) loose.push(...Array.from(transfer.files));
  return collect(entries, loose);
}

async function collect(entries: FileSystemEntry[], loose: File[]): Promise<EvidenceInput[]> {
  const out: EvidenceInput[] = loose.map((file) => ({ file, path: file.name }));
  for (const entry of entries) await walk(entry, out, 0);
  return sortByPath(out);
}

async function walk(entry: FileSystemEntry, out: EvidenceInput[], depth: number): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ file, path: entry.fullPath.replace(/^\/+/, '') || file.name });
    return;
  }
  if (!entry.isDirectory || depth >= MAX_FOLDER_DEPTH) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns the folder in batches (100 in Chromium) until an empty batch.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return;
    for (const child of batch) await walk(child, out, depth + 1);
  }
}

function sortByPath(inputs: EvidenceInput[]): EvidenceInput[] {
  return inputs.sort((a, b) => compareStrings(a.path, b.path));
}
