import { describe, expect, it } from 'vitest';
import { exportSqlCeCommands } from '../../src/ui/exportSqlCeCommands.ts';

describe('exportSqlCeCommands', () => {
  it('fills in the file and the password for both dialects of the SQL CE 4.0 tool', () => {
    expect(exportSqlCeCommands('hMailServer/Database/hMailServer.sdf', '6FC6F69152AD', '4.0')).toEqual({
      sqlCe: 'ExportSqlCE40.exe "Data Source=hMailServer.sdf;Password=6FC6F69152AD" hMailServer.sql',
      sqlite: 'ExportSqlCE40.exe "Data Source=hMailServer.sdf;Password=6FC6F69152AD" hMailServer-sqlite.sql sqlite',
      sqlite3: 'sqlite3 hMailServer.sqlite < hMailServer-sqlite.sql',
      hash: 'certutil -hashfile "hMailServer.sdf" SHA256',
    });
  });

  it('uses ExportSqlCE.exe for SQL CE 3.5 and the base name of a Windows path', () => {
    expect(exportSqlCeCommands('C:\\case\\old.sdf', 'x', '3.5').sqlCe).toBe('ExportSqlCE.exe "Data Source=old.sdf;Password=x" old.sql');
  });

  it('quotes a password with separators and quotes so the connection string and the command line read it back', () => {
    expect(exportSqlCeCommands('db.sdf', 'a;b', '4.0').sqlCe).toBe(`ExportSqlCE40.exe "Data Source=db.sdf;Password='a;b'" db.sql`);
    expect(exportSqlCeCommands('db.sdf', `it's "x"`, '4.0').sqlCe).toBe(String.raw`ExportSqlCE40.exe "Data Source=db.sdf;Password=\"it's \"\"x\"\"\"" db.sql`);
  });

  it('leaves a placeholder for an unknown password and no Password for a database without one', () => {
    expect(exportSqlCeCommands('db.sdf', null, '4.0').sqlCe).toBe('ExportSqlCE40.exe "Data Source=db.sdf;Password=<database password>" db.sql');
    expect(exportSqlCeCommands('db.sdf', '', '4.0').sqlCe).toBe('ExportSqlCE40.exe "Data Source=db.sdf" db.sql');
  });
});
