/** hm_messages.messageflags as words (hmailserver.md §2.4.2): "seen, recent"; empty for no flags or none known. */
import { decodeMessageFlags } from '../database/decodeMessageFlags.ts';

export function formatMessageFlags(flags: number | null): string {
  if (flags === null || !Number.isFinite(flags)) return '';
  return decodeMessageFlags(flags).join(', ');
}
