import { describe, expect, it } from 'vitest';
import { ANALYZERS, needMet, runAnalyzers } from '../../../src/lib/analyze/index.ts';
import { FINDING_TYPES } from '../../../src/lib/model/finding.ts';
import { compareFindings } from '../../../src/lib/model/compareFindings.ts';
import { attachment, buildCase, database, dbMessage, emptyLogs, guid, hop, mailboxPath, message, OPTIONS, range, setting } from './caseBuilder.ts';

describe('ANALYZERS registry', () => {
  it('is sorted by id with unique ids', () => {
    const ids = ANALYZERS.map((a) => a.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('covers every finding type of the contract exactly once', () => {
    const covered = ANALYZERS.flatMap((a) => a.findingTypes);
    expect([...covered].sort()).toEqual([...FINDING_TYPES].sort());
  });

  it('names each analyzer for its finding type', () => {
    for (const a of ANALYZERS) {
      const camel = a.findingTypes[0].replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
      expect(a.id).toBe(camel);
    }
  });
});

describe('runAnalyzers', () => {
  const spam = mailboxPath('bob@northwind.example', guid(0x5e000001));
  const invoice = mailboxPath('bob@northwind.example', guid(0xc7000002));
  const orphan = mailboxPath('alice@northwind.example', guid(0x61000003));
  const input = buildCase({
    database: database({
      settings: { ...setting('hostname', 0, 'mail.northwind.example'), ...setting('usespf', 0), ...setting('enableattachmentblocking', 0) },
      securityRanges: [range({ options: 1995 })],
      messages: [dbMessage(0x5e000001, { accountId: 2, folderId: 2, uid: 1 }), dbMessage(0xc7000002, { accountId: 2, folderId: 2, uid: 2 })],
    }),
    messages: [
      message(spam, { received: [hop({ from: '[203.0.113.50]', fromPtr: null, ip: '203.0.113.50' })], spam: { flagged: true, score: 5, reasons: [] } }),
      message(invoice, { attachments: [attachment({ filename: 'invoice.pdf.exe', contentType: 'application/pdf', detectedType: 'pe-executable' })] }),
      message(orphan),
    ],
  });

  it('returns findings sorted by type then ref, the same on every run', () => {
    const first = runAnalyzers(input, OPTIONS);
    expect(first).toEqual([...first].sort(compareFindings));
    expect(JSON.stringify(runAnalyzers(input, OPTIONS))).toBe(JSON.stringify(first));
    expect(first.map((f) => `${f.type} ${f.ref.message ?? f.ref.setting ?? ''}`)).toEqual([
      'attachment-blocking-disabled enableattachmentblocking',
      `blocked-attachment ${invoice}`,
      `content-type-mismatch ${invoice}`,
      `double-extension ${invoice}`,
      `helo-suspicious ${spam}`,
      'open-relay-range Internet',
      `orphan-file ${orphan}`,
      `spam-flagged ${spam}`,
      'spam-test-disabled usespf',
    ]);
  });

  it('runs only analyzers whose needs are met', () => {
    const noDb = buildCase({ messages: input.messages });
    const types = new Set(runAnalyzers(noDb, OPTIONS).map((f) => f.type));
    expect(types.has('orphan-file')).toBe(false);
    expect(types.has('open-relay-range')).toBe(false);
    expect(types.has('double-extension')).toBe(true);
    expect(runAnalyzers(buildCase(), OPTIONS)).toEqual([]);
  });

  it('knows what each need means', () => {
    expect(needMet(buildCase(), 'database')).toBe(false);
    expect(needMet(buildCase({ database: database() }), 'database')).toBe(true);
    expect(needMet(buildCase({ messages: [message(spam)] }), 'messages')).toBe(true);
    expect(needMet(buildCase({ logs: emptyLogs({ files: [{ path: 'a.log', lines: 1, unparsed: 0, first: null, last: null }] }) }), 'logs')).toBe(true);
    expect(needMet(buildCase(), 'logs')).toBe(false);
  });
});
