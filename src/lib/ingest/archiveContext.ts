/** Where the entries of one archive being ingested come from, and where they go in the inventory. */
import { sliceZipSource, type ZipSource } from './zipSource.ts';

export interface ArchiveContext {
  /** The archive's bytes for this pass. */
  source: ZipSource;
  /** The archive's bytes for later re-reads; may re-inflate a nested zip that was not kept. */
  later: () => Promise<ZipSource>;
  /** Inventory path of the archive. */
  container: string;
  /** Prepended to entry names: empty for a dropped zip, `<nested zip path>/` for a nested one. */
  prefix: string;
  /** 1 for a dropped zip, 2 for a zip inside it, … */
  depth: number;
}

/** The later source of a dropped zip: the dropped file itself. */
export const fixedSource =
  (source: ZipSource) =>
  (): Promise<ZipSource> =>
    Promise.resolve(source);

/** The later source of a stored nested zip: its byte range of its parent's later source. */
export const slicedSource =
  (later: () => Promise<ZipSource>, start: number, end: number) =>
  async (): Promise<ZipSource> =>
    sliceZipSource(await later(), start, end);
