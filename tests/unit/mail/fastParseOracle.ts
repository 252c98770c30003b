/**
 * postal-mime as the oracle of the fast MIME path: a message is parsed both ways and, when the fast path
 * accepted it, the two ParsedMessages must be equal in every field but `parsedBy`.
 */
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import { fastMime } from '../../../src/lib/mail/fastMime.ts';
import { parseMessage, parseMessageReference } from '../../../src/lib/mail/parseMessage.ts';
import { postalInput } from '../../../src/lib/mail/postalInput.ts';
import { splitHeaders } from '../../../src/lib/mail/splitHeaders.ts';
import type { DnsSnapshot } from '../../../src/lib/model/dnsSnapshot.ts';
import type { ParsedMessage } from '../../../src/lib/model/message.ts';

const HASHES = { md5: 'm', sha256: 's' };
const POSTAL_MAX_HEADERS = 8 * 1024 * 1024;

export interface Verdict {
  /** 'fast', or why the fast path handed the message to postal-mime. */
  path: string;
  /** Set when the fast path accepted the message and its result differs from postal-mime's. */
  mismatch: boolean;
}

function withoutParsedBy(m: ParsedMessage): Omit<ParsedMessage, 'parsedBy'> {
  const copy = { ...m };
  delete copy.parsedBy;
  return copy;
}

function declineReason(bytes: Uint8Array): string {
  const block = splitHeaders(bytes);
  if (postalInput(bytes, block) !== bytes) return 'header block rewritten for postal-mime';
  try {
    fastMime(bytes, POSTAL_MAX_HEADERS);
    return 'accepted by fastMime yet parsed by postal-mime';
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

export async function compareWithOracle(bytes: Uint8Array, path: string, dns: DnsSnapshot | null = null): Promise<Verdict & { fast: ParsedMessage }> {
  const reference = await parseMessageReference(bytes, path, HASHES, { dns });
  const fast = await parseMessage(bytes, path, HASHES, { dns });
  if (reference.parsedBy !== 'postal-mime') throw new Error(`${path}: the reference parse did not use postal-mime`);
  if (fast.parsedBy !== 'fast') return { path: declineReason(bytes), mismatch: false, fast };
  return { path: 'fast', mismatch: !isDeepStrictEqual(withoutParsedBy(fast), withoutParsedBy(reference)), fast };
}

/** parseMessage for the unit tests: every message they use is also checked against postal-mime. */
export async function parseChecked(
  bytes: Uint8Array,
  path: string,
  hashes: { md5: string; sha256: string } = HASHES,
  options: { dns: DnsSnapshot | null } | DnsSnapshot | null = null,
): Promise<ParsedMessage> {
  const dns = options && 'records' in options ? options : options?.dns ?? null;
  const reference = await parseMessageReference(bytes, path, hashes, { dns });
  const fast = await parseMessage(bytes, path, hashes, { dns });
  if (fast.parsedBy === 'fast') expect(withoutParsedBy(fast), `${path}: fast path differs from postal-mime`).toStrictEqual(withoutParsedBy(reference));
  return fast;
}

/** Tally of verdicts: how many went each way, and the names of the mismatches. */
export class OracleTally {
  readonly paths = new Map<string, number>();
  readonly mismatches: string[] = [];
  total = 0;

  add(name: string, verdict: Verdict): void {
    this.total++;
    this.paths.set(verdict.path, (this.paths.get(verdict.path) ?? 0) + 1);
    if (verdict.mismatch) this.mismatches.push(name);
  }

  get fast(): number {
    return this.paths.get('fast') ?? 0;
  }

  summary(label: string): string {
    const declined = [...this.paths].filter(([p]) => p !== 'fast').sort((a, b) => b[1] - a[1]).map(([p, n]) => `${n}× ${p}`);
    return `[fast path] ${label}: ${this.fast}/${this.total} fast, ${this.total - this.fast} to postal-mime${declined.length ? ` (${declined.join('; ')})` : ''}`;
  }
}
