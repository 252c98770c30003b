/**
 * hMailServer.ini (../shared/reference/hmailserver.md §1.2): folders, database connection, the database
 * password decrypted when PasswordEncryption=1, and the administrator password hash with its scheme.
 */
import type { HmailIni } from '../model/hmailIni.ts';
import { blowfishDecrypt } from './blowfishDecrypt.ts';

/** The administrator hash by length, as hMailServer's Crypt::GetHashType decides: 32 = MD5, 70 = salted SHA-256. */
function adminPasswordScheme(hash: string): HmailIni['adminPasswordScheme'] {
  if (hash === '') return 'blank';
  if (/^[0-9a-fA-F]{32}$/.test(hash)) return 'md5';
  if (/^[0-9a-fA-F]{70}$/.test(hash)) return 'sha256-salted';
  return 'unknown';
}

export function parseIni(text: string, path: string): HmailIni {
  const raw: Record<string, Record<string, string>> = {};
  let section: Record<string, string> | null = null;
  for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith(';')) continue;
    const header = /^\[([^\]]*)\]/.exec(line);
    if (header) {
      const name = header[1].trim();
      // GetPrivateProfileString reads the first section and key of a name: later duplicates are ignored.
      const existing = Object.keys(raw).find((k) => k.toLowerCase() === name.toLowerCase());
      section = existing ? raw[existing] : (raw[name] = {});
      continue;
    }
    const eq = line.indexOf('=');
    if (!section || eq < 0) continue;
    const key = line.slice(0, eq).trim();
    if (!Object.keys(section).some((k) => k.toLowerCase() === key.toLowerCase())) section[key] = line.slice(eq + 1).trim();
  }

  const get = (sectionName: string, key: string): string => {
    const s = Object.entries(raw).find(([k]) => k.toLowerCase() === sectionName.toLowerCase())?.[1];
    if (!s) return '';
    return Object.entries(s).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1] ?? '';
  };

  const encrypted = get('Database', 'PasswordEncryption') === '1';
  const stored = get('Database', 'Password');
  const password = stored === '' ? null : encrypted ? blowfishDecrypt(stored) : stored;
  const port = get('Database', 'Port');
  const adminHash = get('Security', 'AdministratorPassword');

  return {
    path,
    dataFolder: get('Directories', 'DataFolder').replace(/\\+$/, ''),
    logFolder: get('Directories', 'LogFolder'),
    tempFolder: get('Directories', 'TempFolder'),
    databaseFolder: get('Directories', 'DatabaseFolder'),
    programFolder: get('Directories', 'ProgramFolder'),
    databaseType: get('Database', 'Type'),
    databaseServer: get('Database', 'Server'),
    databaseName: get('Database', 'Database'),
    databaseUser: get('Database', 'Username'),
    databasePort: /^\d+$/.test(port) ? Number(port) : null,
    databasePassword: password === '' ? null : password,
    databasePasswordEncrypted: encrypted,
    adminPasswordHash: adminHash,
    adminPasswordScheme: adminPasswordScheme(adminHash),
    archiveDir: get('Settings', 'ArchiveDir'),
    raw,
  };
}
