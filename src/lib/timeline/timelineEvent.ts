/** One event of the case timeline: everything with a time (messages, log events, accounts, files) in one shape. */

export interface TimelineEvent {
  /** ISO 8601 UTC ("…Z"), or null when the time could not be read. */
  timeUtc: string | null;
  /**
   * The server's local clock reading ("YYYY-MM-DD HH:MM:SS[.mmm]") when the time came from it (database, logs),
   * or a wall-clock time of unknown zone (DOS zip entry times); timeUtc then derives from the case's server zone.
   * Null for times that carry their own offset (headers) or are UTC already.
   */
  timeLocal: string | null;
  /**
   * The zone timeUtc was derived with: the server zone's id for server-local times, the offset written in a
   * header ("UTC-05:00"), "UTC" for times recorded in UTC, "unknown" when nothing recorded it.
   */
  timeZone: string;
  /** Why timeUtc is null (a placeholder, an unknown zone) or what is special about it (an ambiguous hour). */
  timeNote: string | null;
  type: string;
  /** Where the time was read: a table, a header, or `<log file>:<line>`. */
  source: string;
  description: string;
  /** Evidence path of the message the event belongs to. */
  refMessage: string | null;
  /** LogSession.key of the log session the event belongs to. */
  refSession: string | null;
  account: string | null;
  ip: string | null;
}
