/**
 * `server-stub-message`: a placeholder hMailServer wrote in place of a message whose file was missing when a
 * client fetched it (From Postmaster, Subject MESSAGE_UNDELIVERABLE "Message undeliverable", body
 * MESSAGE_FILE_MISSING; hmailserver.md §3.4), in the default wording or this server's customised one
 * (hm_servermessages). The original message is gone; the stub is a server artefact, not mail.
 */
import type { Finding } from '../model/finding.ts';
import type { Analyzer } from './analyzer.ts';
import { hasStubSubject, isPostmaster } from './support/serverStubSigns.ts';
import { serverMessagePattern } from './support/serverMessagePattern.ts';
import { serverMessageText } from './support/serverMessageText.ts';

/** The default MESSAGE_FILE_MISSING text around its %MACRO_FILE%. */
const MISSING_TEXT = /could not deliver the message to you since the file\s+(.+?)\s+does not exist on the server/is;

export const serverStubMessage: Analyzer = {
  id: 'serverStubMessage',
  findingTypes: ['server-stub-message'],
  needs: ['messages'],
  perMessage: true,
  run(caseData) {
    const customBody = serverMessagePattern(caseData.database, 'MESSAGE_FILE_MISSING');
    const customSubject = serverMessageText(caseData.database, 'MESSAGE_UNDELIVERABLE')?.trim().toLowerCase() || null;
    const findings: Finding[] = [];
    for (const m of caseData.messages) {
      if (!hasStubSubject(m, customSubject)) continue;
      const defaultBody = MISSING_TEXT.exec(m.text);
      const custom = defaultBody ? null : (customBody?.exec(m.text) ?? null);
      const template = defaultBody ? 'default' : custom ? 'customised' : null;
      // A customised body with no template on record (no database) has no known words; From Postmaster + the exact subject remain.
      if (!template && !isPostmaster(m)) continue;
      const missingFile = defaultBody?.[1] ?? (custom?.groups?.file?.trim() || null);
      findings.push({
        type: 'server-stub-message',
        severity: 'medium',
        ref: { message: m.path },
        summary: `${m.path} is a stub hMailServer wrote because the message file${missingFile ? ` ${missingFile}` : ''} did not exist when a client fetched it: the original message was deleted or quarantined outside hMailServer.`,
        details: { from: m.from?.address ?? null, fromName: m.from?.name ?? null, subject: m.subject, date: m.date, missingFile, matchedBody: template !== null, bodyTemplate: template },
      });
    }
    return findings;
  },
};
