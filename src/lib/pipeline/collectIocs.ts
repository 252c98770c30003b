/** Case-wide indicators of compromise: each value once, with the messages it was seen in. */
import { compareStrings } from '../analyze/support/compareStrings.ts';
import { extractIocs } from '../mail/extractIocs.ts';
import type { ParsedMessage } from '../model/message.ts';
import type { StoredIoc } from '../store/storedCase.ts';

export function collectIocs(messages: ParsedMessage[]): StoredIoc[] {
  const byKey = new Map<string, StoredIoc>();
  for (const m of messages) {
    for (const ioc of m.iocs ?? extractIocs(m)) {
      const key = `${ioc.kind}\u0000${ioc.value}`;
      const seen = byKey.get(key);
      if (!seen) byKey.set(key, { kind: ioc.kind, value: ioc.value, messages: [m.path] });
      else if (seen.messages[seen.messages.length - 1] !== m.path) seen.messages.push(m.path);
    }
  }
  return [...byKey.values()].sort((a, b) => compareStrings(a.kind, b.kind) || compareStrings(a.value, b.value));
}
