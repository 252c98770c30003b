/** What an analysis run hands back to the page: counts for the status line and the Overview. */
export interface AnalysisResult {
  runId: number;
  durationMs: number;
  counts: {
    evidenceFiles: number;
    inventoryEntries: number;
    inventoryErrors: number;
    messages: number;
    dbMessages: number;
    accounts: number;
    domains: number;
    logLines: number;
    logSessions: number;
    findings: number;
    /** Messages the fast structural parser read, and those it left to postal-mime (the reference parser). */
    parsedFast: number;
    parsedReference: number;
  };
  /** Specific messages about bad input (path: why), also present as inventory rows and parse-error findings. */
  problems: string[];
}

/** A page of rows from the read-only case database. */
export interface QueryResult {
  columns: string[];
  rows: (string | number | null)[][];
  /** Set when the console cut the result at its row limit. */
  truncated?: boolean;
}

/** What the message view needs beyond the case tables: decoded on demand from the original bytes. */
export interface MessageDetail {
  path: string;
  raw: Uint8Array;
  html: string | null;
  text: string;
  /** True when the message has no text part and `text` is the readable text of its HTML part. */
  textFromHtml: boolean;
  mimeTree: MimeNode[];
  attachments: { filename: string; contentType: string; bytes: Uint8Array; sha256: string }[];
}

export interface MimeNode {
  depth: number;
  contentType: string;
  filename: string | null;
  size: number;
  defects: string[];
}
