/** The HTML report from generated inputs: sections and options, summarised long lists, the embedded hash list, and hostile text kept inert. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '../../../src/lib/model/reportOptions.ts';
import { htmlReport, type ReportFinding, type ReportInput } from '../../../src/lib/report/htmlReport.ts';
import { detailLabel, findingKeyDetails } from '../../../src/lib/report/html/findingKeyDetails.ts';
import { MAX_EMBEDDED_CSV_BYTES, inventoryCsvDataUrl } from '../../../src/lib/report/html/inventoryCsvLink.ts';

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)></style></table>"\'&';

function finding(id: number, over: Partial<ReportFinding> = {}): ReportFinding {
  return { id, type: 'spam-flagged', severity: 'low', category: 'Spam', summary: `Finding ${id}.`, ref: { message: `Data/m${id}.eml` }, details: { score: 7 }, note: null, ...over };
}

function input(over: Partial<ReportInput> = {}, options: Partial<ReportOptions> = {}): ReportInput {
  return {
    generatedAt: '2025-01-01T00:00:00.000Z',
    version: '9.9.9',
    caseDetails: { examiner: 'E. Xaminer', caseNumber: 'C-42', notes: '' },
    options: { ...DEFAULT_REPORT_OPTIONS, ...options },
    evidence: [{ name: 'server.zip', size: 1234, md5: 'a'.repeat(32), sha256: 'b'.repeat(64) }],
    inventory: [
      { path: 'Data/m1.eml', kind: 'message', size: 100, md5: 'c'.repeat(32), sha256: 'd'.repeat(64), status: 'ok', error: null },
      { path: 'Logs/broken.log', kind: 'log', size: 5, md5: 'e'.repeat(32), sha256: 'f'.repeat(64), status: 'error', error: 'truncated' },
    ],
    server: { source: 'sqlite', path: 'db.sqlite', schemaVersion: 5601, maxMessageId: 1045, hostname: 'mail.example', messages: 43 },
    settings: [
      { label: 'SMTP AUTH in plain text', value: 'off', risk: 'safe', why: 'passwords are not accepted in plain text' },
      { label: 'Auto-ban on logon failures', value: 'off', risk: 'medium', why: 'password guessing is never blocked' },
    ],
    findings: [finding(1, { type: 'weak-password', severity: 'high', category: 'Configuration & accounts', ref: { account: 'a@x.example' } }), finding(2)],
    story: [],
    timeline: [{ day: '2024-06-03', count: 12 }],
    timeZone: { id: 'Europe/Berlin', basis: 'fits the Received stamps' },
    timesLeftOut: { rows: [], total: 0 },
    bookmarks: [],
    ...over,
  };
}

const count = (html: string, needle: RegExp) => html.match(needle)?.length ?? 0;

describe('HTML report', () => {
  it('has a cover, contents linking every section, numbered pages and each section once', () => {
    const html = htmlReport(input());
    expect(html).toContain('<section class="cover" id="case">');
    for (const id of DEFAULT_REPORT_OPTIONS.sections) {
      expect(count(html, new RegExp(`<section id="${id}">`, 'g')), id).toBe(1);
      expect(html).toContain(`<a href="#${id}">`);
    }
    expect(html).toMatch(/@bottom-right\{content:"Page " counter\(page\) " of " counter\(pages\)/);
    expect(html).toContain('hMailServer 5.6.x');
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
  });

  it('prints findings as sentences with a key-details table, never as JSON', () => {
    const html = htmlReport(input({ findings: [finding(1, { details: { score: 7, nested: { a: { b: 1 } }, reasons: ['x', 'y'] } })] }));
    expect(html).toContain('<p>Finding 1.</p>');
    expect(html).toMatch(/<th scope="row">Score<\/th><td>7<\/td>/);
    expect(html).toMatch(/<th scope="row">Reasons<\/th><td>x, y<\/td>/);
    expect(html).not.toContain('{&quot;');
    expect(html).not.toContain('"nested"');
  });

  it('summarises a type with thousands of findings and stays small (the 20k case)', () => {
    const many = Array.from({ length: 5000 }, (_, i) => finding(i + 1));
    const inventory = Array.from({ length: 20_000 }, (_, i) => ({ path: `Data/${i}.eml`, kind: 'message', size: 900, md5: '0'.repeat(32), sha256: '1'.repeat(64), status: 'ok', error: null }));
    const html = htmlReport(input({ findings: many, inventory }));
    expect(count(html, /class="finding"/g)).toBe(10);
    expect(html).toContain('… and 4990 more spam-flagged findings, listed in full in findings.json and the findings CSV.');
    expect(count(html, /<tr>/g), 'no table lists every file').toBeLessThan(100);
    expect(html).toContain('download="inventory-hashes.csv"');
  });

  it('keeps to the chosen sections, minimum severity and bookmarked items', () => {
    const html = htmlReport(input({}, { sections: ['findings', 'method'], minSeverity: 'medium' }));
    expect(html).not.toContain('<section id="summary">');
    expect(html).toContain('<section id="findings"><h2>1. Findings by severity</h2>');
    expect(html).toContain('<section id="method"><h2>2. Method and limits</h2>');
    expect(html).toContain('weak-password');
    expect(html).not.toContain('Finding 2.');
    const bookmarked = htmlReport(input({ bookmarks: [{ path: 'Data/m2.eml', tags: 't', note: 'n', subject: 's', from: 'f', date: null, headers: [] }] }, { bookmarkedOnly: true }));
    expect(bookmarked).toContain('Finding 2.');
    expect(bookmarked).not.toContain('<strong>weak-password</strong>');
  });

  it('prints the examiner\'s case summary and conclusions', () => {
    const html = htmlReport(input({}, { caseSummary: 'Summary text.', conclusions: 'Conclusion text.' }));
    expect(html).toMatch(/<section class="cover"[\s\S]*Summary text\.[\s\S]*<nav/);
    expect(html).toMatch(/<section id="summary">[\s\S]*Conclusion text\./);
  });

  it('colours settings by risk: a safe "off" is not shown as a risk', () => {
    const html = htmlReport(input());
    expect(html).toMatch(/SMTP AUTH in plain text<\/td><td>off<\/td><td class="risk-safe">safe/);
    expect(html).toMatch(/Auto-ban on logon failures<\/td><td>off<\/td><td class="risk-medium">risk/);
  });

  it('tells the story in the executive summary and the key events of the timeline', () => {
    const html = htmlReport(input({
      story: [{ kind: 'compromised-account', id: 'c', title: 'Guessing, then a logon', severity: 'high', steps: [
        { text: 'Logged on.', time: { utc: '2024-06-03T08:21:01.000Z', server: '2024-06-03 10:21:01', zone: 'Europe/Berlin' }, confidence: 'likely', evidence: [{ kind: 'finding', findingId: 1, type: 'weak-password' }] },
      ] }],
    }));
    expect(html).toMatch(/<section id="summary">[\s\S]*Guessing, then a logon[\s\S]*2024-06-03 08:21:01 UTC · 2024-06-03 10:21:01 server time \(Europe\/Berlin\)[\s\S]*<a href="#finding-1">finding #1<\/a>/);
    expect(html).toMatch(/<section id="timeline">[\s\S]*<td>2024-06-03 08:21:01<\/td><td>2024-06-03 10:21:01 \(Europe\/Berlin\)<\/td><td>Logged on\.<\/td>/);
  });

  it('keeps hostile text from the evidence and the examiner inert everywhere', () => {
    const html = htmlReport(input({
      caseDetails: { examiner: HOSTILE, caseNumber: HOSTILE, notes: HOSTILE },
      evidence: [{ name: HOSTILE, size: 1, md5: HOSTILE, sha256: HOSTILE }],
      inventory: [{ path: HOSTILE, kind: HOSTILE, size: 1, md5: HOSTILE, sha256: HOSTILE, status: 'error', error: HOSTILE }],
      server: { source: HOSTILE, path: HOSTILE, schemaVersion: null, maxMessageId: null, hostname: HOSTILE, messages: null },
      settings: [{ label: 'Host name', value: HOSTILE, risk: 'neutral', why: '' }],
      findings: [finding(1, { type: HOSTILE, summary: HOSTILE, ref: { message: HOSTILE, account: HOSTILE }, details: { x: HOSTILE, list: [HOSTILE] }, note: HOSTILE })],
      story: [{ kind: 'altered-message', id: HOSTILE, title: HOSTILE, severity: 'high', steps: [{ text: HOSTILE, time: { utc: '2024-01-01T00:00:00.000Z', server: HOSTILE, zone: HOSTILE }, confidence: 'confirmed', evidence: [{ kind: 'message', path: HOSTILE }, { kind: 'session', key: HOSTILE, label: HOSTILE }] }] }],
      timeline: [{ day: HOSTILE, count: 1 }],
      timeZone: { id: HOSTILE, basis: HOSTILE },
      timesLeftOut: { rows: [{ note: HOSTILE, type: HOSTILE, count: 1, first: HOSTILE, last: HOSTILE }], total: 1 },
      bookmarks: [{ path: HOSTILE, tags: HOSTILE, note: HOSTILE, subject: HOSTILE, from: HOSTILE, date: HOSTILE, headers: [{ name: 'From', value: HOSTILE }] }],
    }, { caseSummary: HOSTILE, conclusions: HOSTILE }));
    expect(html).not.toMatch(/<script|<img|onerror=alert\(2\)>/i);
    expect(count(html, /<\/style>/g), 'only the report\'s own style element closes').toBe(1);
    expect(count(html, /<\/table>/g)).toBe(count(html, /<table/g));
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('key details of a finding', () => {
  it('names the clock of a time and leaves flags alone', () => {
    expect(detailLabel('successUtc', '2024-06-03T08:21:01.352Z')).toBe('Success (UTC)');
    expect(detailLabel('firstLocal', '2024-06-03 10:20:05')).toBe('First (server time)');
    expect(detailLabel('fromIsLocal', false)).toBe('From is local');
  });

  it('shows references first, at most seven rows, short lists and clipped text', () => {
    const rows = findingKeyDetails(finding(1, { details: { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, list: ['1', '2', '3', '4', '5', '6', '7'] } }));
    expect(rows[0]).toEqual(['Message', 'Data/m1.eml']);
    expect(rows).toHaveLength(7);
    expect(findingKeyDetails(finding(1, { details: { list: ['1', '2', '3', '4', '5', '6', '7'] } }))[1]).toEqual(['List', '1, 2, 3, 4, 5 and 2 more']);
    expect(findingKeyDetails(finding(1, { details: { long: 'x'.repeat(500) } }))[1][1]).toHaveLength(180);
  });
});

describe('embedded hash list', () => {
  it('decodes to a CSV of every file, and is left out past its size bound', () => {
    const rows = [{ path: 'Data/ä,1.eml', kind: 'message', size: 1, md5: 'm', sha256: 's', status: 'ok', error: null }];
    const url = inventoryCsvDataUrl(rows)!;
    const csv = new TextDecoder().decode(Uint8Array.from(atob(url.split(',')[1]), (c) => c.charCodeAt(0)));
    expect(csv).toBe('path,kind,size,md5,sha256,status,error\r\n"Data/ä,1.eml",message,1,m,s,ok,\r\n');
    const huge = Array.from({ length: Math.ceil(MAX_EMBEDDED_CSV_BYTES / 100) + 1 }, (_, i) => ({ ...rows[0], path: `${i}`.padStart(100, '0') }));
    expect(inventoryCsvDataUrl(huge)).toBeNull();
  });
});
