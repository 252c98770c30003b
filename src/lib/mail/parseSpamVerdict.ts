/**
 * hMailServer's spam headers → verdict. They are only written when the total reached the mark
 * threshold, so any of them means "flagged"; Reason-N numbers can have gaps and any order
 * (reference §3.4), so reasons are kept in file order and never renumbered.
 */
import type { SpamVerdict } from '../model/message.ts';

interface NamedValue { name: string; value: string }

function toNumber(text: string): number | null {
  const n = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(n) ? n : null;
}

export function parseSpamVerdict(headers: NamedValue[]): SpamVerdict {
  const verdict: SpamVerdict = { flagged: false, score: null, reasons: [] };
  for (const h of headers) {
    const name = h.name.toLowerCase();
    if (name === 'x-hmailserver-spam') {
      if (/^\s*yes\b/i.test(h.value)) verdict.flagged = true;
    } else if (name === 'x-hmailserver-reason-score') {
      verdict.flagged = true;
      verdict.score = toNumber(h.value);
    } else if (/^x-hmailserver-reason-\d+$/.test(name)) {
      verdict.flagged = true;
      const m = /^(.*?)\s*-\s*\(\s*score:\s*([-+]?\d+(?:[.,]\d+)?)\s*\)\s*$/i.exec(h.value);
      verdict.reasons.push(m ? { text: m[1].trim(), score: toNumber(m[2]) } : { text: h.value.trim(), score: null });
    }
  }
  return verdict;
}
