/** Resource limits of log parsing: a multi-GB log folder is streamed, so nothing may grow with its size but the results. */

/** Unparsed lines kept as samples (all are counted): a garbage file must not fill memory with copies of itself. */
export const MAX_UNPARSED_SAMPLES = 1000;

/** Characters of an unparsed line kept in its sample: a binary or run-on line would otherwise be kept whole. */
export const MAX_UNPARSED_SAMPLE_CHARS = 1000;

/** A line longer than this is cut off and reported: without a newline the carry-over buffer would grow unbounded. */
export const MAX_LINE_CHARS = 1024 * 1024;

/** Recipients recorded per session: spam runs send thousands of RCPT TO in one session. */
export const MAX_RCPT_PER_SESSION = 1000;

/** Notable (4xx/5xx) responses recorded per session: a dictionary attack gets one per attempt. */
export const MAX_RESPONSES_PER_SESSION = 50;

/** Clock setbacks listed per file (all are counted): a log out of time order would otherwise list every line. */
export const MAX_SETBACKS_LISTED = 20;

/** A step back in local time larger than this is a setback; threads of one server interleave by less. */
export const SETBACK_MIN_MS = 60_000;
