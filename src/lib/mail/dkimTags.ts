/** DKIM tag=value lists (RFC 6376 §3.2), used by signatures and key records alike. */

export interface TagList {
  tags: Map<string, string>;
  /** Tag names given more than once (the signature is then malformed). */
  duplicates: string[];
}

export function parseTagList(text: string): TagList {
  const tags = new Map<string, string>();
  const duplicates: string[] = [];
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).replace(/\s+/g, '').toLowerCase();
    if (!name) continue;
    const value = part.slice(eq + 1).replace(/^\s+|\s+$/g, '');
    if (tags.has(name)) duplicates.push(name);
    else tags.set(name, value);
  }
  return { tags, duplicates };
}
