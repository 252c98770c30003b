/**
 * `forwarding-configured`: configuration that makes mail leave a mailbox automatically (hmailserver.md §6
 * item 12): account forwarding, account or global rules that forward or copy, the server-wide mirror
 * address, the ini ArchiveDir, external (fetch) accounts, and routes that take every address of a domain.
 */
import type { Finding, FindingRef, Severity } from '../model/finding.ts';
import type { Analyzer } from './analyzer.ts';
import { domainOf } from './support/domainOf.ts';
import { localDomains } from './support/localDomains.ts';
import { settingValue } from './support/settingValue.ts';

const RULE_FORWARD = 2;
const RULE_COPY = 9;

type Kind = 'account-forward' | 'rule-forward' | 'rule-copy' | 'mirror' | 'archive-dir' | 'external-account' | 'route';

export const forwardingConfigured: Analyzer = {
  id: 'forwardingConfigured',
  findingTypes: ['forwarding-configured'],
  needs: [],
  run(caseData) {
    const db = caseData.database;
    // Domain aliases are left out: a target is called local only when a domain holding mailboxes receives it.
    const local = localDomains(caseData, { aliases: false });
    const accounts = new Map((db?.accounts ?? []).map((a) => [a.id, a.address]));
    const external = (address: string) => !local.has(domainOf(address) ?? '');
    const findings: Finding[] = [];
    const add = (kind: Kind, ref: FindingRef, severity: Severity, summary: string, details: Record<string, unknown>) =>
      findings.push({ type: 'forwarding-configured', severity, ref, summary, details: { kind, ...details } });

    for (const a of db?.accounts ?? []) {
      if (!a.forwardEnabled || !a.forwardAddress.trim()) continue;
      const out = external(a.forwardAddress);
      add('account-forward', { account: a.address }, out ? 'medium' : 'low',
        `Mail to ${a.address} is forwarded to ${a.forwardAddress}${out ? ', outside the server' : ''}${a.forwardKeepOriginal ? ' (a copy stays in the mailbox)' : ' and not kept in the mailbox'}.`,
        { target: a.forwardAddress, external: out, keepOriginal: a.forwardKeepOriginal, accountActive: a.active });
    }
    for (const rule of db?.rules ?? []) {
      if (!rule.active) continue;
      const owner = rule.accountId > 0 ? (accounts.get(rule.accountId) ?? `account ${rule.accountId}`) : null;
      for (const action of rule.actions) {
        if (action.type !== RULE_FORWARD && action.type !== RULE_COPY) continue;
        const target = action.to.trim();
        const out = target ? external(target) : false;
        const verb = action.type === RULE_FORWARD ? 'forwards' : 'copies';
        add(action.type === RULE_FORWARD ? 'rule-forward' : 'rule-copy', owner ? { account: owner } : { setting: `rule:${rule.name}` }, out ? 'medium' : 'low',
          `${owner ? `The rule "${rule.name}" of ${owner}` : `The global rule "${rule.name}"`} ${verb} matching mail${target ? ` to ${target}` : ''}${out ? ', outside the server' : ''}.`,
          { rule: rule.name, global: owner === null, target, external: out, criteria: rule.criteria.map((c) => ({ field: c.field, header: c.headerName, match: c.matchType, value: c.matchValue })) });
      }
    }
    const mirror = settingValue(db, 'mirroremailaddress')?.string.trim() ?? '';
    if (mirror) {
      const out = external(mirror);
      add('mirror', { setting: 'mirroremailaddress' }, out ? 'high' : 'medium',
        `Every message the server delivers is also copied to ${mirror} (mirroremailaddress)${out ? ', outside the server' : ''}.`,
        { target: mirror, external: out });
    }
    const archiveDir = caseData.ini?.archiveDir.trim() ?? '';
    if (archiveDir) {
      add('archive-dir', { setting: 'ArchiveDir', ...(caseData.ini ? { file: caseData.ini.path } : {}) }, 'low',
        `hMailServer.ini sets ArchiveDir=${archiveDir}: a copy of every message received is written there and survives deletion from the mailboxes.`,
        { target: archiveDir, hardLinks: caseData.ini?.raw.Settings?.ArchiveHardLinks ?? null });
    }
    for (const f of db?.fetchAccounts ?? []) {
      if (!f.active) continue;
      const owner = accounts.get(f.accountId) ?? `account ${f.accountId}`;
      const source = `${f.userName}@${f.serverAddress}:${f.port}`;
      add('external-account', { account: owner }, 'low',
        `${owner} automatically downloads mail from the external account "${f.name}" (${source})${f.daysToKeep === -1 ? ', deleting it there' : ''}.`,
        { name: f.name, target: source, daysToKeep: f.daysToKeep });
    }
    for (const r of db?.routes ?? []) {
      if (!r.allAddresses) continue;
      const own = local.has(r.domainName.toLowerCase());
      add('route', { setting: `route:${r.domainName}` }, own ? 'medium' : 'low',
        `A route sends all mail for ${r.domainName}${own ? ', one of the server\'s own domains,' : ''} to ${r.targetHost}:${r.targetPort}${r.useAuthentication ? ` (authenticating as ${r.authUserName})` : ''}.`,
        { domain: r.domainName, target: `${r.targetHost}:${r.targetPort}`, localDomain: own, description: r.description });
    }
    return findings;
  },
};
