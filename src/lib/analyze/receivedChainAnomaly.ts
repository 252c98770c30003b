/**
 * `received-chain-anomaly`: a Received chain that cannot have happened — a hop stamped later than the hop
 * above it (hops are prepended, so time must not go backwards upwards), a hop in the future, a hop days
 * before the Date header, or a private address between two different organisations in the hops below
 * the server's own (those are the sender's claims; the server's own hop records the real peer).
 */
import type { Finding } from '../model/finding.ts';
import type { ReceivedHop } from '../model/message.ts';
import type { Analyzer } from './analyzer.ts';
import { isoToMs } from './support/isoToMs.ts';
import { isPrivateIp } from '../ip/isPrivateIp.ts';
import { registrableDomain } from './support/registrableDomain.ts';
import { serverHostNames } from './support/serverHostNames.ts';
import { serverReceivedHop } from './support/serverReceivedHop.ts';

/** Clocks of different servers disagree by minutes; beyond this an inversion is not clock drift. */
const HOP_CLOCK_TOLERANCE_MS = 15 * 60_000;
const HOUR_MS = 3_600_000;

interface Anomaly { kind: 'out-of-order' | 'future' | 'before-date' | 'private-ip'; hop: number; text: string }

/**
 * The network a host name sits on, or null for bare words, IP literals and unknown names. A private address
 * is reachable only inside one operator's network, so hosts under a cloud's shared suffix
 * (*.compute.amazonaws.com, cloudapp.net) are one network here, though each has its own tenant: their
 * names do not say whether two of them are the same customer's, who may talk over private addresses.
 */
function network(host: string | null): string | null {
  if (!host) return null;
  const name = host.trim().toLowerCase().replace(/\.$/, '');
  if (!name.includes('.') || /^\[?[\d.:a-f]+\]?$/.test(name) || name === 'unknown' || name.endsWith('.local') || name.endsWith('.lan') || name.endsWith('.internal')) return null;
  return registrableDomain(name, { icannOnly: true });
}

function describe(hop: ReceivedHop): string {
  return `from ${hop.from ?? '?'}${hop.ip ? ` [${hop.ip}]` : ''} by ${hop.by ?? '?'}`;
}

export const receivedChainAnomaly: Analyzer = {
  id: 'receivedChainAnomaly',
  findingTypes: ['received-chain-anomaly'],
  needs: ['messages'],
  run(caseData, options) {
    const hostNames = serverHostNames(caseData);
    const nowMs = isoToMs(options.now);
    const findings: Finding[] = [];
    for (const m of caseData.messages) {
      const hops = m.received;
      if (hops.length === 0) continue;
      const serverHop = serverReceivedHop(m, hostNames);
      const serverIndex = serverHop ? hops.indexOf(serverHop) : -1;
      const dateMs = isoToMs(m.date);
      const anomalies: Anomaly[] = [];
      let newer: { index: number; ms: number } | null = null;
      hops.forEach((hop, index) => {
        const ms = isoToMs(hop.time);
        if (ms !== null && newer && ms > newer.ms + HOP_CLOCK_TOLERANCE_MS) {
          anomalies.push({ kind: 'out-of-order', hop: index, text: `hop ${index + 1} (${describe(hop)}) is stamped ${hop.time}, ${Math.round((ms - newer.ms) / 60_000)} minutes after hop ${newer.index + 1} that received the message from it` });
        }
        if (ms !== null && nowMs !== null && ms > nowMs + HOP_CLOCK_TOLERANCE_MS) {
          anomalies.push({ kind: 'future', hop: index, text: `hop ${index + 1} (${describe(hop)}) is stamped ${hop.time}, in the future of ${options.now}` });
        }
        // The server's own hop against Date is date-skew's question; here only the relays' stamps.
        if (ms !== null && dateMs !== null && index !== serverIndex && ms < dateMs - options.dateSkewHours * HOUR_MS) {
          anomalies.push({ kind: 'before-date', hop: index, text: `hop ${index + 1} (${describe(hop)}) is stamped ${hop.time}, ${Math.round((dateMs - ms) / HOUR_MS)} hours before the message's own Date ${m.date}` });
        }
        if (serverIndex >= 0 && index > serverIndex && isPrivateIp(hop.ip)) {
          const fromNetwork = network(hop.fromPtr) ?? network(hop.from);
          const byNetwork = network(hop.by);
          if (fromNetwork && byNetwork && fromNetwork !== byNetwork) {
            anomalies.push({ kind: 'private-ip', hop: index, text: `hop ${index + 1} (${describe(hop)}) has the private address ${hop.ip} between ${fromNetwork} and ${byNetwork}, which cannot reach each other over the Internet with it` });
          }
        }
        if (ms !== null) newer = { index, ms };
      });
      if (anomalies.length === 0) continue;
      findings.push({
        type: 'received-chain-anomaly',
        severity: 'medium',
        ref: { message: m.path },
        summary: `The Received chain of ${m.path} is not possible as written: ${anomalies.map((a) => a.text).join('; ')}.`,
        details: {
          anomalies: anomalies.map((a) => ({ kind: a.kind, hop: a.hop + 1 })),
          hops: hops.map((h, i) => ({ hop: i + 1, from: h.from, ip: h.ip, by: h.by, time: h.time })),
          dateHeader: m.date,
        },
      });
    }
    return findings;
  },
};
