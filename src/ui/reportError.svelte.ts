/**
 * The single funnel for unexpected errors (architecture.md §5): one specific message in the banner and
 * data-state="error" on the status element. Cancellation (AbortError) is not an error and is ignored.
 */

class ErrorReport {
  /** What the banner shows; null when there is nothing to report. */
  message = $state<string | null>(null);
}

export const errorReport = new ErrorReport();

/** Comlink keeps only {name, message, stack}, so errors are recognised by name, never by instanceof. */
export function isAbortError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AbortError';
}

function reason(err: unknown): string {
  if (typeof err === 'object' && err !== null && typeof (err as { message?: unknown }).message === 'string') {
    return (err as { message: string }).message;
  }
  return String(err);
}

export function reportError(err: unknown, userMessage: string): void {
  if (isAbortError(err)) return;
  const why = reason(err);
  errorReport.message = why && why !== userMessage ? `${userMessage}: ${why}` : userMessage;
  console.error(userMessage, err);
}

export function clearError(): void {
  errorReport.message = null;
}
