import { describe, expect, it } from 'vitest';
import { parseIni } from '../../../src/lib/database/parseIni.ts';
import { sdfNotice } from '../../../src/lib/database/sdfNotice.ts';

const MAILING_INI = [
  '[Directories]',
  'ProgramFolder=C:\\Program Files (x86)\\hMailServer',
  'DatabaseFolder=C:\\Program Files (x86)\\hMailServer\\Database',
  'DataFolder=C:\\Program Files (x86)\\hMailServer\\Data\\',
  'LogFolder=C:\\Program Files (x86)\\hMailServer\\Logs',
  'TempFolder=C:\\Program Files (x86)\\hMailServer\\Temp',
  '[Security]',
  'AdministratorPassword=841bb5acfa6779ae432fd7a4e6600ba7',
  '[Database]',
  'Type=MSSQLCE',
  'Username=',
  'Password=0a9f8ad8bf896b501dde74f08efd7e4c',
  'PasswordEncryption=1',
  'Port=0',
  'Server=',
  'Database=hMailServer',
  'Internal=1',
  '[Settings]',
  'ArchiveDir=D:\\Archive',
  '[database]',
  'Type=MYSQL',
].join('\r\n');

describe('parseIni', () => {
  it('reads folders, connection, the decrypted database password and the admin hash scheme', () => {
    const ini = parseIni(`\uFEFF${MAILING_INI}`, 'hMailServer/Bin/hMailServer.ini');
    expect(ini).toMatchObject({
      path: 'hMailServer/Bin/hMailServer.ini',
      dataFolder: 'C:\\Program Files (x86)\\hMailServer\\Data',
      logFolder: 'C:\\Program Files (x86)\\hMailServer\\Logs',
      databaseType: 'MSSQLCE',
      databaseName: 'hMailServer',
      databasePort: 0,
      databasePassword: '6FC6F69152AD',
      databasePasswordEncrypted: true,
      adminPasswordHash: '841bb5acfa6779ae432fd7a4e6600ba7',
      adminPasswordScheme: 'md5',
      archiveDir: 'D:\\Archive',
    });
    expect(ini.raw.Database.Internal).toBe('1');
    expect(ini.raw.database).toBeUndefined();
  });

  it('keeps a plain password, detects salted SHA-256 admin hashes and blank ones', () => {
    const salted = `3f9a1c${'a'.repeat(64)}`;
    const ini = parseIni(`[Database]\nPassword=s3cret\nPasswordEncryption=0\n[Security]\nAdministratorPassword=${salted}`, 'x.ini');
    expect([ini.databasePassword, ini.databasePasswordEncrypted, ini.adminPasswordScheme, ini.databasePort]).toEqual(['s3cret', false, 'sha256-salted', null]);
    expect(parseIni('[Database]\nPassword=\n', 'y.ini')).toMatchObject({ databasePassword: null, adminPasswordScheme: 'blank' });
    expect(parseIni('[Database]\nPassword=zz\nPasswordEncryption=1', 'z.ini').databasePassword).toBeNull();
  });
});

describe('sdfNotice', () => {
  it('says how to export the .sdf and that the password was decrypted, without the password itself', () => {
    const notice = sdfNotice(parseIni(MAILING_INI, 'Bin/hMailServer.ini'));
    expect(notice).toContain('ExportSqlCE40.exe');
    expect(notice).toContain('SQL Server Compact Toolbox');
    expect(notice).toContain('The database password was decrypted from Bin/hMailServer.ini');
    expect(notice).not.toContain('6FC6F69152AD');
  });

  it('without an ini, says where the password is', () => {
    expect(sdfNotice(null)).toMatch(/No hMailServer.ini was provided/);
  });
});
