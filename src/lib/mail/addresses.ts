/** Address headers → MailAddress lists (groups flattened, encoded words decoded), never throwing. */
import { addressParser } from 'postal-mime';
import type { MailAddress } from '../model/message.ts';
import { repairC1 } from './decodeText.ts';

/** Addresses kept per header: a To: with 100,000 recipients must stay bounded. */
const MAX_ADDRESSES_PER_HEADER = 1000;

export function parseAddressList(value: string | null | undefined): MailAddress[] {
  if (!value) return [];
  try {
    const parsed = addressParser(value, { flatten: true });
    const out: MailAddress[] = [];
    for (const a of parsed) {
      if (out.length >= MAX_ADDRESSES_PER_HEADER) break;
      if (a.address === undefined) continue;
      if (!a.address && !a.name) continue;
      out.push({ name: repairC1(a.name ?? ''), address: a.address.trim() });
    }
    return out;
  } catch {
    return [];
  }
}

/** Return-Path / Delivered-To: the bare address, '' for the null sender "<>". */
export function parseBareAddress(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const angle = /<([^>]*)>/.exec(value);
  return (angle ? angle[1] : value).trim();
}
