/**
 * Generates hMailServer evidence around both daylight-saving changes of a year, in memory: messages whose
 * server Received stamp is written in `stampZone` (local time + offset, as hMailServer does) and an SMTP log
 * whose lines are written in `clockZone` local time (the same as stampZone on a healthy server). Each message
 * is one SMTP session accepted ("250 Queued") at the very second of its stamp, so after conversion the log
 * and the stamps must agree to the second. Times are computed UTC → local here (the direction with one
 * answer), independently of the local → UTC code under test.
 * Usage (as a module): import { dstEvidence } from './dstEvidence.mjs'
 */

const pad = (n, w = 2) => String(n).padStart(w, '0');
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Wall-clock fields of an instant in a zone, and the offset in force (minutes east of UTC). */
export function wallClock(utcMs, zone) {
  const parts = {};
  const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  for (const p of f.formatToParts(new Date(utcMs))) parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return { ...parts, offset: Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000) };
}

const localText = (w) => `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;

function rfc5322(w) {
  const weekday = DAYS[new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay()];
  const sign = w.offset < 0 ? '-' : '+';
  const abs = Math.abs(w.offset);
  return `${weekday}, ${w.day} ${MONTHS[w.month - 1]} ${w.year} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)} ${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** The instants at which the zone's offset changes within a year (found by hourly scan, then by bisection). */
function transitions(zone, year) {
  const out = [];
  let t = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  let before = wallClock(t, zone).offset;
  for (; t < end; t += 3_600_000) {
    const now = wallClock(t + 3_600_000, zone).offset;
    if (now === before) continue;
    let [lo, hi] = [t, t + 3_600_000];
    while (hi - lo > 1000) {
      const mid = Math.floor((lo + hi) / 2000) * 1000;
      if (wallClock(mid, zone).offset === before) lo = mid;
      else hi = mid;
    }
    out.push(hi);
    before = now;
  }
  return out;
}

/**
 * Instants around each change: every 20 minutes from 3 h before to 3 h after (so the skipped and the repeated
 * hour are both covered, the repeated one twice), plus one a day for the 5 days around it.
 */
function instantsAround(change) {
  const out = [];
  for (let m = -180; m <= 180; m += 20) out.push(change + m * 60_000 + 7_000);
  for (let d = -5; d <= 5; d++) if (d !== 0) out.push(change + d * 86_400_000 + 13 * 60_000 + 29_000);
  return out;
}

const guid = (i) => `{${pad(i.toString(16).toUpperCase(), 8)}-0000-4000-8000-${pad(i.toString(16).toUpperCase(), 12)}}`;

/**
 * @param {{ stampZone: string, clockZone?: string, year: number, domain?: string }} o
 * @returns {{ files: Record<string, string>, messages: { path: string, utcMs: number }[], host: string }}
 */
export function dstEvidence({ stampZone, clockZone = stampZone, year, domain = 'dst.example' }) {
  const host = `mail.${domain}`;
  const changes = transitions(stampZone, year);
  if (changes.length !== 2) throw new Error(`${stampZone} has ${changes.length} offset changes in ${year}, expected 2`);
  const instants = changes.flatMap(instantsAround).sort((a, b) => a - b);
  const files = {};
  const messages = [];
  const logs = new Map();
  instants.forEach((utcMs, i) => {
    const stamp = wallClock(utcMs, stampZone);
    const clock = wallClock(utcMs, clockZone);
    const id = guid(i + 1);
    const path = `hMailServer/Data/${domain}/alice/${id.slice(1, 3)}/${id}.eml`;
    const ip = `198.51.100.${(i % 200) + 1}`;
    const sender = `sender${i}@remote.example`;
    files[path] = [
      `Return-Path: ${sender}`,
      `Received: from relay${i}.remote.example ([${ip}]) by ${host} with ESMTP; ${rfc5322(stamp)}`,
      `From: <${sender}>`,
      `To: <alice@${domain}>`,
      `Subject: message ${i}`,
      `Date: ${rfc5322(wallClock(utcMs - 30_000, 'UTC'))}`,
      `Message-ID: <dst-${i}@remote.example>`,
      '',
      `Body ${i}.`,
      '',
    ].join('\r\n');
    messages.push({ path, utcMs });
    const day = `${clock.year}-${pad(clock.month)}-${pad(clock.day)}`;
    const t = `${localText(clock)}.000`;
    const session = i + 1;
    const line = (text) => `"SMTPD"\t4420\t${session}\t"${t}"\t"${ip}"\t"${text}"`;
    const lines = logs.get(day) ?? [];
    lines.push(
      line(`SENT: 220 ${host} ESMTP`),
      line(`RECEIVED: EHLO relay${i}.remote.example`),
      line(`RECEIVED: MAIL FROM:<${sender}>`),
      line('SENT: 250 OK'),
      line(`RECEIVED: RCPT TO:<alice@${domain}>`),
      line('SENT: 250 OK'),
      line('RECEIVED: DATA'),
      line('SENT: 354 OK, send.'),
      line('SENT: 250 Queued (0.015 seconds)'),
    );
    logs.set(day, lines);
  });
  for (const [day, lines] of logs) files[`hMailServer/Logs/hmailserver_${day}.log`] = lines.map((l) => `${l}\r\n`).join('');
  return { files, messages, host, changes };
}
