/** hMailServer.ini as an examiner needs it (../shared/reference/hmailserver.md §1.2). */
export interface HmailIni {
  path: string;
  dataFolder: string;
  logFolder: string;
  tempFolder: string;
  databaseFolder: string;
  programFolder: string;
  databaseType: string;
  databaseServer: string;
  databaseName: string;
  databaseUser: string;
  databasePort: number | null;
  /** Decrypted when PasswordEncryption=1; null when there is none or it cannot be decrypted. */
  databasePassword: string | null;
  databasePasswordEncrypted: boolean;
  adminPasswordHash: string;
  adminPasswordScheme: 'md5' | 'sha256-salted' | 'blank' | 'unknown';
  archiveDir: string;
  /** Every [Section] key=value, section names and keys as written. */
  raw: Record<string, Record<string, string>>;
}
