/**
 * A reduced form of a domain label under which look-alike spellings collide (after UTS #39 "skeleton"):
 * punycode decoded, accents stripped, Cyrillic/Greek homoglyphs and digit/letter swaps folded to ASCII.
 */
import { decodePunycode } from './decodePunycode.ts';

const HOMOGLYPHS: Record<string, string> = {
  // Cyrillic
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ԁ: 'd', ѕ: 's', һ: 'h', ӏ: 'l', к: 'k', ԛ: 'q', ԝ: 'w', ь: 'b', п: 'n', г: 'r',
  // Greek
  α: 'a', ο: 'o', ν: 'v', ρ: 'p', τ: 't', υ: 'u', ι: 'i', κ: 'k', χ: 'x', ε: 'e', β: 'b', η: 'n', μ: 'u',
  // Latin look-alikes and digits
  ı: 'i', ℓ: 'l', '0': 'o', '1': 'l', '5': 's', '|': 'l',
};

export function confusableSkeleton(label: string): string {
  const folded = decodePunycode(label)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split('')
    .map((c) => HOMOGLYPHS[c] ?? c)
    .join('');
  // i and l are folded together last, so that "1" (→ l) and "i" meet; rn and vv read as m and w.
  return folded.replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/i/g, 'l');
}
