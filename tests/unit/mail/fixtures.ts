/** Reads committed mail fixtures (tests/fixtures/mail) and builds small messages from strings, bytes and shared parts. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'mail');

export function fixtureBytes(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, relative)));
}

export function fixtureText(relative: string): string {
  return readFileSync(join(FIXTURES, relative), 'utf8');
}

/** Concatenates strings (written as UTF-8, bare LF turned into CRLF) and raw byte arrays. */
export function mail(...parts: (string | number[] | Uint8Array)[]): Uint8Array {
  return concatBytes(parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p.replace(/\r?\n/g, '\r\n')) : Uint8Array.from(p))));
}

/** The chunks one after another, in a buffer of their own. */
export function concatBytes(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

export const NO_HASHES = { md5: 'md5', sha256: 'sha256' };

/**
 * A forwarded message as a MIME part: message/rfc822 named original.eml, holding a text part and tool.exe (the
 * 8 bytes 4D 5A 90 00 03 00 00 00). Unclosed, its own closing boundary is missing: a truncation defect.
 */
export function attachedMessagePart(closed: boolean): string {
  return `Content-Type: message/rfc822
Content-Disposition: attachment; filename="original.eml"

From: b@y.example
Subject: original
Content-Type: multipart/mixed; boundary="inner"

--inner
Content-Type: text/plain

inner text
--inner
Content-Type: application/octet-stream; name="tool.exe"
Content-Disposition: attachment; filename="tool.exe"
Content-Transfer-Encoding: base64

TVqQAAMAAAA=
${closed ? '--inner--' : '--inner'}
`;
}
