/**
 * hMailServer rule criteria and actions in words (hmailserver.md §2.3 hm_rules, C/BO/RuleCriteria.h and
 * RuleAction.h): "Subject contains 'invoice'", "forward to x@example.com".
 */
import type { CellValue } from '../components/tableColumn.ts';
import { asNumber, asText, type QueryRecord } from './queryRows.ts';

const FIELDS: Record<number, string> = {
  0: 'unknown field', 1: 'From', 2: 'To', 3: 'CC', 4: 'Subject', 5: 'Body', 6: 'Message size', 7: 'Recipient list', 8: 'Delivery attempts',
};

const MATCH: Record<number, string> = {
  0: 'matches (no type)', 1: 'equals', 2: 'contains', 3: 'is less than', 4: 'is greater than', 5: 'matches regex',
  6: 'does not contain', 7: 'does not equal', 8: 'matches wildcard',
};

const ACTION_TYPES: Record<number, string> = {
  0: 'unknown', 1: 'delete', 2: 'forward', 3: 'reply', 4: 'move to folder', 5: 'run script', 6: 'stop rule processing',
  7: 'set header', 8: 'send using route', 9: 'create copy', 10: 'bind to address',
};

/** The actions that silently delete mail or send it elsewhere (hmailserver.md: "rules with action 1/2/9"). */
export const DELETE = 1;
export const FORWARD = 2;
export const COPY = 9;

const text = (v: CellValue) => asText(v).trim();

export function criterionText(r: QueryRecord): string {
  const predefined = asNumber(r.criteriausepredefined) !== 0;
  const fieldNo = asNumber(r.criteriapredefinedfield) ?? 0;
  const field = predefined ? (FIELDS[fieldNo] ?? `field ${fieldNo}`) : `header "${text(r.criteriaheadername)}"`;
  const matchNo = asNumber(r.criteriamatchtype) ?? 0;
  const match = MATCH[matchNo] ?? `match type ${matchNo}`;
  return `${field} ${match} '${text(r.criteriamatchvalue)}'`;
}

export function actionText(r: QueryRecord, routeName: (id: number | null) => string): string {
  const type = asNumber(r.actiontype) ?? 0;
  const name = ACTION_TYPES[type] ?? `action type ${type}`;
  switch (type) {
    case FORWARD:
      return `forward to ${text(r.actionto) || '(no address)'}`;
    case COPY:
      return `create a copy${text(r.actionto) ? ` to ${text(r.actionto)}` : ''}`;
    case 3:
      return `reply "${text(r.actionsubject)}"${text(r.actionfromaddress) ? ` from ${text(r.actionfromaddress)}` : ''}`;
    case 4:
      return `move to folder ${text(r.actionimapfolder)}`;
    case 5:
      return `run script function ${text(r.actionscriptfunction)}`;
    case 7:
      return `set header ${text(r.actionheader)}: ${text(r.actionvalue)}`;
    case 8:
      return `send using route ${routeName(asNumber(r.actionrouteid))}`;
    case 10:
      return `bind to address ${text(r.actionvalue)}`;
    default:
      return name;
  }
}
