import { describe, expect, it } from 'vitest';
import { ExpansionBudget, expansionLimitMessage, expansionLimitsFor, meteredStream, MIN_TOTAL_EXPANSION_BYTES } from '../../../src/lib/ingest/expansionBudget.ts';

const MiB = 1024 * 1024;

describe('expansionBudget', () => {
  it('scales the total to 20× the evidence with a 2 GiB floor', () => {
    expect(expansionLimitsFor(1000).totalBytes).toBe(MIN_TOTAL_EXPANSION_BYTES);
    expect(expansionLimitsFor(1024 ** 3).totalBytes).toBe(20 * 1024 ** 3);
  });

  it('admits honest entries and refuses impossible, oversized and over-ratio ones', () => {
    const budget = new ExpansionBudget({ ...expansionLimitsFor(0), totalBytes: 100 * MiB });
    expect(budget.admitEntry({ path: 'a', compressedSize: 10 * MiB, uncompressedSize: 50 * MiB })).toBeNull();
    expect(budget.admitEntry({ path: 'c', compressedSize: 1, uncompressedSize: Number.NaN })).toMatch(/impossible size/);
    expect(budget.admitEntry({ path: 'd', compressedSize: 10 * MiB, uncompressedSize: 101 * MiB })).toMatch(/beyond what is left of the 100 MiB/);
    expect(budget.admitEntry({ path: 'e', compressedSize: 9000, uncompressedSize: 10 * MiB })).toMatch(/over 1000:1/);
    expect(budget.admitEntry({ path: 'f', compressedSize: 10, uncompressedSize: 8 * MiB })).toBeNull();
  });

  it('meters real bytes: the total is shared by all entries and a lying ratio is caught', () => {
    const budget = new ExpansionBudget({ ...expansionLimitsFor(0), totalBytes: 20 * MiB });
    const a = budget.meter('a', 10 * MiB);
    a.add(15 * MiB);
    const b = budget.meter('b', 10 * MiB);
    let thrown: unknown = null;
    try {
      b.add(6 * MiB);
    } catch (e) {
      thrown = e;
    }
    expect(expansionLimitMessage(thrown)).toMatch(/^entry b stopped after 6 MiB: the 20 MiB expansion budget of this evidence is spent/);
    expect(expansionLimitMessage(new Error('x', { cause: thrown }))).toMatch(/^entry b stopped/);
    const ratio = new ExpansionBudget(expansionLimitsFor(0)).meter('r', 100);
    expect(() => ratio.add(9 * MiB)).toThrow(/over 1000:1, more than it declared/);
    expect(budget.admitArchive(5)).toMatch(/nested deeper than 4 levels/);
    expect(budget.admitArchive(4)).toBeNull();
  });

  it('meters a stream for inflaters that work on streams', async () => {
    const budget = new ExpansionBudget({ ...expansionLimitsFor(0), totalBytes: 10 });
    const source = new Blob([new Uint8Array(11)]).stream().pipeThrough(meteredStream(budget.meter('s', 11)));
    await expect(new Response(source).arrayBuffer()).rejects.toThrow(/expansion budget/);
  });
});
