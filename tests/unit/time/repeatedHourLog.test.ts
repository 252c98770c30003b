/**
 * Issue 11: log lines in the repeated hour when daylight saving ends. Logs are generated from true instants
 * (one SMTP logon every few minutes across the autumn change) and written in the zone's local time, as
 * hMailServer writes them. Where the log's own order decides it (its clock goes back inside the repeated
 * hour), each line gets its true instant and a note naming the occurrence; where it cannot (the first hour
 * was quiet, or the log is not in time order), the first occurrence stays the default, flagged ambiguous.
 */
import { describe, expect, it } from 'vitest';
import { bruteForceSource } from '../../../src/lib/analyze/bruteForceSource.ts';
import type { LogData } from '../../../src/lib/model/logEvent.ts';
import { logEventTime } from '../../../src/lib/timeline/eventTime.ts';
import { logTimeUtc } from '../../../src/lib/time/logTime.ts';
import type { ServerZone } from '../../../src/lib/model/serverZone.ts';
import { buildCase, OPTIONS } from '../analyze/caseBuilder.ts';
import { crlf, parseLogs, smtpAuthLogin } from '../logs/logText.ts';

const MINUTE = 60_000;

/** "YYYY-MM-DD HH:MM:SS.mmm" in `zone` for an instant, from the runtime's tz data. */
function localTime(ms: number, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}.${String(ms % 1000).padStart(3, '0')}`;
}

interface Generated {
  logs: LogData;
  /** The true instant of each session, by session id. */
  truth: Map<number, number>;
}

/**
 * One failed SMTP logon every `stepMin` minutes from `fromUtc` for `hours`, in time order; `quiet` drops
 * the sessions whose instant falls in [quiet.from, quiet.to).
 */
async function generatedLog(zone: string, fromUtc: number, hours: number, options: { stepMin?: number; quiet?: { from: number; to: number }; extraLines?: string[] } = {}): Promise<Generated> {
  const step = (options.stepMin ?? 5) * MINUTE;
  const truth = new Map<number, number>();
  const lines: string[] = [];
  for (let t = fromUtc, session = 1; t < fromUtc + hours * 3_600_000; t += step, session++) {
    if (options.quiet && t >= options.quiet.from && t < options.quiet.to) continue;
    truth.set(session, t);
    lines.push(...smtpAuthLogin(session, localTime(t, zone), '203.0.113.9', 'bob@northwind.example', false));
  }
  lines.push(...(options.extraLines ?? []));
  const file = `hMailServer/Logs/hmailserver_${localTime(fromUtc, zone).slice(0, 10)}.log`;
  return { logs: await parseLogs({ [file]: crlf(lines) }), truth };
}

const iana = (id: string): ServerZone => ({ id, fixedOffsetMinutes: null, basis: 'test' });

// 2023-11-05 06:00Z is 02:00 EDT → 01:00 EST (New York); 2023-10-29 01:00Z is 03:00 CEST → 02:00 CET (Berlin).
const CHANGES = [
  { zone: 'America/New_York', change: Date.UTC(2023, 10, 5, 6) },
  { zone: 'Europe/Berlin', change: Date.UTC(2023, 9, 29, 1) },
];

describe.each(CHANGES)('repeated hour in a generated $zone log', ({ zone, change }) => {
  it('gives every line its true instant when the log is in time order, naming the occurrence of each', async () => {
    const { logs, truth } = await generatedLog(zone, change - 2 * 3_600_000, 4);
    expect(logs.files[0].setbacks?.total).toBe(1);
    let first = 0;
    let second = 0;
    for (const e of logs.events) {
      const r = logTimeUtc(logs, iana(zone), e)!;
      expect(r.utcMs, `${e.localTime} line ${e.lineNo}`).toBe(truth.get(e.session!));
      const t = truth.get(e.session!)!;
      const inRepeatedHour = t >= change - 3_600_000 && t < change + 3_600_000;
      expect(r.occurrence?.which ?? null).toBe(inRepeatedHour ? (t < change ? 'first' : 'second') : null);
      if (r.occurrence?.which === 'first') first++;
      if (r.occurrence?.which === 'second') second++;
    }
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(0);
    const late = logs.events.find((e) => truth.get(e.session!)! >= change && truth.get(e.session!)! < change + 3_600_000)!;
    const note = logEventTime(logs, iana(zone), late).timeNote!;
    expect(note).toMatch(/^repeated hour: second occurrence UTC[+−]\d\d:00 used, written after the log's clock went back from \d\d:\d\d:\d\d to \d\d:\d\d:\d\d at line \d+; the first would be /);
    expect(logEventTime(logs, iana(zone), late).timeUtc).toBe(new Date(truth.get(late.session!)!).toISOString());
  });

  it('carries the decided occurrence into findings: brute-force first and last UTC in time order', async () => {
    // Failures every minute from 40 minutes into the first hour to the end of the second.
    const { logs, truth } = await generatedLog(zone, change - 20 * MINUTE, 80 / 60, { stepMin: 1 });
    const [f] = bruteForceSource.run(buildCase({ logs, serverZone: iana(zone) }), OPTIONS);
    expect(f.details.firstUtc).toBe(new Date(Math.min(...truth.values())).toISOString());
    expect(f.details.lastUtc).toBe(new Date(Math.max(...truth.values())).toISOString());
    expect(f.details.failures).toBe(80);
  });

  it('keeps the first occurrence by default, flagged ambiguous, when the first hour was quiet', async () => {
    const { logs, truth } = await generatedLog(zone, change - 2 * 3_600_000, 4, { quiet: { from: change - 3_600_000, to: change } });
    expect(logs.files[0].setbacks).toBeUndefined();
    const inSecond = logs.events.filter((e) => truth.get(e.session!)! >= change && truth.get(e.session!)! < change + 3_600_000);
    expect(inSecond.length).toBeGreaterThan(0);
    for (const e of inSecond) {
      const r = logTimeUtc(logs, iana(zone), e)!;
      expect(r.occurrence).toBeUndefined();
      expect(r.utcMs).toBe(truth.get(e.session!)! - 3_600_000);
      expect(logEventTime(logs, iana(zone), e).timeNote).toMatch(/^ambiguous local time \(repeated hour\): first occurrence UTC[+−]\d\d:00 used; the second would be /);
    }
  });

  it('decides nothing when the log also goes back outside the repeated hour (not in time order)', async () => {
    const stray = smtpAuthLogin(999, localTime(change - 6 * 3_600_000, zone), '198.51.100.7', 'carol@northwind.example', false);
    const { logs, truth } = await generatedLog(zone, change - 2 * 3_600_000, 4, { extraLines: stray });
    expect(logs.files[0].setbacks?.total).toBe(2);
    const inSecond = logs.events.filter((e) => e.session !== 999 && truth.get(e.session!)! >= change && truth.get(e.session!)! < change + 3_600_000);
    for (const e of inSecond) expect(logTimeUtc(logs, iana(zone), e)!.occurrence).toBeUndefined();
  });
});
