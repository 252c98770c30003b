/** SQL of who may connect and relay: IP ranges (hm_securityranges) and the auto-ban bookkeeping (hm_logon_failures). */
import type { HmColumns } from './hmColumns.ts';
import type { SqlQuery } from './sqlQuery.ts';

/** The two-column IP encoding is read as text, so a 64-bit half keeps every digit. */
export function securityRangesQuery(hm: HmColumns): SqlQuery {
  const c = (column: string) => hm.col('hm_securityranges', column);
  const text = (column: string) => (hm.has('hm_securityranges', column) ? `cast(${column} as text) as ${column}` : `NULL as ${column}`);
  return {
    sql: `select ${c('rangename')}, ${c('rangepriorityid')}, ${text('rangelowerip1')}, ${text('rangelowerip2')}, ${text('rangeupperip1')}, ${text('rangeupperip2')},
       ${c('rangeoptions')}, ${c('rangeexpires')}, ${c('rangeexpirestime')}
     from hm_securityranges order by rangepriorityid desc, lower(rangename)`,
    params: [],
  };
}

/** Failed logons per address, with the first and last. */
export function logonFailuresQuery(hm: HmColumns): SqlQuery {
  const column = (name: string) => (hm.has('hm_logon_failures', name) ? name : 'NULL');
  return {
    sql: `select cast(ipaddress1 as text) as ip1, cast(${column('ipaddress2')} as text) as ip2,
       count(*) as n, min(${column('failuretime')}) as first, max(${column('failuretime')}) as last
     from hm_logon_failures group by ip1, ip2 order by n desc, ip1`,
    params: [],
  };
}
