/** Hash sets over a whole case: files and attachments matched by MD5, SHA-1 or SHA-256, findings for known-bad sets. */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseDbService } from '../../../src/lib/store/caseDbService.ts';
import { fileInput, nodeTriage } from '../../helpers/nodeTriage.ts';

const payload = 'MZ pretend executable';
const hex = (algo: string, data: string | Uint8Array) => createHash(algo).update(data).digest('hex');

function withAttachment(subject: string, attachment: string): Uint8Array {
  return new TextEncoder().encode([
    'From: a@example.org', 'To: b@example.net', `Subject: ${subject}`, 'Date: Tue, 7 May 2024 10:00:00 +0000', 'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary=b', '', '--b', 'Content-Type: text/plain', '', 'see attached',
    '--b', 'Content-Type: application/octet-stream; name=tool.exe', 'Content-Disposition: attachment; filename=tool.exe',
    'Content-Transfer-Encoding: base64', '', Buffer.from(attachment).toString('base64'), '--b--', ''].join('\r\n'));
}

describe('hash sets over a case', () => {
  let caseDb: CaseDbService;
  const plain = new TextEncoder().encode('From: a@example.org\r\nSubject: plain\r\n\r\nhello\r\n');
  beforeAll(async () => {
    ({ caseDb } = await nodeTriage([fileInput('bad.eml', withAttachment('tool', payload)), fileInput('plain.eml', plain)]));
  }, 60_000);

  const rows = async (sql: string) => (await caseDb.consoleQuery(sql)).rows;

  it('keeps MD5, SHA-1 and SHA-256 of files and attachments in the case', async () => {
    expect(await rows("SELECT md5, sha1, sha256 FROM case_inventory WHERE path = 'plain.eml'")).toEqual([[hex('md5', plain), hex('sha1', plain), hex('sha256', plain)]]);
    expect(await rows('SELECT md5, sha1, sha256 FROM case_attachments')).toEqual([[hex('md5', payload), hex('sha1', payload), hex('sha256', payload)]]);
  });

  it('turns a known-bad match into a finding naming its set', async () => {
    const list = new Blob([`# feed\r\n${hex('sha1', payload).toUpperCase()}\r\n${'0'.repeat(64)}\r\n`]);
    expect(await caseDb.loadHashSet('feed.txt', 'bad', list, '2025-01-01T00:00:00Z')).toEqual({
      name: 'feed.txt', verdict: 'bad', format: 'plain', hashes: 2, skipped: 0, hits: 1,
    });
    expect(await rows("SELECT type, severity, category, ref_message, summary, details FROM case_findings WHERE type = 'hash-set-match'")).toEqual([[
      'hash-set-match', 'high', 'Attachments', 'bad.eml',
      `Attachment "tool.exe" of bad.eml matches the known-bad hash set "feed.txt" (SHA-1 ${hex('sha1', payload)}).`,
      JSON.stringify({ set: 'feed.txt', algo: 'sha1', hash: hex('sha1', payload), attachment: 'tool.exe' }),
    ]]);
  });

  it('replaces a set loaded again under its name, and removes it with its findings', async () => {
    await caseDb.loadHashSet('feed.txt', 'bad', new Blob([`md5\n${hex('md5', payload)}\n`]), '2025-01-02T00:00:00Z');
    expect(await rows("SELECT algo, path, attachment FROM case_hash_hits WHERE set_name = 'feed.txt'")).toEqual([['md5', 'bad.eml', 'tool.exe']]);
    expect(await rows("SELECT count(*) FROM case_findings WHERE type = 'hash-set-match'")).toEqual([[1]]);
    await caseDb.removeHashSet('feed.txt');
    expect(await rows("SELECT count(*) FROM case_findings WHERE type = 'hash-set-match'")).toEqual([[0]]);
    expect(await rows('SELECT count(*) FROM case_hash_sets')).toEqual([[0]]);
  });

  it('records known-good matches of whole files without findings', async () => {
    const nsrl = `"SHA-1","MD5","CRC32","FileName","FileSize","ProductCode","OpSystemCode","SpecialCode"\r\n"${hex('sha1', plain).toUpperCase()}","${hex('md5', plain).toUpperCase()}","0","plain.eml",1,1,"1",""\r\n`;
    expect(await caseDb.loadHashSet('NSRLFile.txt', 'good', new Blob([nsrl]), '2025-01-01T00:00:00Z')).toMatchObject({ format: 'nsrl-rds', hashes: 2, hits: 2 });
    expect(await rows("SELECT DISTINCT verdict, path, attachment FROM case_hash_hits WHERE set_name = 'NSRLFile.txt'")).toEqual([['good', 'plain.eml', null]]);
    expect(await rows("SELECT count(*) FROM case_findings WHERE type = 'hash-set-match'")).toEqual([[0]]);
  });
});
