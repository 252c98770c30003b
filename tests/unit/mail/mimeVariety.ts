/**
 * A seeded generator of varied, often awkward MIME messages for the fast-path differential test: nested
 * multiparts, alternative and related bodies, HTML-only mail, quoted-printable and base64 (padded mid-way,
 * foreign bytes), Latin-1 / Windows-1252 / UTF-8 / ISO-2022-JP / unknown charsets, flowed text, RFC 2047
 * and RFC 2231 names, comments and folding in Content-Type, calendar parts, attached messages, digests,
 * boundaries that nest or never close, truncated files, NUL bytes, LF-only and stray CR line ends; and
 * the same messages mutated line by line (lines dropped, repeated, replaced by hostile MIME lines, bytes
 * flipped) for what no generator thinks of.
 */
import { concatBytes } from './fixtures.ts';

type Rand = () => number;

/** The generators' seeded PRNG (tests/generate/mulberry32.mjs), imported by URL because the .mjs has no types. */
export const { mulberry32 } = (await import(new URL('../../generate/mulberry32.mjs', import.meta.url).href)) as { mulberry32(seed: number): Rand };

const WORDS = ['invoice', 'meeting', 'Grüße', 'café', 'naïve', '€100', '日本語', 'über', 'résumé', 'plain', 'text', 'a=b', '=3D', 'x_y', 'line', 'the', 'and', 'of', '-- ', 'Ω'];
const CHARSETS = ['utf-8', 'UTF-8', '"utf-8"', 'iso-8859-1', 'windows-1252', 'us-ascii', 'iso-2022-jp', 'latin1', 'x-unknown-cs', 'cp1252', 'utf8', 'koi8-r', ''];
const ENCODINGS = ['7bit', '8bit', 'quoted-printable', 'base64', '', 'Base64', 'binary', 'QUOTED-PRINTABLE', ' base64 (comment)', 'x-uuencode'];
const ATTACH_TYPES = ['application/pdf', 'application/octet-stream', 'image/png', 'text/csv', 'text/calendar', 'application/ics', 'application/zip', 'message/delivery-status', 'text/plain', 'application/x-msdownload'];

const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const chance = (r: Rand, p: number) => r() < p;

function encodeCharset(text: string, charset: string): Uint8Array {
  const cs = charset.replace(/"/g, '').toLowerCase();
  if (cs === 'iso-8859-1' || cs === 'windows-1252' || cs === 'latin1' || cs === 'cp1252') {
    return Uint8Array.from([...text].map((c) => (c === '€' ? 0x80 : c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)));
  }
  if (cs === 'iso-2022-jp') {
    // 日本語 in JIS X 0208 between the escape sequences; everything else ASCII.
    const out: number[] = [];
    for (const c of text) {
      if (c === '日') out.push(0x1b, 0x24, 0x42, 0x46, 0x7c, 0x1b, 0x28, 0x42);
      else if (c.charCodeAt(0) < 128) out.push(c.charCodeAt(0));
      else out.push(0x3f);
    }
    return Uint8Array.from(out);
  }
  return new TextEncoder().encode(text);
}

function words(r: Rand, lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const n = 1 + Math.floor(r() * 14);
    let line = Array.from({ length: n }, () => pick(r, WORDS)).join(' ');
    if (chance(r, 0.1)) line += ' ';
    if (chance(r, 0.05)) line = '';
    if (chance(r, 0.03)) line = '--not-a-boundary';
    if (chance(r, 0.05)) line = line.repeat(4);
    out.push(line);
  }
  return out.join('\n');
}

function base64(bytes: Uint8Array, r: Rand): string {
  let s = Buffer.from(bytes).toString('base64');
  if (chance(r, 0.1)) s = s.replace(/=+$/, '');
  const width = pick(r, [76, 64, 72, 1000]);
  let lines: string[] = s.match(new RegExp(`.{1,${width}}`, 'g')) ?? [];
  if (chance(r, 0.05)) lines = lines.map((l) => `${l} `);
  if (chance(r, 0.05)) lines.splice(Math.floor(lines.length / 2), 0, '!!');
  return lines.join('\n');
}

function quotedPrintable(bytes: Uint8Array, r: Rand): string {
  let out = '';
  let line = '';
  for (const b of bytes) {
    let piece: string;
    if (b === 0x0a) {
      out += line + '\n';
      line = '';
      continue;
    }
    if ((b >= 33 && b <= 126 && b !== 61) || (b === 32 && chance(r, 0.9))) piece = String.fromCharCode(b);
    else piece = `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (chance(r, 0.01)) piece = chance(r, 0.5) ? '=zz' : `=${b.toString(16).padStart(2, '0')}`;
    if (line.length + piece.length > 73) {
      out += line + '=\n';
      line = '';
    }
    line += piece;
  }
  return out + line;
}

function bodyFor(bytes: Uint8Array, encoding: string, r: Rand): Uint8Array | string {
  const e = encoding.trim().toLowerCase();
  if (e.includes('base64')) return base64(bytes, r);
  if (e === 'quoted-printable') return quotedPrintable(bytes, r);
  return bytes;
}

function rfc2047(text: string, r: Rand): string {
  if (chance(r, 0.5)) return `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;
  const q = [...Buffer.from(text, chance(r, 0.5) ? 'utf8' : 'latin1')].map((b) => (b > 32 && b < 127 && b !== 61 && b !== 63 && b !== 95 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
  return `=?${chance(r, 0.5) ? 'utf-8' : 'iso-8859-1'}?Q?${q}?=`;
}

function filenameParams(r: Rand, name: string): { disposition: string; type: string } {
  switch (Math.floor(r() * 7)) {
    case 0: return { disposition: `; filename="${name}"`, type: '' };
    case 1: return { disposition: '', type: `; name="${name}"` };
    case 2: return { disposition: `; filename="${rfc2047(name, r)}"`, type: `; name="${name}"` };
    case 3: return { disposition: `; filename*=UTF-8''${encodeURIComponent(name)}`, type: '' };
    case 4: return { disposition: `; filename*0="${name.slice(0, 3)}"; filename*1="${name.slice(3)}"`, type: '' };
    case 5: return { disposition: `; filename=${name.replace(/\s/g, '_')} (comment)`, type: '' };
    default: return { disposition: '', type: '' };
  }
}

type Piece = string | Uint8Array;

interface Builder { r: Rand; depth: number; boundaries: string[] }

function header(lines: Piece[], name: string, value: string, r: Rand): void {
  if (chance(r, 0.05)) {
    const cut = value.indexOf(';');
    if (cut > 0) {
      lines.push(`${name}: ${value.slice(0, cut + 1)}\n\t${value.slice(cut + 1).trim()}\n`);
      return;
    }
  }
  lines.push(`${chance(r, 0.05) ? name.toUpperCase() : name}${chance(r, 0.03) ? ' ' : ''}: ${value}\n`);
}

function textPart(b: Builder, out: Piece[], html: boolean): void {
  const { r } = b;
  const charset = pick(r, CHARSETS);
  const encoding = pick(r, ENCODINGS);
  let text = words(r, 1 + Math.floor(r() * 12));
  if (html) text = `<html><body><p>${text.replace(/\n/g, '<br>')}</p></body></html>`;
  if (chance(r, 0.05)) text += '\u0000tail';
  let params = charset ? `; charset=${charset}` : '';
  if (!html && chance(r, 0.1)) params += `; format=flowed${chance(r, 0.5) ? '; delsp=yes' : ''}`;
  header(out, 'Content-Type', `${html ? 'text/html' : 'text/plain'}${params}`, r);
  if (encoding) header(out, 'Content-Transfer-Encoding', encoding, r);
  if (chance(r, 0.1)) header(out, 'Content-Disposition', pick(r, ['inline', 'attachment', 'inline; filename="body.txt"']), r);
  out.push('\n', bodyFor(encodeCharset(text, charset), encoding, r), '\n');
}

function attachmentPart(b: Builder, out: Piece[]): void {
  const { r } = b;
  const type = pick(r, ATTACH_TYPES);
  const name = pick(r, ['report.pdf', 'Invoice (1).pdf', 'résumé final.docx', 'data.bin', 'a;b.txt', 'x.ics']);
  const { disposition, type: typeParams } = filenameParams(r, name);
  const dispValue = pick(r, ['attachment', 'inline', '', 'ATTACHMENT']);
  const encoding = pick(r, ['base64', 'base64', 'quoted-printable', '7bit', '']);
  const size = Math.floor(r() * 600);
  const bytes = Uint8Array.from({ length: size }, (_, i) => (type === 'application/zip' && i < 4 ? [0x50, 0x4b, 0x03, 0x04][i] : Math.floor(r() * 256)));
  const content = type.startsWith('text/') ? encodeCharset(type === 'text/calendar' ? 'BEGIN:VCALENDAR\nMETHOD:REQUEST\nEND:VCALENDAR\n\n\n' : words(r, 3), 'utf-8') : bytes;
  header(out, 'Content-Type', `${type}${typeParams}${type === 'text/calendar' ? '; method=request; charset=utf-8' : ''}`, r);
  header(out, 'Content-Transfer-Encoding', encoding || '8bit', r);
  if (dispValue || disposition) header(out, 'Content-Disposition', `${dispValue}${disposition}`, r);
  if (chance(r, 0.2)) header(out, 'Content-ID', '<part1@x>', r);
  out.push('\n', bodyFor(content, encoding, r), '\n');
}

function attachedMessage(b: Builder, out: Piece[]): void {
  const { r } = b;
  header(out, 'Content-Type', pick(r, ['message/rfc822', 'message/global']), r);
  if (chance(r, 0.5)) header(out, 'Content-Disposition', 'attachment; filename="fwd.eml"', r);
  out.push('\n', 'From: inner@x.example\nSubject: inner\n');
  part({ ...b, depth: b.depth + 1 }, out);
}

function multipart(b: Builder, out: Piece[], subtype: string, children: ((b: Builder, out: Piece[]) => void)[]): void {
  const { r } = b;
  let boundary = pick(r, ['b1', '----=_Part_0_1.2', 'simple boundary', '=_x', 'nested']) + (chance(r, 0.8) ? String(Math.floor(r() * 1000)) : '');
  if (chance(r, 0.05) && b.boundaries.length) boundary = b.boundaries[b.boundaries.length - 1];
  if (chance(r, 0.03) && b.boundaries.length) boundary = `${b.boundaries[b.boundaries.length - 1]}x`;
  const quoted = chance(r, 0.7) || /\s/.test(boundary) ? `"${boundary}"` : boundary;
  header(out, 'Content-Type', `multipart/${subtype}; ${chance(r, 0.05) ? '(c) ' : ''}boundary=${quoted}${chance(r, 0.1) ? '; charset=utf-8' : ''}`, r);
  out.push('\n');
  if (chance(r, 0.3)) out.push('This is a multi-part message in MIME format.\n');
  const inner: Builder = { r, depth: b.depth + 1, boundaries: [...b.boundaries, boundary] };
  for (const child of children) {
    out.push(`--${boundary}${chance(r, 0.05) ? ' \t' : ''}\n`);
    child(inner, out);
  }
  if (chance(r, 0.93)) out.push(`--${boundary}--\n`);
  if (chance(r, 0.2)) out.push('epilogue text\n');
}

function part(b: Builder, out: Piece[]): void {
  const { r } = b;
  const roll = b.depth > 3 ? r() * 0.45 : r();
  if (roll < 0.25) return textPart(b, out, false);
  if (roll < 0.3) return textPart(b, out, true);
  if (roll < 0.45) return attachmentPart(b, out);
  if (roll < 0.62) return multipart(b, out, 'alternative', [(x, o) => textPart(x, o, false), (x, o) => (chance(r, 0.3) ? multipart(x, o, 'related', [(y, p) => textPart(y, p, true), attachmentPart]) : textPart(x, o, true))]);
  if (roll < 0.85) {
    const children = [(x: Builder, o: Piece[]) => part(x, o)];
    for (let i = Math.floor(r() * 4); i > 0; i--) children.push(chance(r, 0.7) ? attachmentPart : part);
    return multipart(b, out, pick(r, ['mixed', 'mixed', 'related', 'report', 'signed']), children);
  }
  if (roll < 0.9) return multipart(b, out, 'digest', [attachedMessage, (x, o) => { o.push('\nFrom: d@x.example\n\ndigest entry\n'); }]);
  if (roll < 0.95) return attachedMessage(b, out);
  return textPart(b, out, chance(r, 0.5));
}

function join(pieces: Piece[], r: Rand): Uint8Array {
  const lineEnd = pick(r, ['\r\n', '\r\n', '\r\n', '\n', 'mixed']);
  const chunks = pieces.map((p) => {
    if (typeof p !== 'string') return p;
    const text = lineEnd === 'mixed' ? p.replace(/\n/g, () => pick(r, ['\r\n', '\n', '\r\r\n', '\n'])) : p.replace(/\r?\n/g, lineEnd);
    return new TextEncoder().encode(text);
  });
  return concatBytes(chunks);
}

export function varietyMessage(seed: number): Uint8Array {
  const r = mulberry32(seed);
  const out: Piece[] = [];
  out.push('Return-Path: <a@x.example>\n', 'From: "Ann" <a@x.example>\n', 'To: b@y.example\n');
  out.push(`Subject: ${chance(r, 0.3) ? rfc2047('Grüße € résumé', r) : 'plain subject'}\n`, 'Date: Mon, 3 Jun 2024 10:00:00 +0000\n', 'MIME-Version: 1.0\n');
  if (chance(r, 0.1)) out.push('X-Bad-Header-Without-Colon\n');
  part({ r, depth: 0, boundaries: [] }, out);
  let bytes = join(out, r);
  if (chance(r, 0.08)) bytes = bytes.subarray(0, Math.floor(bytes.length * r()));
  if (chance(r, 0.04)) {
    bytes = bytes.slice();
    bytes[Math.floor(bytes.length * r())] = 0;
  }
  return bytes;
}

/** MIME lines that break structure when dropped anywhere: stray delimiters, odd Content-* values, bare CRs. */
const HOSTILE_LINES = [
  '--', '--b1', '--b1--', '--nested', '--nested--', '=', '\r', '', ' ', '\t', 'Content-Type: multipart/mixed; boundary=b1',
  'Content-Type: multipart/alternative; boundary="nested"', 'Content-Type: text/plain; charset=" utf-8 "', 'Content-Type: text/plain; charset=""',
  "Content-Type: text/plain; charset*=utf-8''x", 'Content-Type: multipart/mixed; boundary="b1"; boundary="b2"', 'Content-Type: multipart/mixed; boundary=""',
  'Content-Type: multipart/mixed', 'Content-Type: text', 'Content-Type: multipart/mixed; boundary="a\\"b"', 'Content-Type: multipart/mixed; boundary=(x) b1',
  'Content-Type: multipart/mixed; (unbalanced boundary=b1', 'Content-Type: text/html; charset=utf-8', '\uFEFFContent-Type: text/html',
  'Content-Type: multipart/mixed;\r\n boundary=b1', 'Content-Transfer-Encoding: base64', 'Content-Transfer-Encoding: quoted-printable',
  "Content-Disposition: attachment; filename*0*=utf-8''%C3%A9; filename*1=.txt", 'Content-Disposition: attachment; filename=a\\b.txt',
  'Content-Type: message/rfc822', 'Content-Type: multipart/digest; boundary=b1', 'Content-Type: text/plain; format=flowed; delsp=yes',
  'Content-Type: multipart/mixed; boundary=ü', '--ü', '--ü--', 'Content-type:text/plain;charset=iso-8859-1', 'CONTENT-TYPE : TEXT/HTML',
  'Content-Type: text/plain; name="=?utf-8?B?w6k=?="', 'TVqQAAMAAAA=', 'YWJj=ZGVm', '=C3=A9=', 'Content-Type: text/calendar; method=request',
];

export function mutatedMessage(seed: number): Uint8Array {
  const r = mulberry32(seed ^ 0x5a5a5a5a);
  const lines = Buffer.from(varietyMessage(seed)).toString('latin1').split('\n');
  for (let k = 1 + Math.floor(r() * 4); k > 0; k--) {
    const at = Math.floor(r() * lines.length);
    const op = Math.floor(r() * 5);
    if (op === 0) lines.splice(at, 1);
    else if (op === 1) lines.splice(at, 0, lines[Math.floor(r() * lines.length)] ?? '');
    else if (op === 2) lines.splice(at, 0, Buffer.from(pick(r, HOSTILE_LINES)).toString('latin1') + (chance(r, 0.7) ? '\r' : ''));
    else if (op === 3) {
      const line = lines[at] ?? '';
      const p = Math.floor(r() * (line.length + 1));
      lines[at] = line.slice(0, p) + String.fromCharCode(Math.floor(r() * 256)) + line.slice(p + 1);
    } else lines[at] = (lines[at] ?? '').replace(/\r$/, '');
  }
  return new Uint8Array(Buffer.from(lines.join('\n'), 'latin1'));
}
