// Intake paths: picked files keep their folder-relative path, dropped folders are walked recursively.
import { describe, expect, it } from 'vitest';
import { evidenceFromDrop, evidenceFromFiles } from '../../src/ui/collectEvidence.ts';

/** Minimal stand-ins for the File and Directory Entries API as browsers hand them to a drop handler. */
function fileEntry(fullPath: string): FileSystemFileEntry {
  const name = fullPath.split('/').pop()!;
  return { isFile: true, isDirectory: false, fullPath, name, file: (ok: (f: File) => void) => ok(new File(['x'], name)) } as unknown as FileSystemFileEntry;
}

/** A folder whose reader hands out its children in batches of two, as Chromium does in batches of 100. */
function dirEntry(fullPath: string, children: FileSystemEntry[]): FileSystemDirectoryEntry {
  return {
    isFile: false,
    isDirectory: true,
    fullPath,
    name: fullPath.split('/').pop()!,
    createReader() {
      let at = 0;
      return {
        readEntries(ok: (batch: FileSystemEntry[]) => void) {
          ok(children.slice(at, at + 2));
          at += 2;
        },
      };
    },
  } as unknown as FileSystemDirectoryEntry;
}

function transfer(items: { entry: FileSystemEntry | null; file?: File }[]): DataTransfer {
  return {
    items: items.map(({ entry, file }) => ({ kind: 'file', webkitGetAsEntry: () => entry, getAsFile: () => file ?? null })),
    files: [],
  } as unknown as DataTransfer;
}

describe('collectEvidence', () => {
  it('walks a dropped folder in every batch and keeps relative paths, sorted', async () => {
    const data = dirEntry('/hMailServer/Data', [
      fileEntry('/hMailServer/Data/{B}.eml'),
      fileEntry('/hMailServer/Data/{A}.eml'),
      dirEntry('/hMailServer/Data/x.example', [dirEntry('/hMailServer/Data/x.example/bob', [fileEntry('/hMailServer/Data/x.example/bob/3A/{3A}.eml')])]),
    ]);
    const root = dirEntry('/hMailServer', [data, fileEntry('/hMailServer/Bin/hMailServer.ini')]);
    const inputs = await evidenceFromDrop(transfer([{ entry: root }, { entry: fileEntry('/case.zip') }]));
    expect(inputs.map((i) => i.path)).toEqual([
      'case.zip',
      'hMailServer/Bin/hMailServer.ini',
      'hMailServer/Data/x.example/bob/3A/{3A}.eml',
      'hMailServer/Data/{A}.eml',
      'hMailServer/Data/{B}.eml',
    ]);
    expect(inputs[0].file.name).toBe('case.zip');
  });

  it('falls back to the plain file when the browser gives no entry', async () => {
    const loose = new File(['x'], 'loose.eml');
    const inputs = await evidenceFromDrop(transfer([{ entry: null, file: loose }]));
    expect(inputs).toEqual([{ file: loose, path: 'loose.eml' }]);
  });

  it('uses webkitRelativePath from a folder picker and the name from a file picker', () => {
    const inFolder = new File(['x'], 'a.log');
    Object.defineProperty(inFolder, 'webkitRelativePath', { value: 'Logs/a.log' });
    const alone = new File(['x'], 'b.eml');
    expect(evidenceFromFiles([alone, inFolder]).map((i) => i.path)).toEqual(['Logs/a.log', 'b.eml']);
  });
});
