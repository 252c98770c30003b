/** SQL of the rules: hm_rules with their owner, criteria and actions in order, and route names for "send using route". */
import type { HmColumns } from './hmColumns.ts';
import { externalSql } from './localDomains.ts';
import { noRows, type SqlQuery } from './sqlQuery.ts';

export function rulesQuery(hm: HmColumns): SqlQuery {
  const owner = hm.has('hm_accounts', 'accountaddress') ? '(select accountaddress from hm_accounts a where a.accountid = r.ruleaccountid)' : 'NULL';
  const r = (c: string) => hm.col('hm_rules', c);
  return {
    sql: `select ruleid, ${r('ruleaccountid')}, ${r('rulename')}, ${r('ruleactive')}, ${r('ruleuseand')}, ${r('rulesortorder')}, ${owner} as owner
     from hm_rules r order by ruleaccountid, rulesortorder, ruleid`,
    params: [],
  };
}

const CRITERIA_COLUMNS = ['criteriausepredefined', 'criteriapredefinedfield', 'criteriaheadername', 'criteriamatchtype', 'criteriamatchvalue'];

export function ruleCriteriaQuery(hm: HmColumns): SqlQuery {
  if (!hm.has('hm_rule_criterias', 'criteriaruleid')) return noRows(['criteriaruleid', ...CRITERIA_COLUMNS]);
  return {
    sql: `select criteriaruleid, ${CRITERIA_COLUMNS.map((c) => hm.col('hm_rule_criterias', c)).join(', ')}
         from hm_rule_criterias order by criteriaruleid, criteriaid`,
    params: [],
  };
}

const ACTION_COLUMNS = ['actiontype', 'actionto', 'actionimapfolder', 'actionsubject', 'actionfromaddress', 'actionscriptfunction', 'actionheader', 'actionvalue', 'actionrouteid'];

export function ruleActionsQuery(hm: HmColumns): SqlQuery {
  if (!hm.has('hm_rule_actions', 'actionruleid')) return noRows(['actionruleid', ...ACTION_COLUMNS, 'external']);
  const order = hm.has('hm_rule_actions', 'actionsortorder') ? 'actionsortorder, ' : '';
  return {
    sql: `select actionruleid, ${ACTION_COLUMNS.map((c) => hm.col('hm_rule_actions', c)).join(', ')}, ${externalSql(hm, 'actionto')} as external
         from hm_rule_actions order by actionruleid, ${order}actionid`,
    params: [],
  };
}

export function routeNamesQuery(hm: HmColumns): SqlQuery {
  if (!hm.has('hm_routes', 'routedomainname')) return noRows(['routeid', 'routedomainname']);
  return { sql: 'select routeid, routedomainname from hm_routes', params: [] };
}
