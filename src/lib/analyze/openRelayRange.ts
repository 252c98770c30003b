/**
 * `open-relay-range`: an IP range whose options let unauthenticated clients relay from an outside sender to
 * outside recipients — RELAY_REMOTE_TO_REMOTE (512) set, SMTP_AUTH_EXTERNAL_TO_EXTERNAL (65536) clear
 * (hmailserver.md §2.4.5). Anyone in that range can use the server to send spam.
 */
import type { Finding, Severity } from '../model/finding.ts';
import type { DbSecurityRange } from '../model/hmailDatabase.ts';
import { ipInCidr, parseIp } from '../ip/ipAddress.ts';
import type { Analyzer } from './analyzer.ts';

const ALLOW_SMTP = 1;
const RELAY_LOCAL_TO_REMOTE = 128;
const RELAY_REMOTE_TO_REMOTE = 512;
const AUTH_LOCAL_TO_EXTERNAL = 16384;
const AUTH_EXTERNAL_TO_EXTERNAL = 65536;

/** IPv4 blocks not reachable from the Internet: [network, prefix, what]. */
const NON_PUBLIC: readonly [string, number, 'loopback' | 'private'][] = [
  ['127.0.0.0', 8, 'loopback'],
  ['10.0.0.0', 8, 'private'],
  ['172.16.0.0', 12, 'private'],
  ['192.168.0.0', 16, 'private'],
];

/** Who can reach the range: only this machine, only a LAN, or the Internet. */
function reach(range: DbSecurityRange): 'loopback' | 'private' | 'internet' {
  const lower = parseIp(range.lowerIp);
  const upper = parseIp(range.upperIp);
  if (lower?.version !== 4 || upper?.version !== 4) return lower?.text === '::1' && upper?.text === '::1' ? 'loopback' : 'internet';
  const inBlock = (network: string, prefix: number) => {
    const block = parseIp(network);
    return block !== null && ipInCidr(lower, block, prefix) && ipInCidr(upper, block, prefix);
  };
  return NON_PUBLIC.find(([network, prefix]) => inBlock(network, prefix))?.[2] ?? 'internet';
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
