/**
 * Golden outputs of the built-in demo evidence, compared byte for byte (determinism is a product rule):
 * findings.json with its `run` block blanked, and the HTML report with the clock pinned so its
 * "Generated (UTC)" cell is fixed. After an intended change: `node tests/golden/update.mjs`, then review the diff.
 */
import Ajv from 'ajv';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_ZIP_NAME, demoEvidenceBytes } from '../helpers/demoEvidence.ts';
import { FIXED_NOW, fileInput, nodeTriage } from '../helpers/nodeTriage.ts';

const UPDATE = process.env.GOLDEN_UPDATE === '1';
const FINDINGS_GOLDEN = join(__dirname, 'demo-findings.json');
const REPORT_GOLDEN = join(__dirname, 'demo-report.html');

/** The run block is the one part of findings.json allowed to differ between runs (findings-schema.md). */
function blankRun(json: string): string {
  const blanked = json.replace(/\n {2}"run": \{\n[^{}]*\n {2}\},\n/, '\n  "run": {},\n');
  expect(blanked, 'findings.json has no run block where one was expected').not.toBe(json);
  return blanked;
}

async function demoOutputs(): Promise<{ findingsJson: string; html: string }> {
  const { outcome, caseDb } = await nodeTriage([fileInput(DEMO_ZIP_NAME, demoEvidenceBytes())]);
  vi.useFakeTimers({ toFake: ['Date'], now: FIXED_NOW });
  try {
    return { findingsJson: outcome.findingsJson, html: await caseDb.htmlReport() };
  } finally {
    vi.useRealTimers();
  }
}

function matchesGolden(path: string, actual: string) {
  if (UPDATE) {
    writeFileSync(path, actual);
    return;
  }
  expect(existsSync(path), `${path} is missing: run node tests/golden/update.mjs`).toBe(true);
  expect(actual, `differs from ${path}; if intended, run node tests/golden/update.mjs`).toBe(readFileSync(path, 'utf8'));
}

describe('demo evidence golden outputs', () => {
  let first: { findingsJson: string; html: string };

  beforeAll(async () => {
    first = await demoOutputs();
  }, 120_000);

  it('findings.json matches tests/golden/demo-findings.json (run block blanked)', () => {
    matchesGolden(FINDINGS_GOLDEN, blankRun(first.findingsJson));
  });

  it('findings.json of the demo is a valid contract document with findings in it', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, '../contract/findings.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const doc = JSON.parse(first.findingsJson);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.findings.length).toBeGreaterThan(0);
  });

  it('the HTML report matches tests/golden/demo-report.html', () => {
    expect(first.html).toContain(`<td>${FIXED_NOW.toISOString()}</td>`);
    matchesGolden(REPORT_GOLDEN, first.html);
  });

  it('a second run in the same process gives the same bytes', async () => {
    const second = await demoOutputs();
    expect(second.findingsJson).toBe(first.findingsJson);
    expect(second.html).toBe(first.html);
  });
});
