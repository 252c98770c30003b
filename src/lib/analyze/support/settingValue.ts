/** One hm_settings row by name, case-insensitively (names are written in mixed case, hmailserver.md §2.6). */
import type { DbSetting, HmailDatabase } from '../../model/hmailDatabase.ts';

export function settingValue(db: HmailDatabase | null, name: string): DbSetting | null {
  if (!db) return null;
  const exact = db.settings[name];
  if (exact) return exact;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(db.settings)) if (key.toLowerCase() === wanted) return value;
  return null;
}
