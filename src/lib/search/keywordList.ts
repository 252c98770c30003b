/**
 * A keyword list as examiners keep them: one term per line (each a search query in the box's syntax, so
 * a line may be a phrase or a regex), blank lines and # comments skipped, repeats dropped.
 */

/** Terms searched at once: each term scans the index's vocabulary, so a list is bounded like a query. */
export const MAX_KEYWORDS = 500;

export interface KeywordList {
  terms: string[];
  /** Terms left out past MAX_KEYWORDS. */
  dropped: number;
}

export function keywordList(text: string): KeywordList {
  const seen = new Set<string>();
  let dropped = 0;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const term = raw.trim();
    if (!term || term.startsWith('#') || seen.has(term)) continue;
    if (seen.size >= MAX_KEYWORDS) dropped++;
    else seen.add(term);
  }
  return { terms: [...seen], dropped };
}
