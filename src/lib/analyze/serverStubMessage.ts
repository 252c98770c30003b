/**
 * `server-stub-message`: a placeholder hMailServer wrote in place of a message whose file was missing when a
 * client fetched it (From Postmaster, Subject "Message undeliverable", MESSAGE_FILE_MISSING body;
 * hmailserver.md §3.4). The original message is gone; the stub is a server artefact, not mail.
 */
import type { Finding } from '../model/finding.ts';
import type { ParsedMessage } from '../model/message.ts';
import type { Analyzer } from './analyzer.ts';

/** The default MESSAGE_FILE_MISSING text around its %MACRO_FILE%. */
const MISSING_TEXT = /could not deliver the message to you since the file\s+(.+?)\s+does not exist on the server/is;
const STUB_SUBJECT = /^\s*message undeliverable\s*$/i;

function isPostmaster(m: ParsedMessage): boolean {
  return /postmaster/i.test(m.from?.name ?? '') || /^postmaster(@|$)/i.test(m.from?.address ?? '');
}

export const serverStubMessage: Analyzer = {
  id: 'serverStubMessage',
  findingTypes: ['server-stub-message'],
  needs: ['messages'],
  run(caseData) {
    const findings: Finding[] = [];
    for (const m of caseData.messages) {
      if (!STUB_SUBJECT.test(m.subject)) continue;
      const body = MISSING_TEXT.exec(m.text);
      // A customised MESSAGE_FILE_MISSING template loses the fixed words; From Postmaster + the exact subject remain.
      if (!body && !isPostmaster(m)) continue;
      const missingFile = body ? body[1] : null;
      findings.push({
        type: 'server-stub-message',
        severity: 'medium',
        ref: { message: m.path },
        summary: `${m.path} is a stub hMailServer wrote because the message file${missingFile ? ` ${missingFile}` : ''} did not exist when a client fetched it: the original message was deleted or quarantined outside hMailServer.`,
        details: { from: m.from?.address ?? null, fromName: m.from?.name ?? null, subject: m.subject, date: m.date, missingFile, matchedBody: body !== null },
      });
    }
    return findings;
  },
};
