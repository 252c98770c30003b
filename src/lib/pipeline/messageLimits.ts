/** Limits of message handling in a run. */

/** A message file above this is not parsed (it would have to be held whole); it is reported instead. */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

/**
 * Characters of a body a run keeps after parsing: analyzers read only the start of server notices, the
 * case database keeps this much as a preview, search has the whole body through its index, and the
 * message view re-reads the file.
 */
export const RETAINED_TEXT_CHARS = 4096;
