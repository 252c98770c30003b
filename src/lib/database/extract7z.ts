/**
 * Extracts a .7z (hMailServer's "HMBackup <date>.7z") with 7-Zip compiled to WASM (7z-wasm). The browser
 * build passes the inlined 7zz.wasm bytes, so nothing is fetched; Node finds the file next to the package.
 * The UMD build is imported: the ES build's new URL('7zz.wasm', import.meta.url) makes Vite inline the
 * 1.6 MB WASM a second time.
 */
import type { SevenZipModule } from '7z-wasm';
import SevenZip from '7z-wasm/7zz.umd.js';

/**
 * 7-Zip works in an in-memory file system inside a 32-bit WASM heap that holds the archive and everything
 * extracted from it: past this the heap (4 GiB at most) would run out part-way.
 */
export const MAX_7Z_BYTES = 1024 * 1024 * 1024;

/**
 * Budgets of what a .7z may expand to, checked from its own listing before anything is extracted: the
 * extracted files share that heap with the archive, and a 7z bomb (a few MB of zeros declaring gigabytes)
 * must be refused, not fill it. 7-Zip checks the declared sizes against the data while extracting.
 */
export interface SevenZipBudget {
  maxExpandedBytes: number;
  maxEntries: number;
}

const SEVEN_ZIP_BUDGET: SevenZipBudget = { maxExpandedBytes: 2 * 1024 * 1024 * 1024, maxEntries: 200_000 };

export interface Extracted7z {
  entries: { path: string; bytes: Uint8Array }[];
  /** Why extraction stopped or was incomplete (7-Zip's own error lines); null when it succeeded. */
  error: string | null;
}

function listFiles(sz: SevenZipModule, dir: string, prefix: string, out: Extracted7z['entries']): void {
  for (const name of sz.FS.readdir(dir).sort()) {
    if (name === '.' || name === '..') continue;
    const full = `${dir}/${name}`;
    if (sz.FS.isDir(sz.FS.stat(full).mode)) listFiles(sz, full, `${prefix}${name}/`, out);
    else out.push({ path: `${prefix}${name}`, bytes: sz.FS.readFile(full) });
  }
}

/** Files and their declared sizes from `7zz l -slt` (the blocks after the "----------" line). */
function declaredContents(lines: string[]): { files: number; bytes: number } {
  const start = lines.indexOf('----------');
  let files = 0;
  let bytes = 0;
  let folder = false;
  let size = 0;
  const endBlock = () => {
    if (!folder) {
      files++;
      bytes += size;
    }
    folder = false;
    size = 0;
  };
  let inBlock = false;
  for (const line of start < 0 ? [] : lines.slice(start + 1)) {
    if (line.startsWith('Path = ')) {
      if (inBlock) endBlock();
      inBlock = true;
    } else if (line.startsWith('Size = ')) size = Number(line.slice(7)) || 0;
    else if (line === 'Folder = +' || /^Attributes = D/.test(line)) folder = true;
  }
  if (inBlock) endBlock();
  return { files, bytes };
}

export async function extract7z(bytes: Uint8Array, wasmBinary?: Uint8Array, budget: SevenZipBudget = SEVEN_ZIP_BUDGET): Promise<Extracted7z> {
  if (bytes.length > MAX_7Z_BYTES) return { entries: [], error: `archive of ${bytes.length} bytes is above the ${MAX_7Z_BYTES}-byte limit for in-browser extraction` };
  const messages: string[] = [];
  let listing: string[] | null = null;
  const sz = await SevenZip({
    ...(wasmBinary ? { wasmBinary: wasmBinary.slice().buffer } : {}),
    print: (line: string) => listing?.push(line),
    printErr: (line: string) => messages.push(line),
  });
  sz.FS.writeFile('/archive.7z', bytes);
  listing = [];
  try {
    sz.callMain(['l', '-slt', '-p', '/archive.7z']);
  } catch {
    // An archive 7-Zip cannot list fails again, with its reason, when extracted below.
  }
  const declared = declaredContents(listing);
  listing = null;
  if (declared.bytes > budget.maxExpandedBytes) {
    return { entries: [], error: `declares ${declared.bytes} bytes of content, above the 7z reader's budget of ${budget.maxExpandedBytes} bytes: not extracted` };
  }
  if (declared.files > budget.maxEntries) {
    return { entries: [], error: `declares ${declared.files} files, above the 7z reader's budget of ${budget.maxEntries}: not extracted` };
  }
  messages.length = 0;
  sz.FS.mkdir('/out');
  let crashed: string | null = null;
  try {
    // -p with no value: an encrypted archive fails instead of waiting for a password on stdin.
    sz.callMain(['x', '-bd', '-y', '-p', '-o/out', '/archive.7z']);
  } catch (err) {
    crashed = `7-Zip stopped (${err instanceof Error ? err.message : String(err)}): the archive may be encrypted or damaged`;
  }
  const entries: Extracted7z['entries'] = [];
  listFiles(sz, '/out', '', entries);
  const errors = messages.filter((m) => m.trim() !== '' && m.trim() !== 'ERRORS:').join('; ');
  return { entries, error: crashed ?? (errors === '' ? null : errors) };
}
