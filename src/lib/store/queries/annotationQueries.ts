/** The annotation of one item, read from where it is stored (messages: case_bookmarks; the rest: case_annotations). */
import type { AnnotatedItem } from '../../model/annotation.ts';
import { escapeLike } from '../../model/escapeLike.ts';
import type { SqlQuery } from './sqlQuery.ts';

export function annotationQuery(item: AnnotatedItem): SqlQuery {
  return item.kind === 'message'
    ? { sql: 'SELECT tags, note, created_utc FROM case_bookmarks WHERE path = ?', params: [item.key] }
    : { sql: 'SELECT tags, note, created_utc FROM case_annotations WHERE kind = ? AND key = ?', params: [item.kind, item.key] };
}

/** SQL that is true when a comma-separated tag list column (stored "a, b") holds the tag bound after it. */
function hasTagSql(column: string): string {
  return `(', ' || coalesce(${column}, '') || ',') LIKE '%, ' || ? || ',%' ESCAPE '\\'`;
}

/** Keys of the items of one kind that carry a tag (for "filter by tag" in any view). */
export function taggedKeysQuery(kind: AnnotatedItem['kind'], tag: string): SqlQuery {
  const escaped = escapeLike(tag);
  return kind === 'message'
    ? { sql: `SELECT path FROM case_bookmarks WHERE ${hasTagSql('tags')}`, params: [escaped] }
    : { sql: `SELECT key FROM case_annotations WHERE kind = ? AND ${hasTagSql('tags')}`, params: [kind, escaped] };
}
