/**
 * Wires the page's state objects around one TriageClient: a new analysis clears every view, and the
 * run is declared done only after every view (ours, and the tracked loads of the others) has its data.
 */
import { tick } from 'svelte';
import { loadHmColumns } from '../queries/hmColumns.ts';
import { saveFile } from '../saveFile.ts';
import type { TriageClient } from '../triageClient.ts';
import type { WorkProductStore } from '../workProductStore.ts';
import { AccountsData } from './accountsData.svelte.ts';
import { AnalysisRun } from './analysisRun.svelte.ts';
import { Autosave } from './autosave.svelte.ts';
import { CasePanel } from './casePanel.svelte.ts';
import { CaseTags } from './caseTags.svelte.ts';
import { CaseView } from './caseView.svelte.ts';
import { ColumnLayouts } from './columnLayouts.svelte.ts';
import { ConfigurationData } from './configurationData.svelte.ts';
import { IndicatorsData } from './indicatorsData.svelte.ts';
import { InventoryData } from './inventoryData.svelte.ts';
import { MailFlowData } from './mailFlowData.svelte.ts';
import { OverviewData } from './overviewData.svelte.ts';
import { PastedRecords } from './pastedRecords.svelte.ts';
import { SqlConsole } from './sqlConsole.svelte.ts';

export function createAppState(client: TriageClient, store: WorkProductStore) {
  const caseView = new CaseView();
  const overview = new OverviewData();
  const configuration = new ConfigurationData(client);
  const mailFlow = new MailFlowData(client);
  const indicators = new IndicatorsData(client);
  const accounts = new AccountsData(client);
  const inventory = new InventoryData(client);
  const sql = new SqlConsole(client);
  const casePanel = new CasePanel(client, saveFile, () => caseView.listedMessages);
  const caseTags = new CaseTags(client);
  const columnLayouts = new ColumnLayouts(client);
  const autosave = new Autosave(client, store, async () => {
    await Promise.all([indicators.load(), casePanel.load(), caseTags.changed(), columnLayouts.load()]);
  });

  const run = new AnalysisRun(client, {
    onStart() {
      caseView.reset();
      overview.clear();
      configuration.clear();
      mailFlow.clear();
      indicators.clear();
      accounts.clear();
      inventory.clear();
      sql.clearResult();
      casePanel.clear();
      caseTags.clear();
      columnLayouts.clear();
      autosave.clear();
    },
    async prepare() {
      const hm = await loadHmColumns(client);
      await Promise.all([
        overview.load(client), configuration.load(hm), mailFlow.load(), indicators.load(), accounts.load(hm), inventory.load(), casePanel.load(), caseTags.load(),
        columnLayouts.load(),
      ]);
      // Views that load on their own start when readyRunId changes; let their effects run, then wait for them.
      await tick();
      await caseView.settled();
      await autosave.open();
    },
  });

  const pastedRecords = new PastedRecords(run);

  return { client, run, caseView, overview, configuration, mailFlow, pastedRecords, indicators, accounts, inventory, sql, casePanel, caseTags, columnLayouts, autosave };
}
