/**
 * `size-mismatch`: the file's size differs from hm_messages.messagesize. hMailServer 5.6.x records the size
 * before local delivery prepends Return-Path (and Delivered-To) (hmailserver.md §6 item 6): a file larger by
 * exactly those lines is the server's own quirk (low); any other difference is not explained by it.
 */
import type { Finding, Severity } from '../model/finding.ts';
import type { ParsedMessage } from '../model/message.ts';
import type { Analyzer } from './analyzer.ts';

const TRACE_HEADERS = new Set(['return-path', 'delivered-to']);

/** Bytes of the Return-Path/Delivered-To lines at the top of the file, with CRLF and with bare-LF line ends. */
function traceHeaderBytes(message: ParsedMessage | undefined): { crlf: number; lf: number; lines: number } {
  const encoder = new TextEncoder();
  let bytes = 0;
  let lines = 0;
  for (const h of message?.headers ?? []) {
    if (!TRACE_HEADERS.has(h.name.toLowerCase())) break;
    bytes += encoder.encode(`${h.name}: ${h.value}`).length;
    lines++;
  }
  return { crlf: bytes + 2 * lines, lf: bytes + lines, lines };
}

export const sizeMismatch: Analyzer = {
  id: 'sizeMismatch',
  findingTypes: ['size-mismatch'],
  needs: ['database', 'messages'],
  run(caseData) {
    const fileSizes = new Map(caseData.inventory.map((e) => [e.path, e.size]));
    const messages = new Map(caseData.messages.map((m) => [m.path, m]));
    const findings: Finding[] = [];
    for (const link of caseData.links) {
      if (link.dbMessageId === null || link.dbSize === null) continue;
      const message = messages.get(link.path);
      const fileSize = fileSizes.get(link.path) ?? message?.size;
      if (fileSize === undefined || fileSize === link.dbSize) continue;
      const difference = fileSize - link.dbSize;
      const trace = traceHeaderBytes(message);
      const quirk = trace.lines > 0 && (difference === trace.crlf || difference === trace.lf);
      let severity: Severity;
      let summary: string;
      if (quirk) {
        severity = 'low';
        summary = `File ${link.path} is ${difference} bytes larger than the recorded messagesize (${link.dbSize}), exactly the Return-Path/Delivered-To lines hMailServer 5.6.x prepends at local delivery without updating the row: expected, not tampering.`;
      } else if (difference < 0 || link.dbSize < 0) {
        severity = 'high';
        summary = `File ${link.path} is ${fileSize} bytes but its database row records ${link.dbSize}: ${link.dbSize < 0 ? 'an impossible size, the row was edited' : 'bytes are missing from the file'}; no hMailServer behaviour explains it.`;
      } else {
        severity = 'medium';
        summary = `File ${link.path} is ${difference} bytes larger than the recorded messagesize (${link.dbSize}), more than the Return-Path/Delivered-To lines hMailServer adds (${trace.crlf} bytes): content was added after receipt.`;
      }
      findings.push({
        type: 'size-mismatch',
        severity,
        ref: { message: link.path },
        summary,
        details: {
          dbMessageId: link.dbMessageId,
          fileSize,
          dbSize: link.dbSize,
          difference,
          traceHeaderBytes: trace.crlf,
          explainedByTraceHeaders: quirk,
        },
      });
    }
    return findings;
  },
};
