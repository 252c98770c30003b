/**
 * The organisation part of a host or mail domain ("mail.example.co.uk" → "example.co.uk"), approximated
 * without the full Public Suffix List: the last two labels, or three under a common two-level suffix.
 */

/** Second-level labels that, under a country code, form a public suffix (co.uk, com.au, …). */
const SECOND_LEVEL_SUFFIXES = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu', 'ne', 'or', 'go', 'gob', 'mil', 'nic', 'ltd', 'plc']);

export function registrableDomain(domain: string): string {
  const labels = domain.toLowerCase().replace(/\.$/, '').split('.').filter((l) => l.length > 0);
  if (labels.length <= 2) return labels.join('.');
  const tld = labels[labels.length - 1];
  const second = labels[labels.length - 2];
  const take = tld.length === 2 && SECOND_LEVEL_SUFFIXES.has(second) ? 3 : 2;
  return labels.slice(-take).join('.');
}
