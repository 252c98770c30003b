/**
 * The Received hop the server itself wrote when it accepted the message: the topmost hop `by` one of its
 * names. Only that hop's IP is what the TCP peer really was; hops below it are the sender's claims.
 */
import type { ParsedMessage, ReceivedHop } from '../../model/message.ts';

export function serverReceivedHop(message: Pick<ParsedMessage, 'received'>, hostNames: Set<string>): ReceivedHop | null {
  if (hostNames.size === 0) return message.received[0] ?? null;
  return message.received.find((h) => h.by !== null && hostNames.has(h.by.trim().toLowerCase())) ?? null;
}
