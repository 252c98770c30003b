/** The lower-case extension of a file name (no dot), ignoring trailing dots and spaces Windows strips; '' if none. */
export function extensionOf(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[.\s]+$/, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}
