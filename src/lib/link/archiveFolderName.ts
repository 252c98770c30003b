/** Lower-case last segment of the ini's ArchiveDir (hmailserver.md §3.6), or null when archiving is off. */
import type { HmailIni } from '../model/hmailIni.ts';
import { baseName } from './baseName.ts';

export function archiveFolderName(ini: HmailIni | null): string | null {
  const dir = ini?.archiveDir.trim() ?? '';
  return dir ? (baseName(dir)?.toLowerCase() ?? null) : null;
}
