/**
 * The zone a run converts server-local times with: the examiner's choice when given (an IANA name or a fixed
 * offset), else the guess from the server's own offsets, else UTC with a basis that says nothing supports it.
 * The evidence's candidates are kept either way, so the examiner sees what the stamps say of their choice.
 */
import type { CaseData } from '../../model/caseData.ts';
import { clockCheck, clockCheckText } from './clockCheck.ts';
import { guessServerZone } from './guessServerZone.ts';
import { fixedZone, parseServerZone } from '../../time/serverZone.ts';
import type { ServerZone } from '../../model/serverZone.ts';
import { pairBlocks, zoneFit } from './zoneFit.ts';
import { zoneEvidence, type OffsetPair } from './zoneEvidence.ts';

/** How many of the evidence's (instant, offset) pairs the zone reproduces. */
function explained(zone: ServerZone, pairs: OffsetPair[]): number {
  const fixed = zone.fixedOffsetMinutes;
  return fixed === null ? zoneFit(zone.id, pairBlocks(pairs)) : pairs.filter((p) => p.offsetMinutes === fixed).length;
}

/** How many candidates travel with the zone (findings.json, the case database, the zone picker). */
const KEPT_CANDIDATES = 40;

export function chooseServerZone(caseData: Pick<CaseData, 'database' | 'messages' | 'links' | 'logs'>, requested?: string): ServerZone {
  const zone = zoneFor(caseData, requested);
  const check = clockCheckText(clockCheck(caseData, zone));
  return check ? { ...zone, basis: `${zone.basis.replace(/\.$/, '')}; ${check}` } : zone;
}

function zoneFor(caseData: Pick<CaseData, 'database' | 'messages' | 'links'>, requested?: string): ServerZone {
  const guess = guessServerZone(caseData);
  const evidence = guess ? { candidates: guess.candidates.slice(0, KEPT_CANDIDATES), evidencePairs: guess.pairs } : { candidates: [], evidencePairs: 0 };
  const guessed = guess ? guess.zone : fixedZone(0, 'no basis found (no Received stamp of the server carries an offset): UTC assumed until the examiner sets a zone');
  if (requested === undefined) return { ...guessed, ...evidence };
  const chosen = parseServerZone(requested, 'set by the examiner');
  if (!chosen) return { ...guessed, basis: `"${requested}" is neither an IANA zone nor an offset, so the guess is kept: ${guessed.basis}`, ...evidence };
  const note = guess ? `; it explains ${explained(chosen, zoneEvidence(caseData))} of ${guess.pairs} offsets in the server's stamps (the guess was ${guess.zone.id})` : '';
  return { ...chosen, basis: `set by the examiner${note}`, ...evidence };
}
