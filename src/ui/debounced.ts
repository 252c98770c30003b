/**
 * Filters that apply as the examiner types: each keystroke restarts a short wait, and the filter runs once
 * typing pauses (or at once on Enter / leaving the field, through flush).
 */

/** Typing pauses this long before a filter runs: long enough not to query on every keystroke. */
const TYPING_PAUSE_MS = 300;

export interface Debounced<T> {
  call(value: T): void;
  /** Runs the pending call now with this value; nothing when no call is pending (it already ran). */
  flush(value: T): void;
  cancel(): void;
}

export function debounced<T>(run: (value: T) => void, ms = TYPING_PAUSE_MS): Debounced<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    call(value) {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        run(value);
      }, ms);
    },
    flush(value) {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      run(value);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
