/**
 * The server's clock zone: an IANA zone (daylight saving applied per instant from the runtime's own tz data,
 * Intl) or, when no zone fits the evidence, a fixed offset. `id` is what the examiner reads and types:
 * "America/New_York" or "UTC+02:00".
 */

export interface ServerZone {
  /** An IANA zone name, or "UTC±HH:MM" for a fixed offset. */
  id: string;
  /** Minutes east of UTC for a fixed offset; null for an IANA zone (its offset depends on the instant). */
  fixedOffsetMinutes: number | null;
  /** How it was chosen, in words an examiner can quote. */
  basis: string;
  /** Zones and offsets that fit the evidence, best first, with how many of its offsets each explains. */
  candidates?: { id: string; fits: number }[];
  /** How many (instant, offset) pairs the candidates were tested on. */
  evidencePairs?: number;
}
