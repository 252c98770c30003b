/** The lower-case domain of an e-mail address (text after the last `@`), without brackets or a trailing dot. */
export function domainOf(address: string | null | undefined): string | null {
  if (!address) return null;
  const clean = address.trim().replace(/^<|>$/g, '');
  const at = clean.lastIndexOf('@');
  if (at < 0 || at === clean.length - 1) return null;
  const domain = clean.slice(at + 1).toLowerCase().replace(/\.$/, '');
  return domain.length > 0 ? domain : null;
}
