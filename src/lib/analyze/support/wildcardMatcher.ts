/** hMailServer's blocked-attachment wildcard (`*.exe`, `?`) as a whole-name, case-insensitive test, compiled once. */
export function wildcardMatcher(pattern: string): (name: string) => boolean {
  const source = pattern
    .trim()
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const re = new RegExp(`^${source}$`, 'is');
  return (name) => re.test(name.trim());
}
