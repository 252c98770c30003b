// The Messages tab's SQL against a real case database (sql.js + CASE_SCHEMA): filters, search with
// wildcard characters, indicator and bookmark filters, sorting, and the message view's queries.
import type { Database } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { MessageIocs } from '../../src/ui/state/messageIocs.svelte.ts';
import { MessageTable } from '../../src/ui/state/messageTable.svelte.ts';
import { MessageView } from '../../src/ui/state/messageView.svelte.ts';
import { messageFilterFromNavigation } from '../../src/ui/queries/messages.ts';
import { uidGapMessages } from '../../src/ui/state/uidGapMessages.ts';
import type { TriageClient } from '../../src/ui/triageClient.ts';
import { emptyCaseDb, sqlClient } from './sqlClient.ts';

let db: Database;

function clientOf(database: Database): TriageClient {
  return sqlClient(database, {
    messageDetail: async (path: string) => ({ path, raw: new Uint8Array(), html: null, text: 'body', textFromHtml: false, mimeTree: [], attachments: [] }),
    setBookmark: async (path: string, tags: string, note: string) => {
      database.run('INSERT OR REPLACE INTO case_bookmarks VALUES (?, ?, ?, ?)', [path, tags, note, '2024-01-01T00:00:00Z']);
    },
    removeBookmark: async (path: string) => {
      database.run('DELETE FROM case_bookmarks WHERE path = ?', [path]);
    },
  });
}

const msg = (id: number, over: Record<string, string | number | null>) => {
  const base: Record<string, string | number | null> = {
    id, path: `Data/x.example/a/${id}.eml`, account: 'alice@x.example', folder: 'INBOX', date_utc: `2024-01-0${id}T10:00:00.000Z`,
    from_addr: 'bob@y.example', to_addrs: 'alice@x.example', subject: `Subject ${id}`, size: id * 1000, attachment_count: 0,
    indicators: '', max_severity: null, body_preview: 'hello', message_id: `<m${id}@y.example>`, thread_id: null, sha256: `h${id}`,
  };
  return { ...base, ...over };
};

beforeAll(async () => {
  db = await emptyCaseDb();
  const rows = [
    msg(1, { subject: 'Invoice 100% paid', attachment_count: 2, indicators: 'double-extension,spf-fail', max_severity: 'high', thread_id: 1 }),
    msg(2, { subject: 'Re: Invoice', body_preview: 'see the_file attached', indicators: 'spf-fail-soft', max_severity: 'low', thread_id: 1 }),
    msg(3, { account: 'carol@x.example', folder: 'Sent', subject: 'Lunch', message_id: '<m1@y.example>', sha256: 'h1' }),
    msg(4, { subject: 'Payroll', date_utc: '2024-02-01T00:00:00.000Z', from_addr: 'ceo@lookalike.example' }),
  ];
  for (const r of rows) {
    const cols = Object.keys(r);
    db.run(`INSERT INTO case_messages (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`, Object.values(r));
  }
  db.run("INSERT INTO case_bookmarks VALUES ('Data/x.example/a/2.eml', 'keep', '', '2024-01-01T00:00:00Z')");
  db.run(`UPDATE case_messages SET headers_json = '[["From","Bob <bob@y.example>"],["Subject","Invoice 100% paid"]]' WHERE id = 1`);
  db.run("INSERT INTO case_received VALUES (1, 0, 'a', NULL, '198.51.100.7', 'mx', 'ESMTP', '2024-01-01T10:00:00.000Z', -180, 'from a by mx'), (1, 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'garbage')");
  db.run("INSERT INTO case_findings VALUES (1, 'spf-fail', 'medium', 'Spam', 'SPF failed', 'Data/x.example/a/1.eml', NULL, NULL, NULL, NULL, '{}')");
  db.run("INSERT INTO case_iocs VALUES ('url', 'http://evil.example/x', 2, 'Data/x.example/a/1.eml\nData/x.example/a/3.eml'), ('domain', 'evil.example', 1, 'Data/x.example/a/11.eml')");
}, 30_000);

async function listed(table: MessageTable): Promise<string[]> {
  await table.rows.ensure(0, 99);
  return Array.from({ length: table.rows.total ?? 0 }, (_, i) => table.rows.rowAt(i)?.subject ?? '?');
}

async function withFilter(patch: Parameters<MessageTable['setFilter']>[0]): Promise<string[]> {
  const table = new MessageTable(clientOf(db));
  await table.open(1);
  table.setFilter(patch);
  await new Promise((r) => setTimeout(r, 0));
  return listed(table);
}

describe('Messages SQL on a real case database', () => {
  it('lists newest first by default', async () => {
    const table = new MessageTable(clientOf(db));
    await table.open(1);
    expect(await listed(table)).toEqual(['Payroll', 'Lunch', 'Re: Invoice', 'Invoice 100% paid']);
  });

  it('searches subject, addresses and body, with % and _ taken literally', async () => {
    expect(await withFilter({ search: '100%' })).toEqual(['Invoice 100% paid']);
    expect(await withFilter({ search: '0%' })).toEqual(['Invoice 100% paid']);
    expect(await withFilter({ search: 'the_file' })).toEqual(['Re: Invoice']);
    expect(await withFilter({ search: 'e_f' })).toEqual(['Re: Invoice']);
    expect(await withFilter({ search: 'lookalike' })).toEqual(['Payroll']);
    expect(await withFilter({ search: '_' })).toEqual(['Re: Invoice']);
  });

  it('matches a whole indicator, not a prefix of another', async () => {
    expect(await withFilter({ indicator: 'spf-fail' })).toEqual(['Invoice 100% paid']);
  });

  it('an indicator whose findings name a folder, not a message (uid-gap), lists that folder of that account', async () => {
    const gap = await emptyCaseDb();
    for (const r of [msg(1, { subject: 'In the gap folder' }), msg(2, { folder: 'Sent', subject: 'Other folder' }), msg(3, { account: 'carol@x.example', subject: 'Other account' })]) {
      const cols = Object.keys(r);
      gap.run(`INSERT INTO case_messages (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`, Object.values(r));
    }
    gap.run(`INSERT INTO case_findings VALUES (1, 'uid-gap', 'low', 'Integrity', 'UID 5 missing', NULL, 'ALICE@x.example', NULL, NULL, NULL, '{"folder":"INBOX","missing":[5]}')`);
    gap.run(`INSERT INTO case_findings VALUES (2, 'parse-error', 'low', 'Integrity', 'bad dump', NULL, NULL, NULL, 'dump.sql', NULL, 'not json')`);
    const table = new MessageTable(clientOf(gap));
    await table.open(1);
    table.setFilter({ indicator: 'uid-gap' });
    await new Promise((r) => setTimeout(r, 0));
    expect(await listed(table)).toEqual(['In the gap folder']);
    expect(table.facets.indicators).toEqual(['uid-gap']);
  });

  it('a uid-gap finding opens the messages of its account and folder on either side of each hole', async () => {
    const gap = await emptyCaseDb();
    const rows = [
      ...[1, 2, 3, 7, 8, 10].map((uid) => msg(uid, { uid, subject: `alice INBOX ${uid}` })),
      msg(11, { uid: 3, folder: 'Sent', subject: 'alice Sent 3' }),
      msg(12, { uid: 7, account: 'carol@x.example', subject: 'carol INBOX 7' }),
    ];
    for (const r of rows) {
      const cols = Object.keys(r);
      gap.run(`INSERT INTO case_messages (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`, Object.values(r));
    }
    const finding = { type: 'uid-gap', ref: { account: 'alice@x.example' }, details: { folder: 'INBOX', ranges: ['4-6', '9', '11-12'] } };
    const navigation = uidGapMessages(finding);
    expect(navigation).toEqual({ account: 'alice@x.example', folder: 'INBOX', uids: [3, 7, 8, 10, 13] });
    const table = new MessageTable(clientOf(gap));
    await table.open(1);
    table.replaceFilter(messageFilterFromNavigation(navigation!));
    await new Promise((r) => setTimeout(r, 0));
    expect((await listed(table)).sort()).toEqual(['alice INBOX 10', 'alice INBOX 3', 'alice INBOX 7', 'alice INBOX 8']);
  });

  it('filters by account, folder, dates, attachments, bookmarks and a path list', async () => {
    expect(await withFilter({ account: 'CAROL@x.example' })).toEqual(['Lunch']);
    expect(await withFilter({ folder: 'Sent' })).toEqual(['Lunch']);
    expect(await withFilter({ dateFrom: '2024-01-02', dateTo: '2024-01-03' })).toEqual(['Lunch', 'Re: Invoice']);
    expect(await withFilter({ hasAttachments: true })).toEqual(['Invoice 100% paid']);
    expect(await withFilter({ bookmarked: true })).toEqual(['Re: Invoice']);
    expect(await withFilter({ tag: 'keep' })).toEqual(['Re: Invoice']);
    expect(await withFilter({ tag: 'kee' }), 'a whole tag, not a prefix').toEqual([]);
    expect(await withFilter({ tag: '%' }), 'LIKE wildcards are literal').toEqual([]);
    expect(await withFilter({ paths: ['Data/x.example/a/4.eml', 'Data/x.example/a/1.eml'] })).toEqual(['Payroll', 'Invoice 100% paid']);
  });

  it('sorts by severity and by size', async () => {
    const table = new MessageTable(clientOf(db));
    await table.open(1);
    table.setSort('severity', 'desc');
    await new Promise((r) => setTimeout(r, 0));
    expect((await listed(table))[0]).toBe('Invoice 100% paid');
    table.setSort('size', 'asc');
    await new Promise((r) => setTimeout(r, 0));
    expect(await listed(table)).toEqual(['Invoice 100% paid', 'Re: Invoice', 'Lunch', 'Payroll']);
  });

  it('reads the message view: headers, hops, findings, IOCs, thread, duplicates, bookmark', async () => {
    const view = new MessageView(clientOf(db));
    await view.open('Data/x.example/a/1.eml');
    expect(view.error).toBeNull();
    expect(view.headers.map((h) => h.name)).toEqual(['From', 'Subject']);
    expect(view.received.map((h) => h.delay_seconds)).toEqual([-180, null]);
    expect(view.received[1].raw).toBe('garbage');
    expect(view.findings.map((f) => f.type)).toEqual(['spf-fail']);
    expect(view.iocs.map((i) => i.value)).toEqual(['http://evil.example/x']);
    expect(view.relatives.thread.map((r) => r.path)).toEqual(['Data/x.example/a/2.eml']);
    expect(view.relatives.sameMessageId.map((r) => r.path)).toEqual(['Data/x.example/a/3.eml']);
    expect(view.relatives.sameBytes.map((r) => r.path)).toEqual(['Data/x.example/a/3.eml']);
    expect(view.bookmark).toBeNull();
    await view.saveBookmark('phish', 'note');
    expect(view.bookmark).toEqual({ tags: 'phish', note: 'note', created: '2024-01-01T00:00:00Z' });
    await view.removeBookmark();
    expect(view.bookmark).toBeNull();
  });

  it('finds IOCs of a message by whole path only', async () => {
    const view = new MessageView(clientOf(db));
    await view.open('Data/x.example/a/1.eml');
    expect(view.iocs.map((i) => i.value)).not.toContain('evil.example');
  });

  it('pages and exports the case-wide IOC table', async () => {
    const iocs = new MessageIocs(clientOf(db));
    await iocs.open(1);
    expect(iocs.rows.total).toBe(2);
    expect(iocs.rows.rowAt(0)?.messages).toEqual(['Data/x.example/a/1.eml', 'Data/x.example/a/3.eml']);
    iocs.setFilter({ kind: 'domain' });
    expect((await iocs.allRows()).map((r) => r.value)).toEqual(['evil.example']);
  });
});
