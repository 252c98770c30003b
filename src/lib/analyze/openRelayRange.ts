/**
 * `open-relay-range`: an IP range whose options let unauthenticated clients relay from an outside sender to
 * outside recipients — RELAY_REMOTE_TO_REMOTE (512) set, SMTP_AUTH_EXTERNAL_TO_EXTERNAL (65536) clear
 * (hmailserver.md §2.4.5). Anyone in that range can use the server to send spam.
 */
import type { Finding, Severity } from '../model/finding.ts';
import type { DbSecurityRange } from '../model/hmailDatabase.ts';
import type { Analyzer } from './analyzer.ts';

const ALLOW_SMTP = 1;
const RELAY_LOCAL_TO_REMOTE = 128;
const RELAY_REMOTE_TO_REMOTE = 512;
const AUTH_LOCAL_TO_EXTERNAL = 16384;
const AUTH_EXTERNAL_TO_EXTERNAL = 65536;

/** IPv4 blocks not reachable from the Internet: [first, last, what]. */
const NON_PUBLIC: readonly [number, number, 'loopback' | 'private'][] = [
  [0x7f000000, 0x7fffffff, 'loopback'],
  [0x0a000000, 0x0affffff, 'private'],
  [0xac100000, 0xac1fffff, 'private'],
  [0xc0a80000, 0xc0a8ffff, 'private'],
];

function ipv4(text: string): number | null {
  const parts = text.trim().split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return null;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

/** Who can reach the range: only this machine, only a LAN, or the Internet. */
function reach(range: DbSecurityRange): 'loopback' | 'private' | 'internet' {
  const lower = ipv4(range.lowerIp);
  const upper = ipv4(range.upperIp);
  if (lower === null || upper === null) return range.lowerIp.trim() === '::1' && range.upperIp.trim() === '::1' ? 'loopback' : 'internet';
  const block = NON_PUBLIC.find(([first, last]) => lower >= first && upper <= last);
  return block ? block[2] : 'internet';
}

const SEVERITY: Record<ReturnType<typeof reach>, Severity> = { loopback: 'low', private: 'medium', internet: 'high' };

export const openRelayRange: Analyzer = {
  id: 'openRelayRange',
  findingTypes: ['open-relay-range'],
  needs: ['database'],
  run(caseData) {
    const findings: Finding[] = [];
    for (const r of caseData.database?.securityRanges ?? []) {
      const o = r.options;
      if (!(o & ALLOW_SMTP) || !(o & RELAY_REMOTE_TO_REMOTE) || o & AUTH_EXTERNAL_TO_EXTERNAL) continue;
      const scope = reach(r);
      const who = scope === 'internet' ? 'any host on the Internet in it' : scope === 'private' ? 'any host of the local network in it' : 'any program on the server itself';
      findings.push({
        type: 'open-relay-range',
        severity: SEVERITY[scope],
        ref: { setting: r.name },
        summary: `IP range "${r.name}" (${r.lowerIp}–${r.upperIp}, options ${o}) allows relaying from outside senders to outside recipients without SMTP authentication: ${who} can send mail through the server as anyone.`,
        details: {
          name: r.name,
          lowerIp: r.lowerIp,
          upperIp: r.upperIp,
          priority: r.priority,
          options: o,
          reach: scope,
          relayRemoteToRemote: true,
          authRequiredExternalToExternal: false,
          localSenderToExternalWithoutAuth: (o & RELAY_LOCAL_TO_REMOTE) !== 0 && (o & AUTH_LOCAL_TO_EXTERNAL) === 0,
          expires: r.expires,
        },
      });
    }
    return findings;
  },
};
