/** hm_messages.messagetype (../shared/reference/hmailserver.md §2.4.1). */
const NAMES: Record<number, string> = { 0: 'created', 1: 'queue', 2: 'mailbox', 3: 'etrn-hold' };

export function messageTypeName(type: number): string {
  return NAMES[type] ?? `unknown (${type})`;
}
