/**
 * Bytes of a log file to numbered lines, chunk by chunk: ANSI logs as windows-1252, UTF-16LE logs (BOM FF FE)
 * with the BOM hMailServer 5.6 writes before every line removed (hmailserver.md §4.1). Lines end at LF (a CR
 * before it is dropped), numbered as the transcript view numbers them. Only the unfinished last line is carried.
 */
import { MAX_LINE_CHARS, MAX_UNPARSED_SAMPLE_CHARS } from './logLimits.ts';

export interface LineSplitter {
  push(chunk: Uint8Array): void;
  end(): void;
}

/** `overlong`: the line exceeded MAX_LINE_CHARS; `text` is then only its beginning. */
export type LineHandler = (text: string, lineNo: number, overlong: boolean) => void;

export function createLineSplitter(onLine: LineHandler): LineSplitter {
  let decoder: TextDecoder | null = null;
  let head = new Uint8Array(0);
  let carry = '';
  let overlongStart: string | null = null;
  let lineNo = 0;

  const complete = (rest: string) => {
    if (overlongStart !== null) {
      onLine(overlongStart, ++lineNo, true);
      overlongStart = null;
    } else {
      const line = carry === '' ? rest : carry + rest;
      carry = '';
      if (line.length > MAX_LINE_CHARS) onLine(line.slice(0, MAX_UNPARSED_SAMPLE_CHARS), ++lineNo, true);
      else onLine(line.endsWith('\r') ? line.slice(0, -1) : line, ++lineNo, false);
    }
  };

  const keep = (rest: string) => {
    if (overlongStart !== null || rest === '') return;
    carry = carry === '' ? rest : carry + rest;
    if (carry.length > MAX_LINE_CHARS) {
      overlongStart = carry.slice(0, MAX_UNPARSED_SAMPLE_CHARS);
      carry = '';
    }
  };

  const feed = (decoded: string) => {
    const text = decoded.includes('\ufeff') ? decoded.replaceAll('\ufeff', '') : decoded;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      complete(text.slice(start, nl));
      start = nl + 1;
    }
    keep(start === 0 ? text : text.slice(start));
  };

  const detect = (bytes: Uint8Array): TextDecoder =>
    new TextDecoder(bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : 'windows-1252');

  return {
    push(chunk) {
      if (!decoder) {
        const joined = new Uint8Array(head.length + chunk.length);
        joined.set(head);
        joined.set(chunk, head.length);
        if (joined.length < 2) {
          head = joined;
          return;
        }
        decoder = detect(joined);
        head = new Uint8Array(0);
        feed(decoder.decode(joined, { stream: true }));
        return;
      }
      feed(decoder.decode(chunk, { stream: true }));
    },
    end() {
      if (decoder) feed(decoder.decode());
      else if (head.length > 0) feed(detect(head).decode(head));
      head = new Uint8Array(0);
      if (overlongStart !== null || carry !== '') complete('');
    },
  };
}
