// Indicators grouping: fixed category order, worst type first, counts and worst severity per category.
import { describe, expect, it } from 'vitest';
import type { FindingRow } from '../../src/ui/queries/indicatorsQueries.ts';
import { groupFindings } from '../../src/ui/state/groupFindings.ts';

let id = 0;
function finding(type: string, severity: FindingRow['severity'], category: string, message?: string): FindingRow {
  return { id: ++id, type, severity, category, summary: type, ref: message ? { message } : { setting: 'x' }, details: {}, note: '' };
}

describe('groupFindings', () => {
  it('keeps the six categories in order, empty ones too, and appends unknown ones', () => {
    const groups = groupFindings([finding('odd', 'low', 'Zeta'), finding('spam-flagged', 'low', 'Spam', 'm1')]);
    expect(groups.map((g) => [g.category, g.count, g.severity])).toEqual([
      ['Integrity', 0, null],
      ['Authenticity', 0, null],
      ['Spam', 1, 'low'],
      ['Abuse', 0, null],
      ['Attachments', 0, null],
      ['Configuration & accounts', 0, null],
      ['Zeta', 1, 'low'],
    ]);
  });

  it('orders types by severity, then count, and knows which point at messages', () => {
    const groups = groupFindings([
      finding('spf-fail', 'low', 'Spam', 'a'),
      finding('spf-fail', 'low', 'Spam', 'b'),
      finding('helo-suspicious', 'low', 'Spam', 'c'),
      finding('spam-flagged', 'medium', 'Spam', 'd'),
      finding('spam-test-disabled', 'low', 'Configuration & accounts'),
    ]);
    const spam = groups[2];
    expect(spam.types.map((t) => [t.type, t.findings.length])).toEqual([
      ['spam-flagged', 1],
      ['spf-fail', 2],
      ['helo-suspicious', 1],
    ]);
    expect(spam.severity).toBe('medium');
    expect(spam.count).toBe(4);
    expect(spam.types[0].hasMessages).toBe(true);
    expect(groups[5].types[0].hasMessages).toBe(false);
  });

  it('a type takes the worst severity of its findings', () => {
    const [integrity] = groupFindings([finding('parse-error', 'low', 'Integrity'), finding('parse-error', 'high', 'Integrity')]);
    expect(integrity.types[0].severity).toBe('high');
  });
});
