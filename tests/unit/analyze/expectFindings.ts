/** Data-table assertion for analyzers: exactly these findings, each matching the listed fields. */
import { expect } from 'vitest';
import type { Analyzer, AnalyzerOptions } from '../../../src/lib/analyze/analyzer.ts';
import type { CaseData } from '../../../src/lib/model/caseData.ts';
import type { Finding } from '../../../src/lib/model/finding.ts';
import { compareFindings } from '../../../src/lib/model/compareFindings.ts';
import { OPTIONS } from './caseBuilder.ts';

type ExpectedFinding = Partial<Omit<Finding, 'details'>> & { details?: Record<string, unknown> };

export interface AnalyzerCase {
  name: string;
  input: CaseData;
  options?: Partial<AnalyzerOptions>;
  expected: ExpectedFinding[];
}

export function runCase(analyzer: Analyzer, c: AnalyzerCase): Finding[] {
  const findings = [...analyzer.run(c.input, { ...OPTIONS, ...c.options })].sort(compareFindings);
  expect(findings.map((f) => ({ type: f.type, ref: f.ref }))).toHaveLength(c.expected.length);
  c.expected.forEach((e, i) => expect(findings[i]).toMatchObject(e));
  for (const f of findings) {
    expect(analyzer.findingTypes).toContain(f.type);
    expect(f.summary.length).toBeGreaterThan(20);
    expect(f.summary.endsWith('.')).toBe(true);
  }
  return findings;
}
