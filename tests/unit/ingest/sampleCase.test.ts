/** The shared sample case through ingest: 46 rows whose SHA-256 and kinds match expected-findings.json. */
import { describe, expect, it } from 'vitest';
import { ingestEvidence, type IngestedEntry } from '../../../src/lib/ingest/ingestEvidence.ts';
import { expectedFindings, hasSamples, sampleBytes, SKIP_REASON } from '../../helpers/sharedSamples.ts';

describe.skipIf(!hasSamples)(`ingest of the shared sample ${hasSamples ? '' : SKIP_REASON}`, () => {
  it('lists every entry with the expected hashes and kinds', async () => {
    const expected = expectedFindings();
    const bytes = sampleBytes('sample-case.zip');
    const seen: IngestedEntry[] = [];
    const result = await ingestEvidence([{ file: new File([bytes as Uint8Array<ArrayBuffer>], 'sample-case.zip'), path: 'sample-case.zip' }], {
      onEntry: async (e) => {
        seen.push(e);
      },
    });

    expect(result.inventory).toHaveLength(46);
    expect(result.inventory.length).toBe(expected.counts.inventoryEntries);
    expect(Object.fromEntries(result.inventory.map((r) => [r.path, r.sha256]))).toEqual(expected.sha256);
    expect(result.inventory.every((r) => r.status === 'ok' && r.container === 'sample-case.zip')).toBe(true);

    const kinds: Record<string, number> = {};
    for (const r of result.inventory) kinds[r.kind] = (kinds[r.kind] ?? 0) + 1;
    expect(kinds).toEqual({ message: 43, ini: 1, log: 1, database: 1 });
    const formats = new Map(result.inventory.map((r) => [r.path, r.format]));
    expect(formats.get('hMailServer/Bin/hMailServer.ini')).toBe('hmail-ini');
    expect(formats.get('hMailServer/Logs/hmailserver_2024-05-12.log')).toBe('hmail-log');
    expect(formats.get('hMailServer/Database/hMailServer-converted.sqlite')).toBe('sqlite');
    expect(result.inventory[0].modified).toBe('2024-05-13T09:00:00');

    expect(result.evidence).toHaveLength(1);
    expect(result.evidence[0].name).toBe('sample-case.zip');
    expect(result.evidence[0].size).toBe(bytes.length);
    const sha = Buffer.from(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)).toString('hex');
    expect(result.evidence[0].sha256).toBe(sha);

    expect(seen).toHaveLength(46);
    const ini = seen.find((e) => e.entry.format === 'hmail-ini')!;
    expect(new TextDecoder().decode(ini.bytes!)).toContain('[Database]');
    const reread = await new Response(result.open('hMailServer/Bin/hMailServer.ini')!).arrayBuffer();
    expect(new Uint8Array(reread)).toEqual(ini.bytes);
  });
});
