/**
 * What a run keeps of a parsed message once its rows are in the case database: everything the case-wide
 * analyzers, the timeline and findings.json read, without the bulk (the header block, the body). The
 * header block is cut, in file order, to the trace headers hMailServer prepends (size-mismatch counts
 * them), X-AuthUser (relay-external-to-external) and Date (its written offset is evidence of the server's
 * zone); the body is kept only where server-stub-message may read it. Indicators are left out:
 * appendMessages wrote them to the case database.
 */
import type { ParsedMessage } from '../model/message.ts';

const TRACE_HEADERS = new Set(['return-path', 'delivered-to']);
const READ_HEADERS = new Set(['x-authuser', 'date']);

export function compactMessage(m: ParsedMessage, keepText: boolean): ParsedMessage {
  const leading = m.headers.findIndex((h) => !TRACE_HEADERS.has(h.name.toLowerCase()));
  const trace = leading < 0 ? m.headers : m.headers.slice(0, leading);
  const read = m.headers.filter((h) => READ_HEADERS.has(h.name.toLowerCase()));
  const { iocs: _written, ...kept } = m;
  return { ...kept, headers: [...trace, ...read], text: keepText ? m.text : '' };
}
