/** SQL of the per-account settings that move mail: forwarding and auto-reply, and fetch accounts. Stored passwords are never selected. */
import type { HmColumns } from './hmColumns.ts';
import { externalSql } from './localDomains.ts';
import type { SqlQuery } from './sqlQuery.ts';

/** Accounts with forwarding or an auto-reply set up, switched on or not. */
export function forwardingQuery(hm: HmColumns): SqlQuery {
  const c = (column: string) => hm.col('hm_accounts', column);
  const set = (column: string) => (hm.has('hm_accounts', column) ? `coalesce(${column}, '') <> ''` : '0');
  const on = (column: string) => (hm.has('hm_accounts', column) ? `coalesce(${column}, 0) <> 0` : '0');
  return {
    sql: `select accountaddress, ${c('accountforwardenabled')}, ${c('accountforwardaddress')}, ${c('accountforwardkeeporiginal')},
       ${c('accountvacationmessageon')}, ${c('accountvacationsubject')}, ${c('accountvacationmessage')}, ${c('accountvacationexpires')},
       ${c('accountvacationexpiredate')}, ${externalSql(hm, 'accountforwardaddress')} as external
     from hm_accounts
     where ${on('accountforwardenabled')} or ${set('accountforwardaddress')} or ${on('accountvacationmessageon')} or ${set('accountvacationsubject')}
     order by lower(accountaddress)`,
    params: [],
  };
}

/** Fetch accounts with their owner and downloaded UIDs; of the password only whether one is stored. */
export function fetchAccountsQuery(hm: HmColumns): SqlQuery {
  const c = (column: string) => hm.col('hm_fetchaccounts', column);
  const owner = hm.has('hm_accounts', 'accountaddress') ? '(select accountaddress from hm_accounts a where a.accountid = f.faaccountid)' : 'NULL';
  const uids = hm.has('hm_fetchaccounts_uids', 'uidfaid') ? '(select count(*) from hm_fetchaccounts_uids u where u.uidfaid = f.faid)' : 'NULL';
  const password = hm.has('hm_fetchaccounts', 'fapassword') ? "(coalesce(fapassword, '') <> '')" : 'NULL';
  return {
    sql: `select faid, ${c('faaccountid')}, ${owner} as owner, ${c('faaccountname')}, ${c('faserveraddress')}, ${c('faserverport')}, ${c('fausername')},
       ${password} as has_password, ${c('faconnectionsecurity')}, ${c('faactive')}, ${c('faminutes')}, ${c('fanexttry')}, ${c('fadaystokeep')}, ${uids} as uids
     from hm_fetchaccounts f order by faid`,
    params: [],
  };
}
