/** A view's rows narrowed to those whose key carries the chosen tag (TagFilter); all rows without a tag filter. */
export function withTag<R>(rows: R[], tagged: ReadonlySet<string> | null, key: (r: R) => string): R[] {
  return tagged ? rows.filter((r) => tagged.has(key(r))) : rows;
}
