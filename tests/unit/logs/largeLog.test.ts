/**
 * A generated 200,000-line log, produced chunk by chunk while it is read (never whole in memory): every line
 * is counted, unparsed samples stay bounded, and sessions are rebuilt.
 */
import { describe, expect, it } from 'vitest';
import { MAX_UNPARSED_SAMPLES } from '../../../src/lib/logs/logLimits.ts';
import { createLogAccumulator, finishLogs, parseLogStream } from '../../../src/lib/logs/logStream.ts';
import { ansi, LOG, protocolLine } from './logText.ts';

const LINES = 200_000;
const LINES_PER_CHUNK = 997;

/** Line i: even lines are SMTPD lines of session i/4 (two per session), odd lines are garbage. */
function line(i: number): string {
  if (i % 2 === 1) return `garbage line ${i} \u0001\u0002`;
  const session = Math.floor(i / 4) + 1;
  const text = i % 4 === 0 ? `RECEIVED: EHLO host${session}` : 'SENT: 250 OK';
  return protocolLine('SMTPD', session, '2024-05-06 10:00:00.000', `10.0.${(session >> 8) & 255}.${session & 255}`, text);
}

function generated(): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next >= LINES) return controller.close();
      let text = '';
      for (let n = 0; n < LINES_PER_CHUNK && next < LINES; n++, next++) text += `${line(next)}\r\n`;
      // Two chunks per pull, cut a third of the way in: chunk boundaries fall in the middle of lines.
      const bytes = ansi(text);
      const cut = Math.floor(bytes.length / 3);
      controller.enqueue(bytes.slice(0, cut));
      controller.enqueue(bytes.slice(cut));
    },
  });
}

describe('a 200,000-line log, streamed', () => {
  it('counts every line, keeps at most MAX_UNPARSED_SAMPLES samples, and rebuilds every session', async () => {
    const acc = createLogAccumulator();
    let chunks = 0;
    await parseLogStream(LOG, generated(), acc, { onProgress: () => chunks++ });
    expect(acc.unparsed.length).toBe(MAX_UNPARSED_SAMPLES);
    const data = finishLogs(acc);
    expect(chunks).toBe(2 * Math.ceil(LINES / LINES_PER_CHUNK));
    expect(data.files).toEqual([{ path: LOG, lines: LINES, unparsed: LINES / 2, first: '2024-05-06 10:00:00.000', last: '2024-05-06 10:00:00.000' }]);
    expect(data.unparsedTotal).toBe(LINES / 2);
    expect(data.unparsed).toHaveLength(MAX_UNPARSED_SAMPLES);
    expect(data.unparsed[0]).toEqual({ file: LOG, lineNo: 2, text: 'garbage line 1 \u0001\u0002', reason: 'not an hMailServer log line' });
    expect(data.sessions).toHaveLength(LINES / 4);
    expect(data.sessions.every((s) => s.lineCount === 2 && s.lastLine - s.firstLine === 2)).toBe(true);
  }, 60_000);
});
