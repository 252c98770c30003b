/** Whether `domain` is `parent` or one of its subdomains (case-insensitive). */
export function isSameOrSubdomain(domain: string, parent: string): boolean {
  const d = domain.toLowerCase();
  const p = parent.toLowerCase();
  return d === p || d.endsWith(`.${p}`);
}
