/**
 * The server's time zone, guessed from the offsets its own clock wrote (zoneEvidence): every IANA zone the
 * runtime knows is tested against every (instant, offset) pair, and the zones that explain all or most of them
 * are ranked. A zone is chosen only when it explains more pairs than any fixed offset does, that is when the
 * evidence shows a daylight-saving change that the zone reproduces; otherwise the single offset is kept
 * (many zones fit it, and nothing tells which rules the clock followed outside the stamps' dates).
 */
import type { CaseData } from '../../model/caseData.ts';
import { compareStrings } from '../../model/compareStrings.ts';
import { fixedZone, formatOffset } from '../../time/serverZone.ts';
import type { ServerZone } from '../../model/serverZone.ts';
import { pairBlocks, zoneFit } from './zoneFit.ts';
import { zoneEvidence, type OffsetPair } from './zoneEvidence.ts';

interface ZoneCandidate {
  /** IANA zone name or "UTC±HH:MM". */
  id: string;
  fits: number;
}

export interface ZoneGuess {
  zone: ServerZone;
  /** Ranked, best first: zones explaining at least half the pairs, then the fixed offsets seen. */
  candidates: ZoneCandidate[];
  pairs: number;
}

/**
 * CLDR's "golden" zone of the most used metazones: among zones that fit equally well, the one most servers
 * in that region are set to is named first. Only the order of ties depends on it.
 */
const PREFERRED = [
  'America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Phoenix', 'America/Anchorage',
  'America/Halifax', 'America/Sao_Paulo', 'America/Mexico_City', 'Europe/London', 'Europe/Paris', 'Europe/Berlin',
  'Europe/Helsinki', 'Europe/Moscow', 'Africa/Johannesburg', 'Asia/Dubai', 'Asia/Kolkata', 'Asia/Shanghai',
  'Asia/Tokyo', 'Australia/Sydney', 'Australia/Adelaide', 'Pacific/Auckland', 'Pacific/Honolulu', 'UTC',
];

/** Candidate lists longer than this are cut in the basis text (the full list stays in `candidates`). */
const NAMED_IN_BASIS = 6;

function allZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** "−04:00 in 40 stamps 2023-10-02 … 2023-11-04, then −05:00 in 38 stamps 2023-11-05 … 2023-11-30" */
function offsetHistory(pairs: OffsetPair[]): string {
  const runs: { offset: number; from: number; to: number; n: number }[] = [];
  for (const p of pairs) {
    const last = runs[runs.length - 1];
    if (last && last.offset === p.offsetMinutes) {
      last.to = p.utcMs;
      last.n++;
    } else runs.push({ offset: p.offsetMinutes, from: p.utcMs, to: p.utcMs, n: 1 });
  }
  const shown = runs.slice(0, 8).map((r) => `${formatOffset(r.offset)} in ${r.n} from ${day(r.from)} to ${day(r.to)}`);
  return shown.join(', then ') + (runs.length > 8 ? `, and ${runs.length - 8} more changes` : '');
}

function rankZones(pairs: OffsetPair[]): ZoneCandidate[] {
  const blocks = pairBlocks(pairs);
  const preferred = new Map(PREFERRED.map((z, i) => [z, i]));
  return allZones()
    .map((id) => ({ id, fits: zoneFit(id, blocks) }))
    .filter((c) => c.fits * 2 >= pairs.length)
    .sort((a, b) => b.fits - a.fits || (preferred.get(a.id) ?? PREFERRED.length) - (preferred.get(b.id) ?? PREFERRED.length) || compareStrings(a.id, b.id));
}

function namedList(candidates: ZoneCandidate[]): string {
  const names = candidates.slice(0, NAMED_IN_BASIS).map((c) => c.id);
  return names.join(', ') + (candidates.length > NAMED_IN_BASIS ? `, … (${candidates.length} zones)` : '');
}

export function guessServerZone(caseData: Pick<CaseData, 'database' | 'messages' | 'links'>): ZoneGuess | null {
  const pairs = zoneEvidence(caseData);
  if (pairs.length === 0) return null;
  const stamps = pairs.filter((p) => p.source === 'received').length;
  const what = `${stamps} Received stamps of the server${pairs.length > stamps ? ` and ${pairs.length - stamps} Date headers of its own users` : ''}`;
  const offsetCounts = new Map<number, number>();
  for (const p of pairs) offsetCounts.set(p.offsetMinutes, (offsetCounts.get(p.offsetMinutes) ?? 0) + 1);
  const offsets = [...offsetCounts].sort(([a, na], [b, nb]) => nb - na || Math.abs(a) - Math.abs(b) || a - b);
  const [bestOffset, offsetFits] = offsets[0];
  const zones = rankZones(pairs);
  const fixed = offsets.map(([o, n]) => ({ id: fixedZone(o, '').id, fits: n }));
  const candidates = [...zones, ...fixed];
  const history = offsetHistory(pairs);
  const best = zones[0];
  const all = (c: ZoneCandidate) => c.fits === pairs.length;
  if (best && best.fits > offsetFits) {
    const tied = zones.filter((z) => z.fits === best.fits);
    const fit = all(best) ? 'fits all' : `fits ${best.fits} of ${pairs.length}`;
    const basis = `${history} (${what}): ${fit}: ${namedList(tied)}; ${best.id} used`;
    return { zone: { id: best.id, fixedOffsetMinutes: null, basis }, candidates, pairs: pairs.length };
  }
  const alsoZones = zones.filter((z) => z.fits === offsetFits);
  const zonesText = alsoZones.length > 0 ? `; zones that also fit: ${namedList(alsoZones)}` : '; no zone fits';
  const fit = offsetFits === pairs.length ? 'one offset in all' : `the most common offset, in ${offsetFits} of ${pairs.length}`;
  const basis =
    `${history} (${what}): ${fit}, no daylight-saving change seen, so the fixed offset UTC${formatOffset(bestOffset)} is used${zonesText}. ` +
    'Choose a zone if the server\'s clock followed one beyond these dates.';
  return { zone: fixedZone(bestOffset, basis), candidates, pairs: pairs.length };
}
