/** What leaves the case as a document: findings.json, the HTML report and its saved options, the story, timeline exports. */
import { reportOptionsFrom, reportOptionsFromJson, type ReportOptions } from '../../model/reportOptions.ts';
import { htmlReport } from '../../report/htmlReport.ts';
import type { StoryChain } from '../../report/story/storyChain.ts';
import { timelineCsv } from '../../report/timelineCsv.ts';
import { timesketchCsv } from '../../report/timesketchCsv.ts';
import { timesketchJsonl } from '../../report/timesketchJsonl.ts';
import { caseStory } from '../caseStory.ts';
import { gunzipText } from '../gzipText.ts';
import { reportInput } from '../reportInput.ts';
import { timelineEvents } from '../timelineEvents.ts';
import type { CaseDbState } from './caseDbState.ts';
import { readCaseMeta, writeCaseMeta } from './caseMeta.ts';

export function caseExports(s: CaseDbState) {
  return {
    async findingsJson(): Promise<string> {
      const r = s.db.exec("SELECT value FROM case_meta WHERE key = 'findings_json_gz'");
      const gz = r[0]?.values[0]?.[0];
      // Case files written before findings.json was compressed keep it as text.
      return gz instanceof Uint8Array ? gunzipText(gz) : (readCaseMeta(s.db, 'findings_json') ?? '');
    },
    /** The report builder's choices, saved in the case (case_meta report_options) so a reopened case prints the same report. */
    async setReportOptions(options: ReportOptions) {
      writeCaseMeta(s.db, 'report_options', JSON.stringify(reportOptionsFrom(options)));
    },
    async reportOptions(): Promise<ReportOptions> {
      return reportOptionsFromJson(readCaseMeta(s.db, 'report_options'));
    },
    /** "What happened here": the attack chains the findings support (src/lib/report/story). */
    async story(): Promise<StoryChain[]> {
      return caseStory(s.db);
    },
    async htmlReport(): Promise<string> {
      return htmlReport(reportInput(s.db, s.version, new Date().toISOString()));
    },
    async timesketchJsonl(): Promise<string> {
      return timesketchJsonl(timelineEvents(s.db));
    },
    async timesketchCsv(): Promise<string> {
      return timesketchCsv(timelineEvents(s.db));
    },
    async timelineCsv(): Promise<string> {
      return timelineCsv(timelineEvents(s.db));
    },
  };
}
