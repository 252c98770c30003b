/** What the first bytes of an attachment say it is, independent of its name and declared type. */
import { zipEntryNames } from './zipEntryNames.ts';

/** Bytes sniffed for text heuristics; scripts and markup show themselves early. */
const SNIFF_BYTES = 8192;
/** Zip entries looked at to tell OOXML from a plain zip. */
const ZIP_NAMES_FOR_DETECTION = 2000;
/** OLE2 bytes searched for a VBA storage name. */
const OLE_SCAN_BYTES = 16 * 1024 * 1024;

function startsWith(b: Uint8Array, sig: number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

function ascii(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

function utf16le(s: string): number[] {
  return [...s].flatMap((c) => [c.charCodeAt(0), 0]);
}

function contains(b: Uint8Array, needle: number[], limit: number): boolean {
  const end = Math.min(b.length, limit) - needle.length;
  for (let i = b.indexOf(needle[0]); i >= 0 && i <= end; i = b.indexOf(needle[0], i + 1)) {
    if (startsWith(b, needle, i)) return true;
  }
  return false;
}

function looksLikeText(b: Uint8Array): boolean {
  const n = Math.min(b.length, SNIFF_BYTES);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 0) return false;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) control++;
  }
  return control / n < 0.02;
}

const SCRIPT_PATTERNS: RegExp[] = [
  /\bWScript\.|\bActiveXObject\s*\(|\bCreateObject\s*\(|\bGetObject\s*\(/i,
  /^\s*@?echo\s+off\b/im,
  /\b(?:Invoke-Expression|Invoke-WebRequest|New-Object\s+System\.Net|Start-Process|-EncodedCommand|DownloadString)\b/i,
  /^\s*(?:Dim\s+\w+\s*(?:,|$|\(|As\b)|Set\s+\w+\s*=|(?:Private\s+|Public\s+)?(?:Sub|Function)\s+\w+\s*\(|On Error Resume Next)/im,
  /\beval\s*\(|\bString\.fromCharCode\s*\(|\bdocument\.write\s*\(/,
  /^\s*(?:var|let|const)\s+[A-Za-z_$][\w$]*\s*=.*;\s*$/m,
  /\bpowershell(?:\.exe)?\s+-\w+|\bcmd(?:\.exe)?\s+\/[ck]\b|\bmshta(?:\.exe)?\s+\S|\bregsvr32(?:\.exe)?\s+\/|\bcertutil(?:\.exe)?\s+-\w+/i,
];

function textKind(b: Uint8Array): string {
  const head = new TextDecoder('windows-1252').decode(b.subarray(0, SNIFF_BYTES)).replace(/^\ufeff|^ï»¿/, '');
  if (head.startsWith('#!')) return 'script';
  if (/^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<script[\s>])/i.test(head)) return 'html';
  if (SCRIPT_PATTERNS.some((p) => p.test(head))) return 'script';
  return 'text';
}

function zipKind(b: Uint8Array): string {
  const { names } = zipEntryNames(b, ZIP_NAMES_FOR_DETECTION);
  const lower = names.map((n) => n.toLowerCase());
  const isOoxml = lower.includes('[content_types].xml');
  if (isOoxml && lower.some((n) => n.endsWith('vbaproject.bin'))) return 'office-macro';
  return isOoxml ? 'ooxml' : 'zip';
}

/** Word and Excel keep VBA in a _VBA_PROJECT / _VBA_PROJECT_CUR storage whose name is UTF-16LE in the directory. */
function oleKind(b: Uint8Array): string {
  return contains(b, utf16le('_VBA_PROJECT'), OLE_SCAN_BYTES) ? 'office-macro' : 'ole2';
}

/**
 * One of: pe-executable, elf, mach-o, zip, ooxml, office-macro, ole2, pdf, rar, 7z, gzip, script,
 * html, png, jpeg, gif, text, unknown (empty input is unknown).
 */
export function detectAttachmentType(bytes: Uint8Array): string {
  const b = bytes;
  if (startsWith(b, ascii('MZ'))) return 'pe-executable';
  if (startsWith(b, [0x7f, 0x45, 0x4c, 0x46])) return 'elf';
  if ([[0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe]].some((s) => startsWith(b, s))) {
    return 'mach-o';
  }
  // CAFEBABE is both a universal Mach-O and a Java class; a Mach-O has a small architecture count there.
  if (startsWith(b, [0xca, 0xfe, 0xba, 0xbe]) && b.length >= 8 && b[4] === 0 && b[5] === 0 && b[6] === 0 && b[7] > 0 && b[7] < 20) return 'mach-o';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06]) || startsWith(b, [0x50, 0x4b, 0x07, 0x08])) return zipKind(b);
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return oleKind(b);
  if (contains(b, ascii('%PDF-'), 1024)) return 'pdf';
  if (startsWith(b, ascii('Rar!\x1a\x07'))) return 'rar';
  if (startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (startsWith(b, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a'))) return 'gif';
  if (looksLikeText(b)) return textKind(b);
  return 'unknown';
}
