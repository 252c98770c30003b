/**
 * Selected messages and their attachments as a zip, with a manifest of MD5/SHA-256 for every file in it
 * so the recipient can verify the export against the case's inventory.
 */
import JSZip from 'jszip';
import { md5Hex, sha256Hex } from '../ingest/digestBytes.ts';
import { csvRecord } from './formatCsv.ts';

export interface ZipMessage {
  path: string;
  raw: Uint8Array;
  attachments: { filename: string; bytes: Uint8Array }[];
}

interface ManifestEntry {
  file: string;
  source: string;
  size: number;
  md5: string;
  sha256: string;
}

/** Attachment names come from the evidence: keep them readable but never let them climb out of their folder. */
function safeName(name: string, fallback: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_').trim();
  return cleaned || fallback;
}

export async function messagesZip(messages: ZipMessage[], generatedAt: string): Promise<Uint8Array> {
  const zip = new JSZip();
  const manifest: ManifestEntry[] = [];
  const add = async (file: string, source: string, bytes: Uint8Array) => {
    zip.file(file, bytes, { date: new Date(generatedAt), binary: true });
    manifest.push({ file, source, size: bytes.byteLength, md5: await md5Hex(bytes), sha256: await sha256Hex(bytes) });
  };
  for (const [i, m] of messages.entries()) {
    const folder = `messages/${String(i + 1).padStart(4, '0')}`;
    await add(`${folder}/${safeName(m.path.split('/').pop() ?? '', 'message.eml')}`, m.path, m.raw);
    for (const [j, a] of m.attachments.entries()) {
      await add(`${folder}/attachments/${j + 1}-${safeName(a.filename, 'attachment.bin')}`, `${m.path} → ${a.filename}`, a.bytes);
    }
  }
  const csv = csvRecord(['file', 'source', 'size', 'md5', 'sha256']) + manifest.map((e) => csvRecord([e.file, e.source, e.size, e.md5, e.sha256])).join('');
  zip.file('manifest.json', JSON.stringify({ generatedAt, files: manifest }, null, 2), { date: new Date(generatedAt) });
  zip.file('manifest.csv', csv, { date: new Date(generatedAt) });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
