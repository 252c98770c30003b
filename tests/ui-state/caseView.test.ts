// Cross-view navigation: each method lands on the right tab with the right filter, and track/settled
// is what lets "done" wait for views that load on their own.
import { describe, expect, it } from 'vitest';
import { CaseView, TABS, describeMessageFilter, uidsText } from '../../src/ui/state/caseView.svelte.ts';
import { deferred } from './mockClient.ts';

describe('CaseView', () => {
  it('lists the eight tabs the test hooks name, Overview first', () => {
    expect(TABS.map((t) => t.label)).toEqual(['Overview', 'Messages', 'Indicators', 'Timeline', 'Logs', 'Accounts', 'SQL', 'Inventory']);
    expect(new CaseView().tab).toBe('overview');
  });

  it('openMessages replaces the filter, clears the selection and shows Messages', () => {
    const view = new CaseView();
    view.openMessage('a.eml');
    view.openMessages({ account: 'bob@x.example', folder: 'INBOX' });
    expect(view.tab).toBe('messages');
    expect(view.messageFilter).toEqual({ account: 'bob@x.example', folder: 'INBOX' });
    expect(view.selectedMessage).toBeNull();
    view.openMessages({ indicator: 'spam-flagged' });
    expect(view.messageFilter).toEqual({ indicator: 'spam-flagged' });
  });

  it('copies the paths so a caller mutating its array does not change the filter', () => {
    const view = new CaseView();
    const paths = ['a.eml'];
    view.openMessages({ paths });
    paths.push('b.eml');
    expect(view.messageFilter.paths).toEqual(['a.eml']);
  });

  it('openMessage keeps the list filter and selects the message', () => {
    const view = new CaseView();
    view.openMessages({ indicator: 'spf-fail' });
    view.select('indicators');
    view.openMessage('Data/x/{A}.eml');
    expect(view.tab).toBe('messages');
    expect(view.selectedMessage).toBe('Data/x/{A}.eml');
    expect(view.messageFilter).toEqual({ indicator: 'spf-fail' });
  });

  it('openSession, openLogs, openAccount and openIndicator go to their tabs', () => {
    const view = new CaseView();
    view.openSession('log.log#SMTPD#12');
    expect([view.tab, view.selectedSession]).toEqual(['logs', 'log.log#SMTPD#12']);
    view.openLogs({ ip: '203.0.113.9' });
    expect([view.tab, view.selectedSession, view.logFilter]).toEqual(['logs', null, { ip: '203.0.113.9' }]);
    view.openAccount('carol@x.example');
    expect([view.tab, view.selectedAccount]).toEqual(['accounts', 'carol@x.example']);
    view.openIndicator('weak-password');
    expect([view.tab, view.focusedIndicator]).toEqual(['indicators', 'weak-password']);
  });

  it('counts navigations so asking twice for the same thing is still a change', () => {
    const view = new CaseView();
    view.openMessages({ indicator: 'spam-flagged' });
    const first = view.navigation;
    view.openMessages({ indicator: 'spam-flagged' });
    expect(view.navigation).toBe(first + 1);
  });

  it('reset forgets everything of the previous case', () => {
    const view = new CaseView();
    view.openMessages({ account: 'a@x' });
    view.openMessage('m.eml');
    view.openLogs({ ip: '1.2.3.4' });
    view.openAccount('a@x');
    view.openIndicator('uid-gap');
    view.reset();
    expect(view.tab).toBe('overview');
    expect(view.messageFilter).toEqual({});
    expect([view.selectedMessage, view.selectedSession, view.selectedAccount, view.focusedIndicator]).toEqual([null, null, null, null]);
    expect(view.logFilter).toEqual({});
  });

  it('settled waits for every tracked load, including one started while waiting', async () => {
    const view = new CaseView();
    const a = deferred<number>();
    const b = deferred<number>();
    view.track(a.promise);
    let done = false;
    const waiting = view.settled().then(() => (done = true));
    a.resolve(1);
    view.track(b.promise);
    await Promise.resolve();
    await Promise.resolve();
    expect(done).toBe(false);
    b.reject(new Error('view failed'));
    await waiting;
    expect(done).toBe(true);
  });

  it('track hands back the same promise', async () => {
    const view = new CaseView();
    await expect(view.track(Promise.resolve(42))).resolves.toBe(42);
    await view.settled();
  });

  it('describes a filter for the filter chip', () => {
    expect(describeMessageFilter({ indicator: 'spf-fail', account: 'a@x', paths: ['1', '2'] })).toBe('indicator spf-fail, account a@x, 2 selected messages');
    expect(describeMessageFilter({})).toBe('');
    expect(describeMessageFilter({ account: 'a@x', folder: 'INBOX', uids: [4, 9] })).toBe('account a@x, folder INBOX, UIDs 4, 9');
  });

  it('names a few UIDs and counts the rest', () => {
    expect(uidsText([7])).toBe('UID 7');
    expect(uidsText([1, 2, 3, 4, 5, 6, 7, 8])).toBe('UIDs 1, 2, 3, 4, 5, 6, 7, 8');
    expect(uidsText([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe('UIDs 1, 2, 3, 4, 5, 6, 7, 8, … (10 in all)');
  });
});
