/**
 * Tests every account's stored password against the bundled common list and the account's own name
 * variants, in hMailServer's schemes (../shared/reference/hmailserver.md §2.5.1): plain and Blowfish compare
 * case-insensitively as the server does; MD5 and salted SHA-256 (hex salt = first 6 chars) are hashed.
 */
import { createMD5, createSHA256, type IHasher } from 'hash-wasm';
import type { WeakPassword } from '../model/caseData.ts';
import type { DbAccount } from '../model/hmailDatabase.ts';
import { blowfishDecrypt } from './blowfishDecrypt.ts';
import { COMMON_PASSWORDS } from './commonPasswords.ts';
import { passwordNameVariants } from './passwordNameVariants.ts';

/**
 * Salted hashes cost one SHA-256 per candidate per account (about 1.5 µs each): the 20,000 most common
 * passwords keep a 1,000-account server near half a minute. Unsalted schemes use the whole list.
 */
const SALTED_COMMON_LIMIT = 20_000;

/** Hashes between yields, so an abort sent to the worker is seen while it is busy. */
const HASHES_PER_YIELD = 4_000;

interface Candidates {
  common: readonly string[];
  variants: string[];
}

type Match = { password: string; matchedBy: WeakPassword['matchedBy'] };

let md5OfCommon: Promise<Map<string, string>> | null = null;
let lowerCommon: Set<string> | null = null;

function hex(hasher: IHasher, text: string): string {
  hasher.init();
  hasher.update(text);
  return hasher.digest('hex');
}

function commonMd5Map(): Promise<Map<string, string>> {
  md5OfCommon ??= createMD5().then((md5) => {
    const map = new Map<string, string>();
    for (const p of COMMON_PASSWORDS) {
      const h = hex(md5, p);
      if (!map.has(h)) map.set(h, p);
    }
    return map;
  });
  return md5OfCommon;
}

const yieldNow = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function checkAbort(signal?: AbortSignal): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('Aborted', 'AbortError');
}

function matchPlain(plain: string, c: Candidates): Match | null {
  const lower = plain.toLowerCase();
  lowerCommon ??= new Set(COMMON_PASSWORDS.map((p) => p.toLowerCase()));
  if (lowerCommon.has(lower)) return { password: plain, matchedBy: 'common-list' };
  if (c.variants.some((p) => p.toLowerCase() === lower)) return { password: plain, matchedBy: 'name-variant' };
  return null;
}

async function matchHashed(
  stored: string,
  hasher: IHasher,
  salt: string,
  lists: [readonly string[], Match['matchedBy']][],
  signal?: AbortSignal,
): Promise<Match | null> {
  const target = stored.slice(salt.length).toLowerCase();
  let n = 0;
  for (const [list, matchedBy] of lists) {
    for (const p of list) {
      if (hex(hasher, salt + p) === target) return { password: p, matchedBy };
      if (++n % HASHES_PER_YIELD === 0) {
        await yieldNow();
        checkAbort(signal);
      }
    }
  }
  return null;
}

/** @throws the signal's reason (an AbortError) when aborted. */
export async function findWeakPasswords(accounts: DbAccount[], options: { signal?: AbortSignal } = {}): Promise<WeakPassword[]> {
  const { signal } = options;
  const out: WeakPassword[] = [];
  const md5 = await createMD5();
  const sha256 = await createSHA256();
  for (const account of accounts) {
    checkAbort(signal);
    // Active Directory accounts log on through Windows: the database value is not their password.
    if (account.isAd || account.passwordStored === '') continue;
    const stored = account.passwordStored;
    const c: Candidates = { common: COMMON_PASSWORDS, variants: passwordNameVariants(account) };
    let hit: Match | null = null;
    switch (account.passwordScheme) {
      case 'plain':
        hit = matchPlain(stored, c);
        break;
      case 'blowfish': {
        const plain = blowfishDecrypt(stored);
        hit = plain ? matchPlain(plain, c) : null;
        break;
      }
      case 'md5': {
        const common = (await commonMd5Map()).get(stored.toLowerCase());
        hit = common !== undefined ? { password: common, matchedBy: 'common-list' } : await matchHashed(stored, md5, '', [[c.variants, 'name-variant']], signal);
        break;
      }
      case 'sha256-salted':
        if (/^[0-9a-fA-F]{70}$/.test(stored)) {
          const salt = stored.slice(0, 6);
          hit = await matchHashed(stored, sha256, salt, [[c.common.slice(0, SALTED_COMMON_LIMIT), 'common-list'], [c.variants, 'name-variant']], signal);
        }
        break;
      default:
        break;
    }
    if (hit) out.push({ account: account.address, scheme: account.passwordScheme, matchedBy: hit.matchedBy, password: hit.password });
  }
  return out;
}
