/**
 * A zip found inside an archive: opened as an archive of its own when the nesting budget allows and its
 * bytes are at hand (a stored one is read in place whatever its size; a compressed one only when it was
 * kept in memory), and its own row made once its entries are in.
 */
import type { InventoryEntry } from '../model/inventoryEntry.ts';
import type { ArchiveContext } from './archiveContext.ts';
import { slicedSource } from './archiveContext.ts';
import type { CollectedEntry } from './createEntryCollector.ts';
import { emptyArchiveReason } from './emptyArchiveReason.ts';
import type { Opener } from './entryOpeners.ts';
import type { IngestRun } from './ingestRun.ts';
import { zipEntryDataStart, type ZipEntryRecord } from './openZipEntry.ts';
import { zipWalkProblem, type ZipWalk } from './walkZip.ts';
import { zipErrorReason } from './zipErrorReason.ts';
import { sliceZipSource } from './zipSource.ts';

/** Why a nested zip's entries are not listed: its row takes these instead. */
export type NestedZipRefusal = Pick<InventoryEntry, 'status' | 'error' | 'refused'>;

/** The nested zip in `row` as an archive to walk, or why it is not walked. */
export async function openNestedZip(
  run: IngestRun,
  row: InventoryEntry,
  c: CollectedEntry,
  record: ZipEntryRecord,
  encrypted: boolean,
  open: Opener,
  parent: ArchiveContext,
): Promise<ArchiveContext | NestedZipRefusal> {
  const depth = parent.depth + 1;
  const tooDeep = run.budget.admitArchive(depth);
  if (tooDeep) return { status: 'skipped', error: tooDeep, refused: 'limit' };
  const nested = { container: row.path, prefix: `${row.path}/`, depth };
  if (record.compressionMethod === 0 && !encrypted) {
    // Stored: the nested zip is a byte range of its parent, read in place whatever its size.
    let start: number;
    try {
      start = await zipEntryDataStart(parent.source, record);
    } catch (e) {
      return { status: 'error', error: zipErrorReason(e) };
    }
    const end = start + record.compressedSize;
    return { source: sliceZipSource(parent.source, start, end), later: slicedSource(parent.later, start, end), ...nested };
  }
  if (c.bytes) return { source: c.bytes, later: run.inflated.source(row.path, row.size, open), ...nested };
  return { status: 'skipped', error: `compressed nested archive above the ${run.keepLimit}-byte in-memory limit: its entries are not listed` };
}

/** The nested zip's own row once its entries are in: an error when the walk failed, skipped when it held no file. */
export function nestedZipRow(row: InventoryEntry, walk: ZipWalk): InventoryEntry {
  const problem = zipWalkProblem(walk);
  if (problem !== null) return { ...row, status: 'error', error: problem };
  if (walk.files === 0) return { ...row, status: 'skipped', error: emptyArchiveReason(walk.folders) };
  return row;
}
