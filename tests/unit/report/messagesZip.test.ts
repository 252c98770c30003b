import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { messagesZip } from '../../../src/lib/report/messagesZip.ts';

const FORMULA = '=HYPERLINK("http://x","click")';

describe('messagesZip manifest.csv', () => {
  it('goes through the guarded CSV writer: a formula in an evidence path stays text', async () => {
    const raw = new TextEncoder().encode(`Subject: ${FORMULA}\r\n\r\nbody\r\n`);
    const zip = await JSZip.loadAsync(await messagesZip([{ path: FORMULA, raw, attachments: [{ filename: 'a "b".txt', bytes: raw }] }], '2024-05-01T00:00:00.000Z'));
    const lines = (await zip.file('manifest.csv')!.async('string')).split('\r\n');
    expect(lines[0]).toBe('file,source,size,md5,sha256');
    expect(lines[1]).toMatch(/^"messages\/0001\/x_,_click_\)","'=HYPERLINK\(""http:\/\/x"",""click""\)",\d+,[0-9a-f]{32},[0-9a-f]{64}$/);
    expect(lines[2]).toMatch(/^messages\/0001\/attachments\/1-a _b_.txt,"'=HYPERLINK\(""http:\/\/x"",""click""\) → a ""b"".txt",/);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });
});
