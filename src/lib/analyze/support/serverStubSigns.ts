/**
 * Whether a message has the subject or sender of the stub hMailServer writes for a missing file
 * (hmailserver.md §3.4): only such messages need their body read by server-stub-message.
 */
import type { ParsedMessage } from '../../model/message.ts';

const STUB_SUBJECT = /^\s*message undeliverable\s*$/i;

export function isPostmaster(m: Pick<ParsedMessage, 'from'>): boolean {
  return /postmaster/i.test(m.from?.name ?? '') || /^postmaster(@|$)/i.test(m.from?.address ?? '');
}

/** @param customSubject this server's MESSAGE_UNDELIVERABLE text, trimmed and lower-cased, or null. */
export function hasStubSubject(m: Pick<ParsedMessage, 'subject'>, customSubject: string | null): boolean {
  return STUB_SUBJECT.test(m.subject) || m.subject.trim().toLowerCase() === customSubject;
}
