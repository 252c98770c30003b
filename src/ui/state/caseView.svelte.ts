/**
 * Where the examiner is in the case: the active tab and the filters one view hands to another
 * (an indicator opens its messages, an IP opens its log sessions). Views read these fields and call
 * the methods; nothing here talks to the workers.
 */
import type { MessageFilter as MessageListFilter } from '../../lib/store/queries/messageQueries.ts';
import { EMPTY_MESSAGE_FILTER } from '../queries/messages.ts';

export const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'messages', label: 'Messages' },
  { id: 'indicators', label: 'Indicators' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'logs', label: 'Logs' },
  { id: 'accounts', label: 'Accounts' },
  { id: 'sql', label: 'SQL' },
  { id: 'inventory', label: 'Inventory' },
] as const;

export type TabId = (typeof TABS)[number]['id'];

/** Which messages the Messages tab lists; every key set narrows the list (AND). */
export interface MessageFilter {
  /** A finding type: messages that carry it (case_messages.indicators), or in the folder it names (uid-gap). */
  indicator?: string;
  /** An account address (case_messages.account). */
  account?: string;
  /** Exactly these evidence paths. */
  paths?: string[];
  /** A folder's full path, e.g. "INBOX.Invoices" (case_messages.folder); used with account. */
  folder?: string;
  /** IMAP UIDs (case_messages.uid); used with account and folder (the messages around a UID gap). */
  uids?: number[];
}

/** Which log sessions the Logs tab lists. */
export interface LogFilter {
  ip?: string;
  account?: string;
}

export class CaseView {
  tab = $state<TabId>('overview');
  messageFilter = $state.raw<MessageFilter>({});
  /** The Messages tab's complete filter as the examiner last set it: the case panel's zip takes those messages. */
  listedMessages = $state.raw<MessageListFilter>(EMPTY_MESSAGE_FILTER);
  /** The message shown in the Messages tab's detail pane (evidence path), or null. */
  selectedMessage = $state<string | null>(null);
  logFilter = $state.raw<LogFilter>({});
  /** The log session shown in the Logs tab (case_log_sessions.key), or null. */
  selectedSession = $state<string | null>(null);
  /** The account the Accounts tab opens (its folders), or null. */
  selectedAccount = $state<string | null>(null);
  /** The finding type the Indicators tab expands and scrolls to, or null. */
  focusedIndicator = $state<string | null>(null);
  /**
   * Bumped by every navigation, so a view can react even when the same filter is asked for twice
   * (the examiner scrolled away and clicked the same indicator again).
   */
  navigation = $state(0);

  private pending = new Set<Promise<unknown>>();

  select(tab: TabId): void {
    this.tab = tab;
  }

  /** Lists the messages matching the filter in the Messages tab (replaces the previous filter). */
  openMessages(filter: MessageFilter): void {
    this.messageFilter = { ...filter, ...(filter.paths ? { paths: [...filter.paths] } : {}), ...(filter.uids ? { uids: [...filter.uids] } : {}) };
    this.selectedMessage = null;
    this.go('messages');
  }

  /** Shows one message; the list filter is kept so the examiner returns to where they were. */
  openMessage(path: string): void {
    this.selectedMessage = path;
    this.go('messages');
  }

  openSession(key: string): void {
    this.selectedSession = key;
    this.go('logs');
  }

  /** Lists the log sessions of an IP or an account in the Logs tab. */
  openLogs(filter: LogFilter): void {
    this.logFilter = { ...filter };
    this.selectedSession = null;
    this.go('logs');
  }

  openAccount(address: string): void {
    this.selectedAccount = address;
    this.go('accounts');
  }

  openIndicator(type: string): void {
    this.focusedIndicator = type;
    this.go('indicators');
  }

  clearMessageFilter(): void {
    this.messageFilter = {};
  }

  clearLogFilter(): void {
    this.logFilter = {};
  }

  /**
   * Views wrap the loads they start for a new runId in track(), so the analysis is declared done
   * only after every view has its data (test-hooks.md: no view is still loading after "done").
   */
  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const forget = () => this.pending.delete(work);
    work.then(forget, forget);
    return work;
  }

  /** Resolves when every tracked load has settled, including loads started while waiting. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** A new case: nothing of the previous one stays selected. */
  reset(): void {
    this.messageFilter = {};
    this.selectedMessage = null;
    this.logFilter = {};
    this.selectedSession = null;
    this.selectedAccount = null;
    this.focusedIndicator = null;
    this.tab = 'overview';
    this.navigation++;
  }

  private go(tab: TabId): void {
    this.tab = tab;
    this.navigation++;
  }
}

/** UIDs named in a filter's description at most; a folder with many holes says how many more. */
const UIDS_NAMED = 8;

/** "UID 7", "UIDs 3, 9, 12" or "UIDs 1, 2, … (40 in all)": the UIDs a message filter keeps. */
export function uidsText(uids: readonly number[]): string {
  const named = uids.slice(0, UIDS_NAMED).join(', ');
  return `UID${uids.length === 1 ? '' : 's'} ${uids.length > UIDS_NAMED ? `${named}, … (${uids.length} in all)` : named}`;
}

/** Human-readable description of a message filter, for the Messages tab's filter chip. */
export function describeMessageFilter(filter: MessageFilter): string {
  const parts: string[] = [];
  if (filter.indicator) parts.push(`indicator ${filter.indicator}`);
  if (filter.account) parts.push(`account ${filter.account}`);
  if (filter.folder) parts.push(`folder ${filter.folder}`);
  if (filter.uids) parts.push(uidsText(filter.uids));
  if (filter.paths) parts.push(`${filter.paths.length} selected message${filter.paths.length === 1 ? '' : 's'}`);
  return parts.join(', ');
}
