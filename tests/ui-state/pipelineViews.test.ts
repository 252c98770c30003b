// The views' queries against a case database written by the real pipeline from the shared sample:
// what the Overview, Indicators, Accounts and Inventory show must agree with the planted facts.
import { describe, expect, it } from 'vitest';
import { loadHmColumns } from '../../src/ui/queries/hmColumns.ts';
import { AccountsData } from '../../src/ui/state/accountsData.svelte.ts';
import { IndicatorsData } from '../../src/ui/state/indicatorsData.svelte.ts';
import { InventoryData } from '../../src/ui/state/inventoryData.svelte.ts';
import { OverviewData } from '../../src/ui/state/overviewData.svelte.ts';
import { fileInput, nodeTriage } from '../helpers/nodeTriage.ts';
import { SKIP_REASON, expectedFindings, hasSamples, sampleBytes } from '../helpers/sharedSamples.ts';
import { mockClient } from './mockClient.ts';

describe.skipIf(!hasSamples)(`views on the pipeline's case database ${hasSamples ? '' : SKIP_REASON}`, () => {
  it('shows the sample as planted', async () => {
    const { caseDb } = await nodeTriage([fileInput('sample-case.zip', sampleBytes('sample-case.zip'))]);
    const client = mockClient({ ask: caseDb.ask })
    const expected = expectedFindings();
    const hm = await loadHmColumns(client);

    const overview = new OverviewData();
    await overview.load(client);
    expect(overview.model?.maxMessageId).toBe(expected.maxMessageId);
    expect(overview.model?.database.source).toBe('sqlite');
    expect(overview.model?.counts.inventory).toBe(expected.counts.inventoryEntries);
    expect(overview.model?.evidence.map((e) => e.name)).toEqual(['sample-case.zip']);

    const indicators = new IndicatorsData(client);
    await indicators.load();
    const types = new Set(indicators.rows.map((r) => r.type));
    for (const f of expected.findings.filter((x) => !x.needs)) expect(types, f.type).toContain(f.type);
    const weak = indicators.rows.find((r) => r.type === 'weak-password')!;
    await indicators.reveal(weak.id);
    expect(indicators.revealed[weak.id]).toBeTruthy();

    const accounts = new AccountsData(client);
    await accounts.load(hm);
    expect(accounts.rows).toHaveLength(expected.counts.accounts);
    expect(accounts.rows.filter((r) => r.weak).map((r) => r.address).sort()).toEqual(['bob@northwind.example', 'carol@northwind.example']);
    await accounts.openFolders('alice@northwind.example');
    expect(accounts.folders.map((f) => f.path)).toContain('INBOX.Projects');
    expect(accounts.folders.find((f) => f.path === 'INBOX')!.files).toBeGreaterThan(0);

    const inventory = new InventoryData(client);
    await inventory.load();
    expect(inventory.rows).toHaveLength(expected.counts.inventoryEntries);
  });
});
