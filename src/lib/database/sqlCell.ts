/** A value read from a dump's literal, before the hMailServer row writer normalises it per column. */
export type SqlCell = string | number | bigint | Uint8Array | null;
