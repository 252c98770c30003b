/** Resource limits of the ingest stage: each bounds memory or work that hostile or huge evidence could blow up. */

/** Bytes of each entry kept for content sniffing; enough for a header block, a log line or a file signature. */
export const HEAD_BYTES = 4096;

/**
 * A text entry the head does not identify is searched this far for dump markers: a dump may open with
 * one pathological statement megabytes long before its first recognisable line.
 */
export const SNIFF_WINDOW_BYTES = 4 * 1024 * 1024;

/** Dropped files are read in slices of this size, so a multi-GB file never sits in memory whole. */
export const READ_SLICE_BYTES = 8 * 1024 * 1024;

/** Entries up to this size are handed over whole; bigger ones only through a re-read stream. */
export const DEFAULT_KEEP_IN_MEMORY_LIMIT = 64 * 1024 * 1024;

/**
 * Archives nested deeper than this (the dropped zip counts as 1) are listed but not opened: stops a
 * zip quine or a deliberately deep nest from recursing without end.
 */
export const MAX_ARCHIVE_DEPTH = 4;

/** Progress callbacks closer together than this are dropped: tens of thousands of entries would flood the UI. */
export const PROGRESS_INTERVAL_MS = 100;

/**
 * A File read continues in windows of this size: in a browser every Blob read costs about a millisecond
 * of IPC whatever its size, so reading each zip header and entry separately would dominate the run.
 */
export const READ_WINDOW_BYTES = 4 * 1024 * 1024;

/** A read that jumps elsewhere in the File fetches at least this much: one header plus a small entry. */
export const RANDOM_READ_BYTES = 64 * 1024;
