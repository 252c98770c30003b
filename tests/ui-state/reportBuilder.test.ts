import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '../../src/lib/model/reportOptions.ts';
import { errorReport } from '../../src/ui/reportError.svelte.ts';
import { CasePanel } from '../../src/ui/state/casePanel.svelte.ts';
import { ReportBuilder } from '../../src/ui/state/reportBuilder.svelte.ts';
import { mockClient } from './mockClient.ts';

describe('ReportBuilder', () => {
  it('loads the saved choices, keeps the report order when a section is ticked again, and saves', async () => {
    const client = mockClient({ reportOptions: vi.fn(async (): Promise<ReportOptions> => ({ ...DEFAULT_REPORT_OPTIONS, sections: ['summary', 'method'], minSeverity: 'medium' })) });
    const builder = new ReportBuilder(client);
    await builder.load();
    expect(builder.options.sections).toEqual(['summary', 'method']);
    expect(builder.dirty).toBe(false);
    builder.toggle('findings', true);
    builder.toggle('summary', false);
    expect(builder.options.sections).toEqual(['findings', 'method']);
    expect(builder.dirty).toBe(true);
    await builder.save();
    expect(client.setReportOptions).toHaveBeenCalledWith(expect.objectContaining({ sections: ['findings', 'method'], minSeverity: 'medium' }));
    expect(builder.dirty).toBe(false);
  });

  it('a failed save is reported and the choices stay unsaved', async () => {
    const client = mockClient({ setReportOptions: vi.fn(async () => { throw new Error('disk full'); }) });
    const builder = new ReportBuilder(client);
    builder.options.conclusions = 'x';
    await builder.save();
    expect(errorReport.message).toBe('Could not save the report choices: disk full');
    expect(builder.dirty).toBe(true);
  });

  it('the HTML report export saves unsaved choices first', async () => {
    const client = mockClient();
    const save = vi.fn();
    const panel = new CasePanel(client, save);
    await panel.load();
    panel.report.options.bookmarkedOnly = true;
    await panel.export('report');
    expect(client.setReportOptions).toHaveBeenCalledWith(expect.objectContaining({ bookmarkedOnly: true }));
    expect(vi.mocked(client.setReportOptions).mock.invocationCallOrder[0]).toBeLessThan(vi.mocked(client.htmlReport).mock.invocationCallOrder[0]);
    expect(save).toHaveBeenCalledWith('report.html', '<html></html>', 'text/html');
  });
});
