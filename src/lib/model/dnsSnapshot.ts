/** A DNS snapshot supplied by the examiner in zone-file format (TXT and MX records). */
export interface DnsRecord { name: string; type: string; ttl: number | null; value: string }
export interface DnsSnapshot { path: string; records: DnsRecord[]; problems: { line: number; reason: string }[] }
