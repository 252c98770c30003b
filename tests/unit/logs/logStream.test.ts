/** Streaming: decoding (windows-1252, UTF-16LE with a BOM per line), line ends, chunk boundaries, counting. */
import { describe, expect, it } from 'vitest';
import { createLineSplitter } from '../../../src/lib/logs/lineSplitter.ts';
import { MAX_LINE_CHARS } from '../../../src/lib/logs/logLimits.ts';
import { createLogAccumulator, finishLogs, parseLogStream } from '../../../src/lib/logs/logStream.ts';
import { ansi, crlf, fixtureBytes, LOG, parseLogs, protocolLine, streamOf, threadLine, utf16WithBoms } from './logText.ts';

function split(chunks: Uint8Array[]): { text: string; lineNo: number; overlong: boolean }[] {
  const lines: { text: string; lineNo: number; overlong: boolean }[] = [];
  const s = createLineSplitter((text, lineNo, overlong) => lines.push({ text, lineNo, overlong }));
  for (const c of chunks) s.push(c);
  s.end();
  return lines;
}

/** Every way of cutting `bytes` in two. */
function everySplit(bytes: Uint8Array): Uint8Array[][] {
  return Array.from({ length: bytes.length + 1 }, (_, i) => [bytes.slice(0, i), bytes.slice(i)]);
}

describe('createLineSplitter', () => {
  it('decodes ANSI logs as windows-1252 (é, €) and splits CRLF and LF alike', () => {
    const bytes = Uint8Array.from([0x61, 0xe9, 0x0d, 0x0a, 0x80, 0x0a, 0x62]);
    expect(split([bytes]).map((l) => l.text)).toEqual(['aé', '€', 'b']);
  });

  it('gives the same lines wherever a chunk boundary falls, in the middle of a line or of a CRLF', () => {
    const bytes = ansi(crlf(['first line', 'second line', 'third']));
    for (const chunks of everySplit(bytes)) expect(split(chunks).map((l) => l.text)).toEqual(['first line', 'second line', 'third']);
  });

  it('strips the BOM hMailServer writes before every UTF-16LE line, wherever a chunk boundary falls (even inside a code unit)', () => {
    const bytes = utf16WithBoms(['12\t"2024-05-06 09:00:00.125"\t"Zürich ✓"', '12\t"2024-05-06 09:00:01.000"\t"second"']);
    expect(bytes.slice(0, 2)).toEqual(Uint8Array.from([0xff, 0xfe]));
    for (const chunks of everySplit(bytes)) {
      expect(split(chunks).map((l) => l.text)).toEqual(['12\t"2024-05-06 09:00:00.125"\t"Zürich ✓"', '12\t"2024-05-06 09:00:01.000"\t"second"']);
    }
  });

  it('handles one-byte chunks', () => {
    const bytes = utf16WithBoms(['a', 'b']);
    expect(split(Array.from(bytes, (b) => Uint8Array.of(b))).map((l) => l.text)).toEqual(['a', 'b']);
  });

  it('numbers empty lines too (as the transcript view counts them) and keeps a last line without newline', () => {
    expect(split([ansi('a\r\n\r\nb')]).map((l) => [l.lineNo, l.text])).toEqual([[1, 'a'], [2, ''], [3, 'b']]);
  });

  it('cuts off a line longer than the limit without keeping it whole, and goes on counting', () => {
    const huge = 'x'.repeat(MAX_LINE_CHARS + 10);
    const bytes = ansi(`${huge}\nnext\n`);
    const lines = split(Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, i) => bytes.slice(i * 65536, (i + 1) * 65536)));
    expect(lines.map((l) => [l.lineNo, l.overlong, l.text.length])).toEqual([[1, true, 1000], [2, false, 4]]);
  });
});

describe('parseLogStream', () => {
  it('counts lines and unparsed lines per file and keeps the reason', async () => {
    const data = await parseLogs({
      [LOG]: crlf([threadLine('APPLICATION', '2024-05-06 08:00:00.000', 'Servers started.'), 'garbage', '', threadLine('TCPIP', '2024-05-06 09:00:00.000', 'TCP - 1.2.3.4 connected to 10.0.0.5:25.')]),
    });
    expect(data.files).toEqual([{ path: LOG, lines: 4, unparsed: 2, first: '2024-05-06 08:00:00.000', last: '2024-05-06 09:00:00.000' }]);
    expect(data.unparsed).toEqual([
      { file: LOG, lineNo: 2, text: 'garbage', reason: 'not an hMailServer log line' },
      { file: LOG, lineNo: 3, text: '', reason: 'empty line' },
    ]);
    expect(data.unparsedTotal).toBe(2);
  });

  it('reads a UTF-16LE events log and a backup log with per-line BOMs', async () => {
    const data = await parseLogs({
      'Logs/hmailserver_events.log': utf16WithBoms(['4711\t"2024-05-06 09:00:00.125"\t"OnAcceptMessage: rejected"']),
      'Logs/hmailserver_backup.log': utf16WithBoms(['2024-05-06 02:00:00.000\tBackup started', '2024-05-06 02:00:05.000\tBackup completed']),
    }, 3);
    expect(data.files.map((f) => [f.path, f.lines, f.unparsed])).toEqual([
      ['Logs/hmailserver_backup.log', 2, 0],
      ['Logs/hmailserver_events.log', 1, 0],
    ]);
  });

  it('parses the every-line-type fixture without an unparsed line, in 7-byte chunks', async () => {
    const data = await parseLogs({ [LOG]: fixtureBytes('every-line-type.log') }, 7);
    expect(data.unparsedTotal).toBe(0);
    expect(data.files[0].lines).toBe(27);
  });

  it('reports progress and stops on abort', async () => {
    const acc = createLogAccumulator();
    const seen: number[] = [];
    await parseLogStream(LOG, streamOf(ansi(crlf(['a', 'b', 'c'])), 4), acc, { onProgress: (b) => seen.push(b) });
    expect(seen).toEqual([4, 8, 9]);
    const controller = new AbortController();
    controller.abort();
    await expect(parseLogStream(LOG, streamOf(ansi('x\n')), acc, { signal: controller.signal })).rejects.toThrow(/Aborted/);
    expect(finishLogs(acc).files).toHaveLength(2);
  });

  it('rebuilds the same sessions with 1-byte chunks as with one chunk', async () => {
    const bytes = fixtureBytes('interleaved-sessions.log');
    const whole = await parseLogs({ [LOG]: bytes });
    const tiny = await parseLogs({ [LOG]: bytes }, 1);
    expect(tiny).toEqual(whole);
    expect(whole.sessions.length).toBe(3);
  });

  it('keeps protocol lines of unknown sessions apart per protocol', async () => {
    const data = await parseLogs({
      [LOG]: crlf([protocolLine('SMTPD', 5, '2024-05-06 09:00:00.000', '1.2.3.4', 'SENT: 220 x'), protocolLine('POP3D', 5, '2024-05-06 09:00:01.000', '1.2.3.4', 'SENT: +OK POP3')]),
    });
    expect(data.sessions.map((s) => s.key)).toEqual([`${LOG}#0#SMTPD#5`, `${LOG}#0#POP3D#5`]);
  });
});
