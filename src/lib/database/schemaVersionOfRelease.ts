/**
 * The database schema version (hm_dbversion) of an hMailServer release, from the version string its backup
 * records (BackupInformation/@Version = Application::GetVersionNumber, e.g. "5.6.8-B2574"). A running server
 * always has exactly Configuration::GetRequiredDBVersion (REQUIRED_DB_VERSION, Configuration.h): it refuses
 * any other. Only releases whose required version is one value for the whole line are listed
 * (shared/reference/hmailserver.md §2.1); for the others the backup cannot tell which minor schema it had.
 */
const REQUIRED_DB_VERSION: Record<string, number> = {
  '5.4': 5400,
  '5.6': 5601,
};

export function schemaVersionOfRelease(release: string): number | null {
  const m = /^\s*(\d+)\.(\d+)(?:[.\s-]|$)/.exec(release);
  return m ? (REQUIRED_DB_VERSION[`${Number(m[1])}.${Number(m[2])}`] ?? null) : null;
}
