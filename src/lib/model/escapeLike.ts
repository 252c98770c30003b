/** Escapes LIKE wildcards for use with `ESCAPE '\'`: the store's named queries and the page's remaining SQL share it. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
