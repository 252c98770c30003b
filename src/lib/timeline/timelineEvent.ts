/** One event of the case timeline: everything with a time (messages, log events, accounts, files) in one shape. */

export interface TimelineEvent {
  /** ISO 8601 UTC ("…Z"), or null when the time could not be read. */
  timeUtc: string | null;
  /**
   * The server's local clock reading ("YYYY-MM-DD HH:MM:SS[.mmm]") when the time came from it (database, logs);
   * timeUtc then derives from the case's server offset and follows it when the examiner changes it. Null for
   * times that carry their own offset (headers) or are UTC already (archive entries).
   */
  timeLocal: string | null;
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
