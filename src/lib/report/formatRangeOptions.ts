/**
 * hm_securityranges.rangeoptions grouped the way hMailServer's IP range dialog shows them (hmailserver.md
 * §2.4.5): which services, which relay directions, where SMTP AUTH is required, which protection.
 */
import { decodeRangeOptions } from '../database/decodeRangeOptions.ts';

export interface RangeOptionGroups {
  allow: string[];
  relay: string[];
  authRequired: string[];
  protection: string[];
  /** REQUIRE_TLS_FOR_AUTH, pre-5.1 bits and undefined bits. */
  other: string[];
}

const GROUP: Record<string, [keyof RangeOptionGroups, string]> = {
  'allow-smtp': ['allow', 'SMTP'],
  'allow-pop3': ['allow', 'POP3'],
  'allow-imap': ['allow', 'IMAP'],
  'relay-local-to-local': ['relay', 'local→local'],
  'relay-local-to-external': ['relay', 'local→external'],
  'relay-external-to-local': ['relay', 'external→local'],
  'relay-external-to-external': ['relay', 'external→external'],
  'auth-local-to-local': ['authRequired', 'local→local'],
  'auth-local-to-external': ['authRequired', 'local→external'],
  'auth-external-to-local': ['authRequired', 'external→local'],
  'auth-external-to-external': ['authRequired', 'external→external'],
  'spam-protection': ['protection', 'anti-spam'],
  'virus-protection': ['protection', 'anti-virus'],
  'require-tls-for-auth': ['other', 'TLS required for AUTH'],
  'old-require-auth-external': ['other', 'pre-5.1 AUTH for external (16)'],
  'old-require-auth': ['other', 'pre-5.1 AUTH required (32)'],
  'old-forwarding-relay': ['other', 'pre-5.1 forwarding relay (2048)'],
};

export function formatRangeOptions(options: number): RangeOptionGroups {
  const groups: RangeOptionGroups = { allow: [], relay: [], authRequired: [], protection: [], other: [] };
  for (const name of decodeRangeOptions(options)) {
    const [group, label] = GROUP[name] ?? ['other', name];
    groups[group].push(label);
  }
  return groups;
}
