/**
 * An hm_servermessages template as customised on this server, turned into a search pattern: its fixed words
 * in order, any run of blanks as any whitespace, each %MACRO_…% as a bounded wildcard. The first
 * %MACRO_FILE% is captured as the group `file`.
 */
import type { HmailDatabase } from '../../model/hmailDatabase.ts';
import { serverMessageText } from './serverMessageText.ts';

/** Characters one macro may expand to (a path, an address list, a subject): bounds the search on a miss. */
const MAX_MACRO_CHARS = 2048;
/** A template with fewer fixed characters than this would match ordinary text, so it is not used. */
const MIN_FIXED_CHARS = 12;

const MACRO = /^%MACRO_[A-Z_]+%$/i;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function templatePattern(template: string): RegExp | null {
  const tokens = template.split(/(%MACRO_[A-Z_]+%)/i).filter((t) => t.length > 0);
  // The search is not anchored, so macros and blanks before the first fixed word add nothing.
  while (tokens.length > 0 && (MACRO.test(tokens[0]) || tokens[0].trim() === '')) tokens.shift();
  while (tokens.length > 0 && tokens[tokens.length - 1].trim() === '') tokens.pop();
  let fixed = 0;
  let captured = false;
  const source = tokens.map((token, i) => {
    if (!MACRO.test(token)) {
      fixed += token.replace(/\s+/g, '').length;
      const words = token.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
      return `${/^\s/.test(token) ? '\\s*' : ''}${words}${/\s$/.test(token) ? '\\s*' : ''}`;
    }
    const last = i === tokens.length - 1;
    const capture = token.toUpperCase() === '%MACRO_FILE%' && !captured;
    captured ||= capture;
    // A trailing macro has nothing after it to stop a lazy match: it runs to the end of the line.
    const any = last ? `[^\\r\\n]{1,${MAX_MACRO_CHARS}}` : `[\\s\\S]{0,${MAX_MACRO_CHARS}}?`;
    return capture ? `(?<file>${any})` : last ? '' : any;
  });
  return fixed >= MIN_FIXED_CHARS ? new RegExp(source.join(''), 'i') : null;
}

/** The customised template `name` as a pattern; null without a database, without the row, or when too vague. */
export function serverMessagePattern(db: HmailDatabase | null, name: string): RegExp | null {
  const text = serverMessageText(db, name);
  return text === null ? null : templatePattern(text);
}
