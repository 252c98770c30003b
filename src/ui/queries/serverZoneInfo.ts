/** The server time zone and the times left out, as the case database stores them (case_meta server_zone). */

export interface ServerZoneInfo {
  /** IANA zone or "UTC±HH:MM". */
  id: string;
  basis: string;
  /** Zones and offsets that fit the server's own stamps, best first. */
  candidates: { id: string; fits: number }[];
  evidencePairs: number;
}

export interface LeftOutTime {
  timeLocal: string;
  type: string;
  source: string;
  note: string;
}

/** A case file without the value (or one too old to have it) reads as UTC, saying so. */
export function parseZoneInfo(stored: string | null): ServerZoneInfo {
  const fallback: ServerZoneInfo = { id: 'UTC', basis: 'not recorded in this case', candidates: [], evidencePairs: 0 };
  if (!stored) return fallback;
  try {
    const z = JSON.parse(stored) as Partial<ServerZoneInfo>;
    return {
      id: typeof z.id === 'string' ? z.id : fallback.id,
      basis: typeof z.basis === 'string' ? z.basis : fallback.basis,
      candidates: Array.isArray(z.candidates) ? z.candidates : [],
      evidencePairs: typeof z.evidencePairs === 'number' ? z.evidencePairs : 0,
    };
  } catch {
    return fallback;
  }
}
