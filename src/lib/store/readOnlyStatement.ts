/**
 * Whether a console statement may run on the case database. PRAGMA query_only stops data writes, but not
 * statements that change the connection itself (ATTACH, transactions, writable pragmas such as
 * query_only = OFF): only reading statement kinds pass, and a PRAGMA only in its argument-less read form.
 */
const LEADING_COMMENTS = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/;
const READING_KEYWORDS = new Set(['select', 'with', 'values', 'explain']);
const READ_PRAGMA = /^pragma\s+[a-z_][\w.]*\s*;?\s*$/i;

export function readOnlyStatementProblem(sql: string): string | null {
  const body = sql.replace(LEADING_COMMENTS, '');
  const keyword = /^[a-z]+/i.exec(body)?.[0].toLowerCase() ?? '';
  if (READING_KEYWORDS.has(keyword)) return null;
  if (keyword === 'pragma') return READ_PRAGMA.test(body) ? null : 'a PRAGMA may only be read here (no "=" or argument)';
  return `${keyword ? keyword.toUpperCase() : 'this statement'} is not a reading statement`;
}
