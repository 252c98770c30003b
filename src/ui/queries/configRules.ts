/**
 * Rules decoded (hm_rules with hm_rule_criterias and hm_rule_actions): who the rule belongs to, when it
 * fires and what it does, with forwarding, copying and deleting rules called out.
 */
import type { TriageClient } from '../triageClient.ts';
import { attentionOf, configTable, unavailable, yesNo, type ConfigRow, type ConfigTable, type TableSpec } from './configTable.ts';
import type { HmTables } from '../../lib/model/hmTables.ts';
import { asNumber, asText, isOn, queryRows, type QueryRecord } from './queryRows.ts';
import { COPY, DELETE, FORWARD, actionText, criterionText } from './ruleText.ts';

const SPEC: TableSpec = {
  id: 'rules',
  title: 'Rules',
  about:
    'Server-wide (global) and account rules: hm_rules with their criteria and actions in order. Rules that forward, copy or delete can move mail off the server or destroy it silently.',
  columns: [
    ['rule', 'Rule', { width: 'minmax(10rem, 1fr)' }],
    ['owner', 'Account', { width: 'minmax(12rem, 1fr)' }],
    ['active', 'Active', { width: '5rem' }],
    ['match', 'Match', { width: '5rem' }],
    ['order', 'Order', { width: '5rem', align: 'end' }],
    ['criteria', 'Criteria', { width: 'minmax(16rem, 2fr)' }],
    ['actions', 'Actions', { width: 'minmax(16rem, 2fr)' }],
  ],
  attention: true,
};

function groupBy(rows: QueryRecord[], key: string): Map<number, QueryRecord[]> {
  const out = new Map<number, QueryRecord[]>();
  for (const r of rows) {
    const id = asNumber(r[key]) ?? -1;
    out.set(id, [...(out.get(id) ?? []), r]);
  }
  return out;
}

function attention(actions: QueryRecord[], active: boolean): string {
  const to = (a: QueryRecord) => asText(a.actionto).trim() || 'an unnamed address';
  const outside = (a: QueryRecord) => (asNumber(a.external) === 1 ? ' (outside the server)' : '');
  const reasons = actions.map((a) => {
    const type = asNumber(a.actiontype);
    if (type === FORWARD) return `forwards mail to ${to(a)}${outside(a)}`;
    if (type === COPY) return asText(a.actionto).trim() ? `copies mail to ${to(a)}${outside(a)}` : 'creates copies of mail';
    if (type === DELETE) return 'deletes mail';
    return null;
  });
  const text = attentionOf(...reasons);
  return text && !active ? `${text} (rule inactive)` : text;
}

export async function loadRules(client: TriageClient, hm: HmTables): Promise<ConfigTable> {
  if (!hm.has('hm_rules', 'ruleid')) return unavailable(SPEC);
  const rules = await client.ask('rules');
  const criteria = queryRows(await client.ask('ruleCriteria'));
  const actions = queryRows(await client.ask('ruleActions'));
  const routes = new Map(queryRows(await client.ask('routeNames')).map((x) => [asNumber(x.routeid), asText(x.routedomainname)]));
  const routeName = (id: number | null) => routes.get(id) ?? `#${id ?? '?'}`;
  const criteriaOf = groupBy(criteria, 'criteriaruleid');
  const actionsOf = groupBy(actions, 'actionruleid');
  const rows: ConfigRow[] = queryRows(rules).map((rule) => {
    const id = asNumber(rule.ruleid) ?? -1;
    const accountId = asNumber(rule.ruleaccountid);
    const active = isOn(rule.ruleactive);
    const mine = actionsOf.get(id) ?? [];
    return {
      cells: {
        rule: asText(rule.rulename),
        owner: accountId === 0 ? 'global (all mail)' : rule.owner === null ? `account #${accountId ?? '?'}` : asText(rule.owner),
        active: yesNo(rule.ruleactive === null ? null : active),
        match: rule.ruleuseand === null ? null : isOn(rule.ruleuseand) ? 'all' : 'any',
        order: asNumber(rule.rulesortorder),
        criteria: (criteriaOf.get(id) ?? []).map(criterionText).join('; ') || '(always)',
        actions: mine.map((a) => actionText(a, routeName)).join('; ') || '(none)',
      },
      attention: attention(mine, active),
    };
  });
  return configTable(SPEC, rows, true, rules);
}
