/**
 * How many (instant, offset) pairs an IANA zone explains. Pairs are checked in blocks (same offset, at most a
 * week long): when the zone shows the block's offset at both ends, the whole block fits, since no zone changes
 * its offset twice within a week. Only blocks straddling a change are checked pair by pair, so a year of mail
 * costs a zone about a hundred Intl calls instead of one per message.
 */
import type { OffsetPair } from './zoneEvidence.ts';
import { zoneOffsetAt } from '../../time/zoneOffsetAt.ts';

const BLOCK_MS = 7 * 86_400_000;

export interface PairBlock {
  offsetMinutes: number;
  pairs: OffsetPair[];
}

/** @param pairs sorted by time. */
export function pairBlocks(pairs: OffsetPair[]): PairBlock[] {
  const blocks: PairBlock[] = [];
  let current: PairBlock | null = null;
  for (const p of pairs) {
    if (!current || current.offsetMinutes !== p.offsetMinutes || p.utcMs - current.pairs[0].utcMs > BLOCK_MS) {
      current = { offsetMinutes: p.offsetMinutes, pairs: [] };
      blocks.push(current);
    }
    current.pairs.push(p);
  }
  return blocks;
}

export function zoneFit(zone: string, blocks: PairBlock[]): number {
  let fits = 0;
  for (const b of blocks) {
    const first = zoneOffsetAt(zone, b.pairs[0].utcMs);
    const last = b.pairs.length === 1 ? first : zoneOffsetAt(zone, b.pairs[b.pairs.length - 1].utcMs);
    if (first === b.offsetMinutes && last === b.offsetMinutes) fits += b.pairs.length;
    else if (first !== last) fits += b.pairs.filter((p) => zoneOffsetAt(zone, p.utcMs) === b.offsetMinutes).length;
  }
  return fits;
}
