/**
 * The examiner's choices for the HTML report (the report builder), saved in the case so a reopened case
 * file prints the same report: which sections, bookmarked items only or all, the lowest severity listed,
 * and the examiner's own text.
 */
import type { Severity } from './finding.ts';

export const REPORT_SECTIONS = [
  { id: 'summary', title: 'Executive summary' },
  { id: 'findings', title: 'Findings by severity' },
  { id: 'configuration', title: 'Configuration risks' },
  { id: 'accounts', title: 'Accounts at risk' },
  { id: 'timeline', title: 'Timeline of the incident' },
  { id: 'bookmarks', title: 'Bookmarked items' },
  { id: 'inventory', title: 'Evidence inventory' },
  { id: 'method', title: 'Method and limits' },
] as const;

export type ReportSectionId = (typeof REPORT_SECTIONS)[number]['id'];

export interface ReportOptions {
  sections: ReportSectionId[];
  /** Findings limited to those on bookmarked messages or carrying an examiner note. */
  bookmarkedOnly: boolean;
  minSeverity: Severity;
  /** The examiner's case summary, printed on the cover page. */
  caseSummary: string;
  /** The examiner's conclusions, printed after the executive summary. */
  conclusions: string;
}

export const DEFAULT_REPORT_OPTIONS: ReportOptions = {
  sections: REPORT_SECTIONS.map((s) => s.id),
  bookmarkedOnly: false,
  minSeverity: 'info',
  caseSummary: '',
  conclusions: '',
};

/** The stored JSON text of the options, read as the defaults when it is not JSON (a damaged case file). */
export function reportOptionsFromJson(text: string | null | undefined): ReportOptions {
  if (!text) return reportOptionsFrom(null);
  try {
    return reportOptionsFrom(JSON.parse(text));
  } catch {
    return reportOptionsFrom(null);
  }
}

/** Stored options read back leniently: unknown sections dropped, missing fields defaulted. */
export function reportOptionsFrom(value: unknown): ReportOptions {
  const v = value !== null && typeof value === 'object' ? (value as Partial<Record<keyof ReportOptions, unknown>>) : {};
  const known = new Set<string>(REPORT_SECTIONS.map((s) => s.id));
  const severities = ['info', 'low', 'medium', 'high'];
  return {
    sections: Array.isArray(v.sections) ? (v.sections.filter((s) => typeof s === 'string' && known.has(s)) as ReportSectionId[]) : DEFAULT_REPORT_OPTIONS.sections,
    bookmarkedOnly: v.bookmarkedOnly === true,
    minSeverity: typeof v.minSeverity === 'string' && severities.includes(v.minSeverity) ? (v.minSeverity as Severity) : 'info',
    caseSummary: typeof v.caseSummary === 'string' ? v.caseSummary : '',
    conclusions: typeof v.conclusions === 'string' ? v.conclusions : '',
  };
}
