/**
 * Issue 15: a hostile hMailServerBackup.xml nested far deeper than any backup is refused by the reader's
 * depth budget with a specific message (no stack overflow), while a real backup's nesting (IMAP folders many
 * levels deep) still loads; in a run, the rest of the evidence is still analysed and the damage is reported.
 */
import { describe, expect, it } from 'vitest';
import { BACKUP_XML_MAX_CHARS, BACKUP_XML_MAX_DEPTH, importHmBackupXml } from '../../../src/lib/database/importHmBackupXml.ts';
import { fileInput, nodeTriage } from '../../helpers/nodeTriage.ts';
import { emptyDb } from './dbTestKit.ts';

const DEPTH_REASON = `elements nested more than ${BACKUP_XML_MAX_DEPTH} deep (the backup XML reader's depth budget): not read, the rest of the evidence is analysed`;

/** A backup with one account whose INBOX has `levels` nested subfolders (two elements per level). */
function backupWithFolders(levels: number): string {
  const open = Array.from({ length: levels }, (_, i) => `<Folders><Folder Name="F${i}" Subscribed="1" CreateTime="2024-05-06 08:00:00" CurrentUID="0">`).join('');
  const close = '</Folder></Folders>'.repeat(levels);
  return `<Backup><BackupInformation Mode="15" Version="5.6.8-B2574"/><Domains><Domain Name="x.example" Active="1"><Accounts><Account Name="bob@x.example" Active="1">${open}${close}</Account></Accounts></Domain></Domains></Backup>`;
}

const hostile = (depth: number) => `<Backup>${'<Domains>'.repeat(depth)}${'</Domains>'.repeat(depth)}</Backup>`;

describe('hMailServerBackup.xml depth and size budgets', () => {
  it('refuses a file nested 200,000 deep with the budget named, without overflowing the stack', async () => {
    const db = await emptyDb();
    expect(importHmBackupXml(db, hostile(200_000))).toEqual([{ line: 0, statement: 'hMailServerBackup.xml', reason: DEPTH_REASON }]);
    expect(importHmBackupXml(await emptyDb(), hostile(BACKUP_XML_MAX_DEPTH + 1))[0]?.reason).toBe(DEPTH_REASON);
  });

  it('still reads a backup whose folders nest 60 levels deep', async () => {
    const db = await emptyDb();
    expect(importHmBackupXml(db, backupWithFolders(60))).toEqual([]);
    expect(db.exec('SELECT count(*) FROM hm_imapfolders')[0].values[0][0]).toBe(60);
  });

  it('refuses a file above the size budget before parsing it', async () => {
    const huge = { length: BACKUP_XML_MAX_CHARS + 1, replace: () => { throw new Error('parsed'); } } as unknown as string;
    expect(importHmBackupXml(await emptyDb(), huge)[0]?.reason).toBe(`${BACKUP_XML_MAX_CHARS + 1} characters, above the backup XML reader's budget of ${BACKUP_XML_MAX_CHARS}: not read`);
  });

  it('in a run: the deep backup is reported as damaged, and the log beside it is still analysed', async () => {
    const log = ['"SMTPD"\t4420\t7\t"2024-05-06 08:00:00.000"\t"203.0.113.9"\t"SENT: 220 mail ESMTP"', '"SMTPD"\t4420\t7\t"2024-05-06 08:00:01.000"\t"203.0.113.9"\t"RECEIVED: EHLO kali"']
      .map((l) => `${l}\r\n`)
      .join('');
    const { outcome } = await nodeTriage([
      fileInput('hMailServerBackup.xml', new TextEncoder().encode(hostile(50_000))),
      fileInput('hmailserver_2024-05-06.log', new TextEncoder().encode(log)),
    ]);
    expect(outcome.caseData.parseErrors.map((p) => p.reason)).toContain(`line 0: ${DEPTH_REASON} — hMailServerBackup.xml`);
    expect(outcome.caseData.logs.sessions).toHaveLength(1);
    const findings = JSON.parse(outcome.findingsJson).findings as { type: string; ref: { file?: string } }[];
    expect(findings.some((f) => f.type === 'parse-error' && f.ref.file === 'hMailServerBackup.xml')).toBe(true);
  }, 60_000);
});
