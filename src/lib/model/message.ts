/** A message file parsed once, in a worker; everything the analyzers and views need of it. */

export interface MailAddress { name: string; address: string }

export interface ReceivedHop {
  /** The header as written, unfolded. */
  raw: string;
  from: string | null;
  /** Host name given in the parenthesised comment after `from` (PTR), if any. */
  fromPtr: string | null;
  ip: string | null;
  by: string | null;
  with: string | null;
  id: string | null;
  for: string | null;
  /** ISO UTC, or null when the stamp is missing or unparseable. */
  time: string | null;
  /** Offset written in the stamp, in minutes east of UTC, or null. */
  offsetMinutes: number | null;
}

export interface AttachmentInfo {
  filename: string;
  contentType: string;
  disposition: string;
  size: number;
  sha256: string;
  /** Set by every parse; absent only in attachments rebuilt from a case file written before they were kept. */
  md5?: string;
  sha1?: string;
  /** What the first bytes say, e.g. pe-executable, elf, mach-o, zip, pdf, ole2, office-macro, script, unknown. */
  detectedType: string;
  /** For archive attachments: the names inside (bounded). */
  archiveEntries?: string[];
  /** First bytes of a text part (removal notices are short). */
  textPreview?: string;
  /** For a part found inside an attached message: that message's file name, else its subject. */
  container?: string;
}

export interface DkimCheck {
  domain: string;
  selector: string;
  algorithm: string;
  canonicalization: string;
  /** true: bh= matches the body; false: it does not; null: could not be computed (reason says why). */
  bodyHashOk: boolean | null;
  /** With a key from a DNS snapshot: whether b= verifies; null when no key was supplied. */
  signatureOk: boolean | null;
  reason: string;
}

export interface SpamVerdict {
  flagged: boolean;
  score: number | null;
  reasons: { text: string; score: number | null }[];
}

export interface ParsedMessage {
  path: string;
  size: number;
  md5: string;
  sha256: string;
  /** `{XXXXXXXX-...}` taken from the file name, upper case with braces, or null. */
  guid: string | null;
  /** hMailServer headers first, as in the file: unfolded name/value pairs in order. */
  headers: { name: string; value: string }[];
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  from: MailAddress | null;
  sender: MailAddress | null;
  replyTo: MailAddress[];
  returnPath: string | null;
  deliveredTo: string | null;
  to: MailAddress[];
  cc: MailAddress[];
  bcc: MailAddress[];
  subject: string;
  /** Date header as ISO UTC, or null. */
  date: string | null;
  received: ReceivedHop[];
  /** Authentication-Results / Received-SPF results: method → result, e.g. { spf: 'fail' }. */
  authResults: { method: string; result: string; raw: string }[];
  spam: SpamVerdict;
  dkim: DkimCheck[];
  attachments: AttachmentInfo[];
  /**
   * Plain text body (bounded) for search. During a run the triage worker keeps only its beginning once
   * the whole body is in the case database; `textDigest` then stands for the whole.
   */
  text: string;
  /** SHA-256 of the whole `text` as parsed, so comparisons still see the whole body after it was cut. */
  textDigest?: string;
  hasHtml: boolean;
  /** Absolute URLs of the HTML body (htmlUrls.ts), read by the indicator extraction; absent when none. */
  htmlUrls?: string[];
  /** Parse defects found; empty when clean. */
  defects: string[];
  /** Set when the message could not be parsed at all. */
  parseError: string | null;
  /**
   * Which MIME decoder produced `text`, `hasHtml` and `attachments`: 'fast' is the project's own
   * structural pass (src/lib/mail/fastMime.ts), which gives postal-mime's exact result for the messages
   * it accepts; 'postal-mime' when it declined one or a reference parse was asked for. Files without a
   * header block are never MIME-decoded and say 'fast' unless parsed as reference. Optional because
   * messages built outside parseMessage (tests, fixtures) need not say.
   */
  parsedBy?: 'fast' | 'postal-mime';
  /** Indicators of compromise, extracted in the parser worker while the full body is at hand. */
  iocs?: { kind: string; value: string }[];
}
