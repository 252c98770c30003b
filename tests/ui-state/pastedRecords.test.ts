// Pasted DNS records: the text becomes a zone file the evidence classifier and the zone parser accept, and
// "Re-analyse" runs the current evidence again with it (replacing an earlier paste).
import { describe, expect, it, vi } from 'vitest';
import { classifyEntry } from '../../src/lib/ingest/classifyEntry.ts';
import { parseZoneFile } from '../../src/lib/mail/parseZoneFile.ts';
import { AnalysisRun } from '../../src/ui/state/analysisRun.svelte.ts';
import { PastedRecords } from '../../src/ui/state/pastedRecords.svelte.ts';
import { PASTED_RECORDS_PATH, countRecords, pastedZone } from '../../src/ui/state/pastedZone.ts';
import type { EvidenceInput } from '../../src/ui/triageClient.ts';
import { evidence, mockClient, result } from './mockClient.ts';

const KEY = 'MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDaoaYLk';
const WITHOUT_CLASS = `sel2024._domainkey.fabrikam.example. TXT "v=DKIM1; k=rsa; p=${KEY}"\r\nfabrikam.example. MX 10 mail.fabrikam.example.\n`;
const WITH_CLASS = `fabrikam.example. 3600 IN TXT "v=spf1 ip4:198.51.100.0/24 -all"\n`;

const bytes = (text: string) => new TextEncoder().encode(text);

describe('pastedZone', () => {
  it('puts a $TTL line first when no record names its class, so the text is recognised as a zone', () => {
    const zone = pastedZone(WITHOUT_CLASS);
    expect(zone.split('\n')[0]).toBe('$TTL 3600');
    expect(classifyEntry(PASTED_RECORDS_PATH, bytes(zone), zone.length).format).toBe('dns-zone');
    expect(classifyEntry(PASTED_RECORDS_PATH, bytes(WITHOUT_CLASS), WITHOUT_CLASS.length).format).not.toBe('dns-zone');
    const parsed = parseZoneFile(zone, PASTED_RECORDS_PATH);
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map((r) => [r.name, r.type])).toEqual([
      ['sel2024._domainkey.fabrikam.example', 'TXT'],
      ['fabrikam.example', 'MX'],
    ]);
  });

  it('leaves a text that already reads as a zone unchanged but for line ends', () => {
    expect(pastedZone(WITH_CLASS)).toBe(WITH_CLASS);
    expect(pastedZone('$ORIGIN example.com.\r\n@ TXT "x"')).toBe('$ORIGIN example.com.\n@ TXT "x"\n');
  });

  it('counts the lines that start a record, not comments, directives or bare values', () => {
    expect(countRecords(WITHOUT_CLASS + WITH_CLASS)).toBe(3);
    expect(countRecords('; comment\n$TTL 60\n"v=DKIM1; k=rsa; p=abc"\n  TXT "continued"')).toBe(0);
  });
});

describe('PastedRecords', () => {
  function setup() {
    const analyze = vi.fn(async (_inputs: EvidenceInput[]) => result(1));
    const run = new AnalysisRun(mockClient({ analyze }));
    return { run, analyze, pasted: new PastedRecords(run) };
  }

  it('cannot apply without records or without evidence to analyse again', async () => {
    const { run, pasted } = setup();
    pasted.text = WITHOUT_CLASS;
    expect(pasted.records).toBe(2);
    expect(pasted.canApply).toBe(false);
    await run.start([evidence('sample-case.zip')]);
    expect(pasted.canApply).toBe(true);
    pasted.text = 'nothing here';
    expect(pasted.canApply).toBe(false);
  });

  it('re-analyses the current evidence plus pasted-records.zone, replacing an earlier paste', async () => {
    const { run, analyze, pasted } = setup();
    const sample = evidence('sample-case.zip');
    await run.start([sample]);
    expect(pasted.inAnalysis).toBe(false);

    pasted.text = WITHOUT_CLASS;
    await pasted.apply();
    const first = analyze.mock.calls[1][0];
    expect(first.map((i) => i.path)).toEqual(['sample-case.zip', PASTED_RECORDS_PATH]);
    expect(first[0]).toBe(sample);
    expect(await first[1].file.text()).toBe(pastedZone(WITHOUT_CLASS));
    expect(pasted.inAnalysis).toBe(true);

    pasted.text = WITH_CLASS;
    await pasted.apply();
    const second = analyze.mock.calls[2][0];
    expect(second.map((i) => i.path)).toEqual(['sample-case.zip', PASTED_RECORDS_PATH]);
    expect(await second[1].file.text()).toBe(WITH_CLASS);
    expect(run.lastInputs).toBe(second);
  });
});
