/**
 * The byte ranges of a zip's entries as they are listed, to flag entries that share or overlap another's
 * data: many central records pointing at one local header make one file look like many, and overlapping
 * ranges are how non-recursive zip bombs multiply their output.
 */

export class ZipExtents {
  /** Sorted by start; entries usually come in offset order, so inserts are appends. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly names: string[] = [];

  /** Records [start, end) for `name`; returns the name of an entry it overlaps, or null. */
  add(start: number, end: number, name: string): string | null {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid] <= start) lo = mid + 1;
      else hi = mid;
    }
    // lo is the first range starting after `start`: only its neighbours can overlap.
    if (lo > 0 && this.ends[lo - 1] > start) return this.names[lo - 1];
    if (lo < this.starts.length && this.starts[lo] < end) return this.names[lo];
    this.starts.splice(lo, 0, start);
    this.ends.splice(lo, 0, end);
    this.names.splice(lo, 0, name);
    return null;
  }

  get firstStart(): number | null {
    return this.starts.length > 0 ? this.starts[0] : null;
  }

  /** Whether `offset` is the start of, or inside, a recorded range. */
  covers(offset: number): boolean {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.ends[lo - 1] > offset;
  }
}
