/** One hm_servermessages template by name, case-insensitively as hMailServer looks it up; null when absent. */
import type { HmailDatabase } from '../../model/hmailDatabase.ts';

export function serverMessageText(db: HmailDatabase | null, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const [key, text] of Object.entries(db?.serverMessages ?? {})) if (key.toLowerCase() === wanted) return text;
  return null;
}
