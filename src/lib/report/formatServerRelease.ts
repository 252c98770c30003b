/**
 * The hMailServer release line a database schema version belongs to (hm_dbversion, hmailserver.md §2.1):
 * the database is the only version the evidence states, since a running server refuses any other schema.
 */
const RELEASES: [min: number, max: number, release: string][] = [
  [5000, 5006, '5.0.x'],
  [5100, 5110, '5.1'],
  [5200, 5201, '5.2'],
  [5300, 5320, '5.3'],
  [5400, 5400, '5.4.x'],
  [5500, 5502, '5.5.x'],
  [5600, 5600, '5.6.0 (development)'],
  [5601, 5601, '5.6.x (5.6.0 – 5.6.9)'],
  [5700, 5704, '5.7 (development line)'],
];

/** "hMailServer 5.6.x (5.6.0 – 5.6.9)", or null for a version outside the known table. */
export function formatServerRelease(schemaVersion: number | null): string | null {
  if (schemaVersion === null) return null;
  if (schemaVersion >= 1100 && schemaVersion <= 4402) return 'hMailServer 1.x – 4.x';
  const hit = RELEASES.find(([min, max]) => schemaVersion >= min && schemaVersion <= max);
  return hit ? `hMailServer ${hit[2]}` : null;
}
