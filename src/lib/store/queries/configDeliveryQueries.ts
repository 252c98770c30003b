/** SQL of where mail goes next: the delivery queue with its recipients, and the routes. */
import type { HmColumns } from './hmColumns.ts';
import { externalSql } from './localDomains.ts';
import type { SqlQuery } from './sqlQuery.ts';

/** hm_messages of type 1 (waiting) and 3 (held for ETRN), with recipients, how many are outside, and whether the file is in the evidence. */
export function deliveryQueueQuery(hm: HmColumns): SqlQuery {
  const c = (column: string) => hm.col('hm_messages', column);
  const hasRecipients = hm.has('hm_messagerecipients', 'recipientmessageid');
  const ofMessage = 'from hm_messagerecipients r where r.recipientmessageid = m.messageid';
  const recipients = hasRecipients ? `(select group_concat(recipientaddress, ', ') ${ofMessage})` : 'NULL';
  const outside = hasRecipients ? `(select sum(${externalSql(hm, 'recipientaddress')}) ${ofMessage})` : 'NULL';
  return {
    sql: `select messageid, messagetype, ${c('messagefrom')}, ${recipients} as recipients, ${outside} as outside, ${c('messagecurnooftries')},
       ${c('messagenexttrytime')}, ${c('messagecreatetime')}, ${c('messagesize')}, ${c('messagelocked')}, ${externalSql(hm, 'messagefrom')} as sender_outside,
       exists (select 1 from case_messages f where f.db_message_id = m.messageid and f.location <> 'database-only') as has_file
     from hm_messages m where messagetype in (1, 3) order by messageid`,
    params: [],
  };
}

export function routesQuery(hm: HmColumns): SqlQuery {
  const c = (column: string) => hm.col('hm_routes', column);
  const addresses = hm.has('hm_routeaddresses', 'routeaddressrouteid')
    ? "(select group_concat(routeaddressaddress, ', ') from hm_routeaddresses a where a.routeaddressrouteid = r.routeid)"
    : 'NULL';
  return {
    sql: `select routeid, ${c('routedomainname')}, ${c('routedescription')}, ${c('routetargetsmthost')}, ${c('routetargetsmtport')}, ${c('routealladdresses')},
       ${addresses} as addresses, ${c('routenooftries')}, ${c('routeminutesbetweentry')}, ${c('routeuseauthentication')}, ${c('routeauthenticationusername')},
       ${c('routeconnectionsecurity')}, ${c('routetreatsecurityaslocal')}
     from hm_routes r order by lower(routedomainname), routeid`,
    params: [],
  };
}
