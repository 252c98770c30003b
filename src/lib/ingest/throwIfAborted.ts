/** The one cancellation check of the ingest stage, called between slices and entries. */

/** @throws DOMException AbortError when `signal` is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('Aborted', 'AbortError');
}
