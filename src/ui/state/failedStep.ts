/**
 * What the status says when an analysis fails: the part of the pipeline and the step it was on (the last
 * progress report, which names the file being read, imported or parsed), so the examiner knows which input
 * to look at. The reason itself follows after a colon (reportError).
 */
import type { Progress, Stage } from '../../lib/model/progress.ts';

const STAGE_NAMES: Record<Stage, string> = {
  ingest: 'intake (listing, inflating and hashing the evidence)',
  database: 'database import',
  messages: 'message parsers',
  logs: 'log parser',
  analyze: 'analyzers',
  report: 'case database and views',
};

export function failedStepText(p: Progress | null): string {
  if (!p) return 'The analysis failed';
  const step = p.step && p.step !== 'Starting' ? `, at "${p.step}"` : '';
  return `The analysis failed in the ${STAGE_NAMES[p.stage]}${step}`;
}
