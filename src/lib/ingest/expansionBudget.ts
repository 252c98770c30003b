/**
 * How much work inflating the evidence may cost, shared by every inflater of one analysis (zip intake
 * now, a worker-pool inflater later): a zip bomb, a 42.zip-style nest or a lying size field stops at a
 * limit with a reason instead of exhausting the tab. Checked twice per entry: before inflating, from the
 * sizes the archive declares (`admitEntry`), and while inflating, from the bytes really produced
 * (`meter`), because declared sizes are attacker-controlled. DOM-free, no I/O.
 */
import { MAX_ARCHIVE_DEPTH } from './limits.ts';

export interface ExpansionLimits {
  /** Bytes all archive entries of the evidence may expand to, together. */
  totalBytes: number;
  /** Archive entries (files and folders) the evidence may list, together. */
  maxEntries: number;
  /** Deepest archive that is opened; the dropped zip is 1. */
  maxDepth: number;
  /** Expanded bytes per compressed byte above which an entry is a bomb rather than data. */
  maxRatio: number;
  /** Entries expanding to less than this are never refused for their ratio: small runs of zeros are common. */
  ratioGraceBytes: number;
}

/** The total expansion allowed per byte of evidence: real mail stores compress 2–10×. */
const EXPANSION_PER_EVIDENCE_BYTE = 20;

/** Floor of the total budget, so a small zip of a real server is never refused. */
export const MIN_TOTAL_EXPANSION_BYTES = 2 * 1024 ** 3;

/**
 * Deflate cannot exceed about 1032:1, so an entry above 1000:1 is a run of one repeated byte: the
 * building block of zip bombs, not evidence anyone needs inflated.
 */
const MAX_EXPANSION_RATIO = 1000;

const RATIO_GRACE_BYTES = 8 * 1024 * 1024;

/** More entries than any mail server holds; bounds the memory of the inventory itself. */
const MAX_ARCHIVE_ENTRIES = 2_000_000;

export function expansionLimitsFor(evidenceBytes: number): ExpansionLimits {
  return {
    totalBytes: Math.max(MIN_TOTAL_EXPANSION_BYTES, EXPANSION_PER_EVIDENCE_BYTE * evidenceBytes),
    maxEntries: MAX_ARCHIVE_ENTRIES,
    maxDepth: MAX_ARCHIVE_DEPTH,
    maxRatio: MAX_EXPANSION_RATIO,
    ratioGraceBytes: RATIO_GRACE_BYTES,
  };
}

/** Thrown by a meter when real output passes a limit; `code` survives Comlink, `instanceof` does not. */
class ExpansionLimitError extends Error {
  readonly code = 'expansion-limit';
  constructor(message: string) {
    super(message);
    this.name = 'ExpansionLimitError';
  }
}

/** The limit error inside `e` (zip.js may wrap a sink's error as its cause), or null. */
export function expansionLimitMessage(e: unknown): string | null {
  for (let cause = e, hops = 0; cause && hops < 4; cause = (cause as { cause?: unknown }).cause, hops++) {
    if ((cause as { code?: unknown }).code === 'expansion-limit') return (cause as Error).message;
  }
  return null;
}

export interface DeclaredEntry {
  path: string;
  compressedSize: number;
  uncompressedSize: number;
}

export interface ExpansionMeter {
  /** Counts `bytes` more output. @throws ExpansionLimitError past the total or the ratio limit. */
  add(bytes: number): void;
}

const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;

export class ExpansionBudget {
  readonly limits: ExpansionLimits;
  private expanded = 0;
  private entries = 0;

  constructor(limits: ExpansionLimits) {
    this.limits = limits;
  }

  get expandedBytes(): number {
    return this.expanded;
  }

  /** Why an archive at `depth` is not opened, or null. */
  admitArchive(depth: number): string | null {
    return depth > this.limits.maxDepth ? `archive nested deeper than ${this.limits.maxDepth} levels: its entries are not listed` : null;
  }

  /** Counts `count` listed entries; why listing must stop (the rest not listed), or null. */
  admitListing(count: number): string | null {
    this.entries += count;
    return this.entries > this.limits.maxEntries
      ? `more than ${this.limits.maxEntries} archive entries in this evidence: the rest are not listed (resource limit)`
      : null;
  }

  /** From declared sizes, before any byte is inflated: why the entry is skipped, or null. */
  admitEntry(entry: DeclaredEntry): string | null {
    const { uncompressedSize: size, compressedSize } = entry;
    if (!Number.isFinite(size) || size < 0) return `entry ${entry.path} declares an impossible size: not read (possible tampering)`;
    if (this.expanded + size > this.limits.totalBytes) {
      return `entry ${entry.path} declares ${mib(size)}, beyond what is left of the ${mib(this.limits.totalBytes)} expansion budget of this evidence (${EXPANSION_PER_EVIDENCE_BYTE}× its size, at least ${mib(MIN_TOTAL_EXPANSION_BYTES)}): not inflated (possible zip bomb)`;
    }
    if (size > this.limits.ratioGraceBytes && size > this.limits.maxRatio * Math.max(1, compressedSize)) {
      return `entry ${entry.path} declares ${mib(size)} from ${compressedSize} compressed bytes (over ${this.limits.maxRatio}:1): not inflated (zip bomb pattern)`;
    }
    return null;
  }

  /** Counts the real output of one entry as it is inflated. */
  meter(path: string, compressedSize: number): ExpansionMeter {
    let produced = 0;
    return {
      add: (bytes: number) => {
        produced += bytes;
        this.expanded += bytes;
        if (this.expanded > this.limits.totalBytes) {
          throw new ExpansionLimitError(
            `entry ${path} stopped after ${mib(produced)}: the ${mib(this.limits.totalBytes)} expansion budget of this evidence is spent (possible zip bomb); the entry is not analysed`,
          );
        }
        if (produced > this.limits.ratioGraceBytes && produced > this.limits.maxRatio * Math.max(1, compressedSize)) {
          throw new ExpansionLimitError(
            `entry ${path} stopped after ${mib(produced)} from ${compressedSize} compressed bytes (over ${this.limits.maxRatio}:1, more than it declared): not analysed (zip bomb pattern)`,
          );
        }
      },
    };
  }
}

/** A pass-through that meters every chunk: for any inflater that works on streams. */
export function meteredStream(meter: ExpansionMeter): TransformStream<Uint8Array, Uint8Array> {
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      meter.add(chunk.byteLength);
      controller.enqueue(chunk);
    },
  });
}
