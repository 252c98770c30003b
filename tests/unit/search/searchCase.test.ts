/**
 * The search syntax over a whole case: the index for words, the stored text for phrases, scopes and
 * regexes, and possible hits where a phrase may lie beyond the stored beginning of a body.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BODY_PREVIEW_CHARS } from '../../../src/lib/store/bodyPreviewChars.ts';
import type { CaseDbService } from '../../../src/lib/store/caseDbService.ts';
import { fileInput, nodeTriage } from '../../helpers/nodeTriage.ts';

function eml(id: string, subject: string, body: string, extraHeaders = ''): Uint8Array {
  const head = `From: Alice <alice@example.org>\r\nTo: bob@example.net\r\nSubject: ${subject}\r\nDate: Tue, 7 May 2024 10:00:00 +0000\r\n` +
    `Message-ID: <${id}@example.org>\r\n${extraHeaders}\r\n`;
  return new TextEncoder().encode(head + body);
}

describe('search syntax over a case', () => {
  let caseDb: CaseDbService;
  const long = 'filler '.repeat(BODY_PREVIEW_CHARS / 4);
  beforeAll(async () => {
    ({ caseDb } = await nodeTriage([
      fileInput('a.eml', eml('a', 'Invoice overdue', 'Please wire the money today.', 'Received: from mx.evil.example ([203.0.113.9]) by mail.example.org\r\n')),
      fileInput('b.eml', eml('b', 'Lunch', 'The money is on the wire, said nobody.')),
      fileInput('c.eml', eml('c', 'Report', `${long} wire the money`)),
      fileInput('d.eml', eml('d', 'Invoice copy', 'Order INV-2024-0042 attached.')),
      fileInput('e.eml', eml('e', '=HYPERLINK("http://evil.example")', 'Click the cell.')),
    ]));
  }, 60_000);

  const paths = async (query: string) => {
    await caseDb.searchMessages(query);
    const literal = `'${query.replaceAll("'", "''")}'`;
    const r = await caseDb.consoleQuery(`SELECT m.path FROM case_messages m WHERE m.id IN (SELECT id FROM search_hits WHERE query = ${literal}) ORDER BY m.path`);
    return r.rows.map((row) => String(row[0]));
  };

  it('keeps words as before: all must be found', async () => {
    expect(await paths('money wire')).toEqual(['a.eml', 'b.eml', 'c.eml']);
  });

  it('confirms a phrase in the stored text and lists, as unconfirmed, a cut body that holds every word', async () => {
    expect(await paths('"wire the money"')).toEqual(['a.eml', 'c.eml']);
    expect(await caseDb.searchOutcome('"wire the money"')).toEqual({ count: 2, unverified: 1 });
  });

  it('combines OR, NOT and parentheses', async () => {
    expect(await paths('invoice OR lunch')).toEqual(['a.eml', 'b.eml', 'd.eml']);
    expect(await paths('invoice NOT overdue')).toEqual(['d.eml']);
    expect(await paths('(lunch OR report) -nobody')).toEqual(['c.eml']);
  });

  it('keeps a possible phrase hit under NOT as possible too', async () => {
    expect(await caseDb.searchOutcome('money NOT "wire the money"')).toEqual({ count: 2, unverified: 1 });
    expect(await paths('money NOT "wire the money"')).toEqual(['b.eml', 'c.eml']);
  });

  it('finds a scoped word only in its field', async () => {
    expect(await paths('subject:invoice')).toEqual(['a.eml', 'd.eml']);
    expect(await paths('header:203.0.113.9')).toEqual(['a.eml']);
    expect(await paths('subject:money')).toEqual([]);
  });

  it('matches regexes against the stored text', async () => {
    expect(await paths('/INV-\\d{4}-\\d+/')).toEqual(['d.eml']);
    expect(await paths('subject:/^invoice/i')).toEqual(['a.eml', 'd.eml']);
    expect(await paths('/\\[203\\.0\\.113\\.\\d+\\]/')).toEqual(['a.eml']);
  });

  it('reports a query that is not valid and lists nothing for it', async () => {
    expect(await caseDb.searchOutcome('(invoice')).toEqual({ error: 'A parenthesis is not closed', position: 0 });
    expect(await paths('(invoice')).toEqual([]);
    expect(await caseDb.searchMessages('(invoice')).toBeNull();
  });

  it('runs a keyword list: hits per term and per message, exported as CSV', async () => {
    const { terms: summary, dropped } = await caseDb.runKeywordList('invoice\n"wire the money"\n/INV-\\d+/\n(broken\nabsentword\n# comment\ninvoice');
    expect(dropped).toBe(0);
    expect(summary).toEqual([
      { term: 'invoice', messages: 2, unverified: 0 },
      { term: '"wire the money"', messages: 2, unverified: 1 },
      { term: '/INV-\\d+/', messages: 1, unverified: 0 },
      { term: '(broken', messages: 0, unverified: 0, error: 'A parenthesis is not closed' },
      { term: 'absentword', messages: 0, unverified: 0 },
    ]);
    const perMessage = await caseDb.consoleQuery(`SELECT m.path, group_concat(k.term, ' | ' ORDER BY k.term) FROM temp.keyword_hits k
      JOIN case_messages m ON m.id = k.id GROUP BY m.id ORDER BY m.path`);
    expect(perMessage.rows).toEqual([['a.eml', '"wire the money" | invoice'], ['c.eml', '"wire the money"'], ['d.eml', '/INV-\\d+/ | invoice']]);
    const lines = (await caseDb.keywordHitsCsv()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('path,date_utc,from,subject,term,confirmed');
    expect(lines).toContain('c.eml,2024-05-07T10:00:00.000Z,alice@example.org,Report,"""wire the money""",not confirmed');
    expect(lines).toHaveLength(6);
  });

  it('guards exported cells against spreadsheet formulas', async () => {
    await caseDb.runKeywordList('hyperlink');
    const lines = (await caseDb.keywordHitsCsv()).trimEnd().split('\r\n');
    expect(lines[1]).toBe(`e.eml,2024-05-07T10:00:00.000Z,alice@example.org,"'=HYPERLINK(""http://evil.example"")",hyperlink,yes`);
  });

  it('keeps saved searches in the case file', async () => {
    await caseDb.saveSearch('phishing', 'subject:invoice OR /INV-\\d+/', '2025-01-01T00:00:00Z');
    await caseDb.saveSearch('phishing', 'subject:invoice', '2025-01-02T00:00:00Z');
    await caseDb.saveSearch('spare', 'x', '2025-01-02T00:00:00Z');
    await caseDb.deleteSavedSearch('spare');
    expect((await caseDb.consoleQuery('SELECT name, query FROM case_saved_searches')).rows).toEqual([['phishing', 'subject:invoice']]);
    const bytes = await caseDb.exportDb();
    await caseDb.reset();
    expect(await caseDb.openCaseFile(bytes)).toBe(true);
    expect((await caseDb.consoleQuery('SELECT name, query FROM case_saved_searches')).rows).toEqual([['phishing', 'subject:invoice']]);
    expect(await caseDb.searchMessages('subject:invoice')).toBe(2);
  });
});
