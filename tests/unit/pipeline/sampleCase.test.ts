/** The shared sample case end to end in Node: inventory, counts and exactly the planted findings. */
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FINDING_TYPES } from '../../../src/lib/model/finding.ts';
import { expectedFindings, hasSamples, sampleBytes, SKIP_REASON } from '../../helpers/sharedSamples.ts';
import { fileInput, nodeTriage } from '../../helpers/nodeTriage.ts';

interface Doc {
  evidence: { name: string; md5: string; sha256: string }[];
  inventory: { path: string; sha256: string; status: string; kind: string }[];
  server: { maxMessageId: number | null; domains: unknown[]; accounts: { address: string; weakPassword: boolean }[] };
  messages: { path: string; queued: boolean }[];
  findings: { type: string; severity: string; ref: Record<string, string> }[];
  run: Record<string, string>;
}

const refMatches = (actual: Record<string, string>, expected: Record<string, string>) =>
  Object.entries(expected).every(([k, v]) => actual[k] === v);

describe.skipIf(!hasSamples)(`shared sample case ${hasSamples ? '' : SKIP_REASON}`, () => {
  let withZone: Doc;
  let zipOnly: Doc;
  let zipOnlyText: string;
  const expected = hasSamples ? expectedFindings() : null;

  beforeAll(async () => {
    const zip = fileInput('sample-case.zip', sampleBytes('sample-case.zip'));
    const zone = fileInput('sample-dns.zone', sampleBytes('sample-dns.zone'));
    zipOnlyText = (await nodeTriage([zip])).outcome.findingsJson;
    zipOnly = JSON.parse(zipOnlyText);
    withZone = JSON.parse((await nodeTriage([zip, zone])).outcome.findingsJson);
  }, 120_000);

  it('validates against the findings JSON Schema and names only contract finding types', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, '../../contract/findings.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(validate(withZone), JSON.stringify(validate.errors)).toBe(true);
    for (const f of withZone.findings) expect(FINDING_TYPES).toContain(f.type);
  });

  it('accounts for every entry with the expected SHA-256', () => {
    const inv = Object.fromEntries(zipOnly.inventory.map((e) => [e.path, e.sha256]));
    expect(inv).toEqual(expected!.sha256);
    expect(zipOnly.inventory).toHaveLength(expected!.counts.inventoryEntries);
    expect(zipOnly.inventory.filter((e) => e.kind === 'message')).toHaveLength(expected!.counts.messageFiles);
  });

  it('reports the counts and max message id', () => {
    expect(zipOnly.server.maxMessageId).toBe(expected!.maxMessageId);
    expect(zipOnly.server.domains).toHaveLength(expected!.counts.domains);
    expect(zipOnly.server.accounts).toHaveLength(expected!.counts.accounts);
    expect(zipOnly.messages.filter((m) => m.queued)).toHaveLength(expected!.counts.queued);
  });

  it('finds exactly the planted findings (with the zone: dkim-signature-valid too)', () => {
    const planted = expected!.findings;
    for (const [doc, zone] of [[zipOnly, false], [withZone, true]] as const) {
      const wanted = planted.filter((f) => zone || f.needs !== 'dns snapshot');
      for (const w of wanted) {
        expect(doc.findings.some((f) => f.type === w.type && refMatches(f.ref, w.ref)), `${w.type} ${JSON.stringify(w.ref)}`).toBe(true);
      }
      const unexpected = doc.findings.filter((f) => !wanted.some((w) => w.type === f.type && refMatches(f.ref, w.ref)));
      expect(unexpected.map((f) => `${f.type} ${JSON.stringify(f.ref)}`)).toEqual([]);
    }
  });

  it('leaves clean messages without medium or high findings', () => {
    const noisy = withZone.findings.filter(
      (f) => f.ref.message && expected!.cleanMessages.includes(f.ref.message) && (f.severity === 'medium' || f.severity === 'high'),
    );
    expect(noisy).toEqual([]);
  });

  it('is deterministic apart from the run block', async () => {
    const again = (await nodeTriage([fileInput('sample-case.zip', sampleBytes('sample-case.zip'))])).outcome.findingsJson;
    const strip = (t: string) => ({ ...JSON.parse(t), run: null });
    expect(JSON.stringify(strip(again))).toBe(JSON.stringify(strip(zipOnlyText)));
  });
});
