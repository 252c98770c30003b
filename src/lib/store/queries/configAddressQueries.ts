/** SQL of the addresses that are not mailboxes: aliases and distribution lists with their recipients. */
import type { HmColumns } from './hmColumns.ts';
import { externalSql } from './localDomains.ts';
import type { SqlQuery } from './sqlQuery.ts';

export function aliasesQuery(hm: HmColumns): SqlQuery {
  return {
    sql: `select aliasname, ${hm.col('hm_aliases', 'aliasvalue')}, ${hm.col('hm_aliases', 'aliasactive')}, ${externalSql(hm, 'aliasvalue')} as external
     from hm_aliases order by lower(aliasname)`,
    params: [],
  };
}

export function distributionListsQuery(hm: HmColumns): SqlQuery {
  const c = (column: string) => hm.col('hm_distributionlists', column);
  const hasRecipients = hm.has('hm_distributionlistsrecipients', 'distributionlistrecipientlistid');
  const ofList = 'from hm_distributionlistsrecipients x where x.distributionlistrecipientlistid = l.distributionlistid';
  const recipients = hasRecipients ? `(select group_concat(distributionlistrecipientaddress, ', ') ${ofList})` : 'NULL';
  const count = hasRecipients ? `(select count(*) ${ofList})` : 'NULL';
  const external = hasRecipients ? `(select sum(${externalSql(hm, 'distributionlistrecipientaddress')}) ${ofList})` : 'NULL';
  return {
    sql: `select ${c('distributionlistaddress')}, ${c('distributionlistenabled')}, ${c('distributionlistmode')}, ${c('distributionlistrequireauth')},
       ${c('distributionlistrequireaddress')}, ${count} as count, ${recipients} as recipients, ${external} as external
     from hm_distributionlists l order by lower(distributionlistaddress)`,
    params: [],
  };
}
