/**
 * The fast MIME path against postal-mime, message by message: for every message it accepts, parseMessage
 * must give exactly the reference ParsedMessage. Corpora: the bench generator's messages, a seeded variety
 * of awkward MIME, every mail fixture, the demo evidence and, when present, the shared sample. The same
 * texts check extractIocs' address scan against the regex it replaced.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { emailsInText } from '../../../src/lib/mail/extractIocs.ts';
import { demoEvidenceBytes } from '../../helpers/demoEvidence.ts';
import { hasSamples } from '../../helpers/sharedSamples.ts';
import { emailsViaRegex } from './emailRegexOracle.ts';
import { compareWithOracle, OracleTally } from './fastParseOracle.ts';
import { FIXTURES } from './fixtures.ts';
import { mutatedMessage, varietyMessage } from './mimeVariety.ts';
import { sampleMessage, sampleMessagePaths } from './sampleMessages.ts';

const BENCH_MESSAGES = 600;
const VARIETY_MESSAGES = 1500;
const MUTATED_MESSAGES = 1500;

interface BenchModule { benchMessages(count: number): Iterable<{ path: string; bytes: Uint8Array }> }

/** Also checks extractIocs' '@'-anchored address scan against the regex it replaced, on the same texts. */
async function tally(label: string, messages: AsyncIterable<[string, Uint8Array]> | Iterable<[string, Uint8Array]>): Promise<OracleTally> {
  const t = new OracleTally();
  const emailMismatches: string[] = [];
  for await (const [name, bytes] of messages) {
    const verdict = await compareWithOracle(bytes, name);
    t.add(name, verdict);
    if (!isDeepStrictEqual([...emailsInText(verdict.fast.text)], emailsViaRegex(verdict.fast.text))) emailMismatches.push(name);
  }
  console.log(t.summary(label));
  expect(t.mismatches, `${label}: fast path differs from postal-mime`).toEqual([]);
  expect(emailMismatches, `${label}: emailsInText differs from the regex`).toEqual([]);
  return t;
}

function* filesUnder(dir: string): Iterable<[string, Uint8Array]> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (/\.(eml|hma)$/i.test(entry.name)) yield [full, new Uint8Array(readFileSync(full))];
  }
}

async function* zipMessages(bytes: Uint8Array): AsyncIterable<[string, Uint8Array]> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files).filter((p) => /\.(eml|hma)$/i.test(p)).sort()) yield [name, await zip.file(name)!.async('uint8array')];
}

describe('fast MIME path against postal-mime', () => {
  it('gives the reference result on the bench corpus, and accepts almost all of it', { timeout: 180_000 }, async () => {
    const url = new URL('../../generate/largeEvidence.mjs', import.meta.url).href;
    const { benchMessages } = (await import(url)) as BenchModule;
    const messages = [...benchMessages(BENCH_MESSAGES)].map(({ path, bytes }): [string, Uint8Array] => [path, new Uint8Array(bytes)]);
    const t = await tally('bench corpus', messages);
    expect(t.fast / t.total).toBeGreaterThanOrEqual(0.99);
  });

  it('gives the reference result on a seeded variety of awkward MIME, and still accepts a good share', { timeout: 300_000 }, async () => {
    const messages = Array.from({ length: VARIETY_MESSAGES }, (_, i): [string, Uint8Array] => [`variety seed ${i + 1}`, varietyMessage(i + 1)]);
    const t = await tally('generated variety', messages);
    expect(t.fast).toBeGreaterThan(t.total * 0.3);
    expect(t.total - t.fast).toBeGreaterThan(t.total * 0.1);
  });

  it('gives the reference result on the same messages mutated line by line', { timeout: 300_000 }, async () => {
    const messages = Array.from({ length: MUTATED_MESSAGES }, (_, i): [string, Uint8Array] => [`mutated seed ${i + 1}`, mutatedMessage(i + 1)]);
    const t = await tally('mutated variety', messages);
    expect(t.fast).toBeGreaterThan(t.total * 0.3);
  });

  it('gives the reference result on every mail fixture', { timeout: 60_000 }, async () => {
    const t = await tally('tests/fixtures/mail', filesUnder(FIXTURES));
    expect(t.total).toBeGreaterThan(0);
  });

  it('gives the reference result on the demo evidence', { timeout: 60_000 }, async () => {
    const t = await tally('demo evidence', zipMessages(demoEvidenceBytes()));
    expect(t.total).toBeGreaterThan(0);
  });

  it.skipIf(!hasSamples)('gives the reference result on the shared sample (when ../shared/samples exists)', { timeout: 120_000 }, async () => {
    const paths = await sampleMessagePaths();
    const t = await tally('shared sample', (async function* () {
      for (const p of paths) yield [p, await sampleMessage(p)] as [string, Uint8Array];
    })());
    expect(t.total).toBe(paths.length);
  });
});
