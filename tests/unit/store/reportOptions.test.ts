/** The report builder's choices live in the case: saved, read leniently, and carried by a saved case file into the report. */
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_OPTIONS, reportOptionsFrom, reportOptionsFromJson } from '../../../src/lib/model/reportOptions.ts';
import { createCaseDbService } from '../../../src/lib/store/caseDbService.ts';
import { DEMO_ZIP_NAME, demoEvidenceBytes } from '../../helpers/demoEvidence.ts';
import { fileInput, nodeTriage } from '../../helpers/nodeTriage.ts';

describe('report options in the case', () => {
  it('reads unknown sections, bad severities and missing fields as the defaults', () => {
    expect(reportOptionsFrom(null)).toEqual(DEFAULT_REPORT_OPTIONS);
    expect(reportOptionsFromJson('{not json')).toEqual(DEFAULT_REPORT_OPTIONS);
    expect(reportOptionsFrom({ sections: ['method', 'nonsense', 3], minSeverity: 'critical', bookmarkedOnly: 'yes', conclusions: 7 })).toEqual({
      ...DEFAULT_REPORT_OPTIONS, sections: ['method'],
    });
  });

  it('survives saving the case file and reopening it, and shapes the report', async () => {
    const { caseDb } = await nodeTriage([fileInput(DEMO_ZIP_NAME, demoEvidenceBytes())]);
    await caseDb.setReportOptions({ ...DEFAULT_REPORT_OPTIONS, sections: ['summary', 'method'], minSeverity: 'high', conclusions: 'Ben was phished.' });
    const reopened = createCaseDbService(await initSqlJs(), 'test');
    expect(await reopened.openCaseFile(await caseDb.exportDb())).toBe(true);
    expect((await reopened.reportOptions()).sections).toEqual(['summary', 'method']);
    const html = await reopened.htmlReport();
    expect(html).toContain('<section id="summary"><h2>1. Executive summary</h2>');
    expect(html).toContain('Ben was phished.');
    expect(html).not.toContain('<section id="findings">');
    expect(html).toContain('Password guessing from 203.0.113.66');
  }, 60_000);
});
