/** Why an entry that was hashed fine is still not analysed (inventory status `skipped`), or null when it is analysed. */
import type { EntryFormat } from '../model/inventoryEntry.ts';

/** A few common signatures, only to make the reason for an unknown binary specific. */
const KNOWN_BINARIES: [number[], string][] = [
  [[0x4d, 0x5a], 'Windows executable (MZ)'],
  [[0x7f, 0x45, 0x4c, 0x46], 'ELF executable'],
  [[0x25, 0x50, 0x44, 0x46], 'PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'PNG image'],
  [[0xff, 0xd8, 0xff], 'JPEG image'],
  [[0x1f, 0x8b], 'gzip stream'],
  [[0x52, 0x61, 0x72, 0x21], 'RAR archive'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'OLE compound file (legacy Office, MSI)'],
];

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');

function looksBinary(head: Uint8Array): boolean {
  return head.includes(0) && !(head[0] === 0xff && head[1] === 0xfe);
}

export function notAnalysedReason(format: EntryFormat, head: Uint8Array): string | null {
  if (format === 'empty') return 'empty file (0 bytes): nothing to analyse';
  if (format !== 'unknown') return null;
  if (!looksBinary(head)) return 'text not recognised as hMailServer evidence: hashed, not analysed';
  const known = KNOWN_BINARIES.find(([magic]) => magic.every((b, i) => head[i] === b));
  const what = known ? known[1] : `starts with ${hex(head.subarray(0, 8))}`;
  return `unrecognised binary content (${what}): hashed, not analysed`;
}
