/** Folder names that can be the root of hMailServer's message store in the evidence (hmailserver.md §3.1, §5). */
import type { HmailIni } from '../model/hmailIni.ts';
import { baseName } from './baseName.ts';

/**
 * Lower-case names: `data` (the default), `databackup` (the built-in backup's copy of the store) and the
 * last segment of the ini's DataFolder when the examiner's server used another one.
 */
export function dataFolderNames(ini: HmailIni | null): string[] {
  const names = new Set(['data', 'databackup']);
  const configured = ini ? baseName(ini.dataFolder) : null;
  if (configured) names.add(configured.toLowerCase());
  return [...names];
}
