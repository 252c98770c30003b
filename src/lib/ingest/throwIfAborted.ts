/** The one cancellation check of a run (ingest between slices and entries, the pipeline between stages). */

/** @throws DOMException AbortError when `signal` is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('Aborted', 'AbortError');
}
