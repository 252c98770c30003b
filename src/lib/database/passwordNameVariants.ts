/**
 * Passwords people derive from their own account: the local part, its pieces, the domain label, their
 * names, each lower case / Capitalised / UPPER, bare or followed by the usual digits, years and "!".
 */
import type { DbAccount } from '../model/hmailDatabase.ts';

/** Years people append; a window around the period hMailServer 5.x was in use. */
const FIRST_YEAR = 1990;
const LAST_YEAR = 2030;

const WORDS = ['password', 'passwort', 'welcome', 'changeme', 'letmein', 'admin', 'mail', 'email', 'summer', 'winter', 'spring', 'autumn'];

const SUFFIXES: string[] = (() => {
  const out = ['', '1', '12', '123', '1234', '12345', '123456', '!', '1!', '123!', '01', '007', '#1', '@123'];
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) out.push(String(y), `${y}!`, `@${y}`, String(y).slice(2), `${String(y).slice(2)}!`);
  return out;
})();

export function passwordNameVariants(account: Pick<DbAccount, 'address' | 'firstName' | 'lastName'>): string[] {
  const address = account.address.toLowerCase();
  const [local, domain = ''] = address.split('@');
  const bases = new Set<string>([address, local, ...local.split(/[._\-+]/), domain, domain.split('.')[0], ...WORDS]);
  for (const n of [account.firstName, account.lastName]) if (n.trim()) bases.add(n.trim().toLowerCase());
  if (account.firstName.trim() && account.lastName.trim()) bases.add(`${account.firstName}${account.lastName}`.toLowerCase().replace(/\s+/g, ''));
  const out = new Set<string>();
  for (const base of bases) {
    if (base.length < 2) continue;
    const forms = [base, base[0].toUpperCase() + base.slice(1), base.toUpperCase()];
    for (const form of forms) for (const suffix of SUFFIXES) out.add(form + suffix);
  }
  return [...out];
}
