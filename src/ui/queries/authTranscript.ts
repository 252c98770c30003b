/**
 * SMTP AUTH in a session transcript, made readable: hMailServer logs the AUTH LOGIN user name as the client
 * sent it (Base64) and masks the password as *** (hmailserver.md, "Masking"). Each user name line gets its
 * decoded name, and the session gets the list of every user tried. AUTH PLAIN carries the password in the
 * same Base64 blob: only its user part is shown, never the password.
 */
import { base64ToBytes } from '../../lib/model/base64.ts';

export interface AuthTranscript {
  /** Per line: the decoded user name it carries, or null. */
  decoded: (string | null)[];
  /** Every user name tried, in order, repeats removed. */
  users: string[];
}

/** Base64 strings longer than this are not user names (and are not decoded). */
const MAX_USER_B64 = 1024;

function received(line: string): string | null {
  const m = /RECEIVED: (.*?)"?\s*$/.exec(line);
  return m ? m[1] : null;
}

function base64Text(text: string): string | null {
  const bytes = text.length > MAX_USER_B64 ? null : base64ToBytes(text, { strict: true });
  if (!bytes) return null;
  try {
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return /[\u0000-\u0008\u000e-\u001f]/.test(decoded.replace(/\u0000/g, '')) ? null : decoded;
  } catch {
    return null;
  }
}

/** AUTH PLAIN: authzid NUL authcid NUL password; the user is authcid (or authzid when authcid is empty). */
function plainUser(blob: string): string | null {
  const decoded = base64Text(blob);
  if (decoded === null) return null;
  const parts = decoded.split('\u0000');
  if (parts.length !== 3) return null;
  return parts[1] || parts[0] || null;
}

export function authTranscript(lines: string[]): AuthTranscript {
  const decoded: (string | null)[] = lines.map(() => null);
  const users: string[] = [];
  let expect: 'login-user' | 'plain' | null = null;
  const found = (i: number, user: string | null) => {
    if (user === null) return;
    decoded[i] = user;
    if (!users.includes(user)) users.push(user);
  };
  lines.forEach((line, i) => {
    const command = received(line);
    if (command === null) return;
    const auth = /^AUTH\s+(LOGIN|PLAIN)(?:\s+(\S+))?\s*$/i.exec(command);
    if (auth) {
      const mechanism = auth[1].toUpperCase();
      const initial = auth[2] ?? null;
      if (mechanism === 'LOGIN') {
        if (initial && initial !== '***') found(i, base64Text(initial));
        expect = initial ? null : 'login-user';
      } else {
        if (initial && initial !== '***') found(i, plainUser(initial));
        expect = initial ? null : 'plain';
      }
      return;
    }
    if (expect === 'login-user' && command !== '***') found(i, base64Text(command));
    else if (expect === 'plain' && command !== '***') found(i, plainUser(command));
    expect = null;
  });
  return { decoded, users };
}
