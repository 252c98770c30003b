/** Test helpers: log text or bytes streamed through the real pipeline functions, in chunks of a chosen size. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogAccumulator, finishLogs, parseLogStream, type FinishLogsOptions } from '../../../src/lib/logs/logStream.ts';
import type { LogData } from '../../../src/lib/model/logEvent.ts';

export const LOG = 'hMailServer/Logs/hmailserver_2024-05-06.log';

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(__dirname, '../../fixtures/logs', name)));
}

/** windows-1252 for the ASCII range used in tests is plain Latin-1. */
export function ansi(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
}

/** UTF-16LE with a BOM before every line, as hMailServer 5.6 writes the events and backup logs. */
export function utf16WithBoms(lines: string[]): Uint8Array {
  const text = lines.map((l) => `\ufeff${l}\r\n`).join('');
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[2 * i] = text.charCodeAt(i) & 0xff;
    out[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
}

export function streamOf(bytes: Uint8Array, chunkSize = 64 * 1024): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + chunkSize));
      at += chunkSize;
    },
  });
}

/** Lines joined with CRLF and a final CRLF, as hMailServer writes them. */
export function crlf(lines: string[]): string {
  return lines.map((l) => `${l}\r\n`).join('');
}

export async function parseLogs(files: Record<string, string | Uint8Array>, chunkSize?: number, options?: FinishLogsOptions): Promise<LogData> {
  const acc = createLogAccumulator();
  for (const [path, content] of Object.entries(files)) {
    await parseLogStream(path, streamOf(typeof content === 'string' ? ansi(content) : content, chunkSize), acc);
  }
  return finishLogs(acc, options);
}

/** A protocol line in the exact hMailServer shape. */
export function protocolLine(type: string, session: number, time: string, ip: string, text: string, thread = 4420): string {
  return `"${type}"\t${thread}\t${session}\t"${time}"\t"${ip}"\t"${text}"`;
}

export function threadLine(type: string, time: string, text: string, thread = 4420): string {
  return `"${type}"\t${thread}\t"${time}"\t"${text}"`;
}

/** One SMTP AUTH LOGIN attempt as hMailServer logs it (user Base64, password masked) and its result. */
export function smtpAuthLogin(session: number, time: string, ip: string, user: string, ok: boolean): string[] {
  return [
    protocolLine('SMTPD', session, time, ip, 'SENT: 220 mail.northwind.example ESMTP'),
    protocolLine('SMTPD', session, time, ip, 'RECEIVED: EHLO kali'),
    protocolLine('SMTPD', session, time, ip, 'RECEIVED: AUTH LOGIN'),
    protocolLine('SMTPD', session, time, ip, 'SENT: 334 VXNlcm5hbWU6'),
    protocolLine('SMTPD', session, time, ip, `RECEIVED: ${btoa(user)}`),
    protocolLine('SMTPD', session, time, ip, 'SENT: 334 UGFzc3dvcmQ6'),
    protocolLine('SMTPD', session, time, ip, 'RECEIVED: ***'),
    protocolLine('SMTPD', session, time, ip, ok ? 'SENT: 235 authenticated.' : 'SENT: 535 Authentication failed. Restarting authentication process.'),
  ];
}

/** "2024-05-12 10:MM:SS.000" for a number of seconds after 10:00. */
export function at(seconds: number, day = 12): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `2024-05-${String(day).padStart(2, '0')} ${String(10 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:${String(s).padStart(2, '0')}.000`;
}
