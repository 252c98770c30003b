// The Configuration section and the mail-flow panel on the case database the real pipeline writes from the
// shared sample: the planted relay queue, forwarding and open-relay range show as decoded rows.
import { describe, expect, it } from 'vitest';
import { loadHmColumns } from '../../src/ui/queries/hmColumns.ts';
import { ConfigurationData } from '../../src/ui/state/configurationData.svelte.ts';
import { MailFlowData } from '../../src/ui/state/mailFlowData.svelte.ts';
import { fileInput, nodeTriage } from '../helpers/nodeTriage.ts';
import { SKIP_REASON, hasSamples, sampleBytes } from '../helpers/sharedSamples.ts';
import { mockClient } from './mockClient.ts';

describe.skipIf(!hasSamples)(`configuration on the pipeline's case database ${hasSamples ? '' : SKIP_REASON}`, () => {
  it('decodes the sample as planted', async () => {
    const { caseDb } = await nodeTriage([fileInput('sample-case.zip', sampleBytes('sample-case.zip'))]);
    const client = mockClient({ ask: caseDb.ask })
    const hm = await loadHmColumns(client);

    const config = new ConfigurationData(client);
    await config.load(hm);
    expect(config.problems).toEqual([]);
    const table = (id: string) => config.tables.find((t) => t.id === id)!;
    expect(table('queue').rows.map((r) => [r.cells.id, r.cells.outside, r.cells.file, r.attention])).toEqual([
      [1043, 2, 'yes', 'outside sender to outside recipients (relayed)'],
      [1044, 2, 'yes', 'outside sender to outside recipients (relayed)'],
      [1045, 2, 'yes', 'outside sender to outside recipients (relayed)'],
    ]);
    expect(table('forwarding').rows.map((r) => r.attention)).toEqual(['forwards outside the server to carol.private@freemail.example; no copy kept']);
    const internet = table('ranges').rows.find((r) => r.cells.name === 'Internet')!;
    expect(internet.cells.addresses).toBe('0.0.0.0 – 255.255.255.255');
    expect(internet.attention).toMatch(/^open relay/);
    expect(table('blocked-attachments').rows).toHaveLength(12);
    expect(table('rules').rows).toEqual([]);

    const flow = new MailFlowData(client);
    await flow.load();
    expect(flow.senders[0]).toEqual({ address: 'promo@cheap-pills.example', header: 3, envelope: 3, smtp: 3, local: false });
    expect(flow.domains.find((d) => d.domain === 'gmail.example')).toMatchObject({ envelope: 3, local: false });
    expect(flow.volume.rows.map((r) => r.account).sort()).toEqual(['alice@northwind.example', 'bob@northwind.example', 'carol@northwind.example']);
  });
});
