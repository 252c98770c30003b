/**
 * The import-boundary config (tests/lint/eslint.config.js) blocks what architecture.md forbids and lets
 * through what it allows, and applies typescript-eslint's recommended rules to src and workers: each case is
 * linted as if it were a file at that path in the repo.
 */
import { ESLint } from 'eslint';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = resolve(__dirname, '..', '..');
const eslint = new ESLint({ cwd: REPO, overrideConfigFile: join(REPO, 'tests', 'lint', 'eslint.config.js') });

/** The snippets import names they never use: typescript-eslint's unused-variable rule would flag every one. */
const SNIPPET_NOISE = '@typescript-eslint/no-unused-vars';

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(REPO, file) });
  return result.messages.filter((m) => m.ruleId !== SNIPPET_NOISE).map((m) => `${m.ruleId}: ${m.message}`);
}

const svelte = (script: string) => `<script lang="ts">\n${script}\nconst n: number = 1;\n</script>\n<p>{n}</p>\n`;

const blocked: [file: string, code: string][] = [
  ['src/lib/pipeline/x.ts', "import { mount } from 'svelte';"],
  ['src/lib/pipeline/x.ts', "import { onMount } from 'svelte/internal';"],
  ['src/lib/model/x.ts', "import { wrap } from 'comlink';"],
  ['src/lib/analyze/x.ts', "import { format } from '../../ui/format.ts';"],
  ['src/lib/analyze/support/x.ts', "import type { X } from '../../../ui/triageClient.ts';"],
  ['src/lib/store/x.ts', "import { ownBuffer } from '../../../workers/remoteDeps.ts';"],
  ['src/lib/store/x.ts', "export * from '../../../workers/remoteDeps.ts';"],
  ['src/lib/store/x.ts', "const m = await import('./other.ts');"],
  ['src/ui/state/x.svelte.ts', "import { runTriage } from '../../lib/pipeline/runTriage.ts';"],
  ['src/ui/x.ts', "import { htmlReport } from '../lib/report/htmlReport.ts';"],
  ['src/ui/x.ts', "import { x } from '../lib/report/format/deeper.ts';"],
  ['src/ui/views/X.svelte', svelte("import { parseMessage } from '../../lib/mail/parseMessage.ts';")],
  ['src/ui/views/X.svelte', svelte("import W from '../../../workers/caseDb.worker.ts?worker&inline';")],
  ['src/ui/state/x.ts', "import { remoteDeps } from '../../../workers/remoteDeps.ts';"],
  ['src/ui/workerClient.ts', "import { parseMessage } from '../lib/mail/parseMessage.ts';"],
  ['workers/x.worker.ts', "import { format } from '../src/ui/format.ts';"],
  ['workers/x.worker.ts', "import JSZip from 'jszip';"],
  ['workers/x.worker.ts', "import SevenZip from '7z-wasm';"],
  ['workers/x.worker.ts', "import { y } from './sub/y.ts';"],
  ['workers/sub/x.ts', "export const x = 1;"],
  ['src/lib/a/b/c/d/e/f/g/x.ts', "export const x = 1;"],
  ['src/ui/queries/x.ts', "import { parseIp } from '../../lib/ip/parseIp.ts';"],
];

/** The three cycles the stage order was made to break, then one of each other way out of the order. */
const outOfOrder: [file: string, code: string][] = [
  ['src/lib/analyze/x.ts', "import { localToUtc } from '../timeline/localToUtc.ts';"],
  ['src/lib/analyze/index.ts', "import { compareFindings } from '../report/compareFindings.ts';"],
  ['src/lib/store/caseDbService.ts', "import type { CaseDbPort } from '../pipeline/caseDbPort.ts';"],
  ['src/lib/time/x.ts', "import { serverHostNames } from '../analyze/support/serverHostNames.ts';"],
  ['src/lib/model/caseData.ts', "import type { ServerZone } from '../time/serverZone.ts';"],
  ['src/lib/logs/x.ts', "import { parseMailDate } from '../mail/parseMailDate.ts';"],
  ['src/lib/mail/x.ts', "export * from '../database/decodeIpAddress.ts';"],
  ['src/lib/analyze/zone/x.ts', "import type { TimelineEvent } from '../../timeline/timelineEvent.ts';"],
  ['src/lib/ip/x.ts', "import { x } from '../unknown/x.ts';"],
  ['src/lib/analyze/x.ts', "import { SEVERITY_RANK } from '../../lib/model/finding.ts';"],
  ['src/lib/x.ts', "export const x = 1;"],
  ['src/lib/newStage/x.ts', "export const x = 1;"],
];

const allowed: [file: string, code: string][] = [
  ['src/lib/pipeline/x.ts', "import initSqlJs from 'sql.js';\nimport { y } from '../model/finding.ts';"],
  ['src/lib/report/x.ts', "import { y } from '../analyze/zone/ui.ts';"],
  [
    'src/lib/pipeline/x.ts',
    ['model', 'time', 'ip', 'ingest', 'database', 'mail', 'logs', 'link', 'analyze', 'timeline', 'report', 'search', 'hashset', 'store']
      .map((stage, i) => `import { y${i} } from '../${stage}/y.ts';`)
      .join('\n'),
  ],
  ['src/lib/analyze/zone/x.ts', "import { y } from '../support/y.ts';\nimport { z } from '../../time/z.ts';\nimport type { Z } from '../../model/z.ts';"],
  ['src/lib/store/x.ts', "import type { Q } from '../search/q.ts';\nimport { h } from '../hashset/h.ts';\nexport * from './y.ts';"],
  ['src/lib/ip/x.ts', "import { y } from './y.ts';\nimport ipaddr from 'ipaddr.js';"],
  ['src/ui/queries/x.ts', "import { decodeIpAddress } from '../../lib/ip/decodeIpAddress.ts';"],
  ['src/ui/x.ts', "import { SEVERITY_RANK } from '../lib/model/finding.ts';\nimport { mount } from 'svelte';"],
  ['src/ui/x.ts', "import { formatSeverity } from '../lib/report/formatSeverity.ts';"],
  ['src/ui/state/x.svelte.ts', "import type { TriageInput } from '../../lib/pipeline/runTriage.ts';"],
  ['src/ui/state/x.svelte.ts', "import { type QueryResult } from '../../lib/store/caseDbService.ts';"],
  ['src/ui/views/X.svelte', svelte("import type { TriageWorkerApi } from '../../../workers/triage.worker.ts';")],
  ['src/ui/workerClient.ts', "import W from '../../workers/caseDb.worker.ts?worker&inline';\nimport { wrap } from 'comlink';"],
  [
    'workers/x.worker.ts',
    [
      "import { expose } from 'comlink';",
      "import initSqlJs from 'sql.js';",
      "import wasm from 'sql.js/dist/sql-wasm.wasm?inline';",
      "import sevenZipWasm from '7z-wasm/7zz.wasm?inline';",
      "import { version } from '../package.json';",
      "import { x } from '../src/lib/store/caseDbService.ts';",
      "import { y } from './remoteDeps.ts';",
    ].join('\n'),
  ],
];

describe('import boundaries', () => {
  for (const [file, code] of blocked) {
    it(`blocks in ${file}: ${code.split('\n').find((l) => /import|export/.test(l))}`, async () => {
      const found = await problems(file, code);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/^no-restricted-(imports|syntax): /);
    });
  }

  for (const [file, code] of outOfOrder) {
    it(`keeps the stage order in ${file}: ${code}`, async () => {
      const found = await problems(file, code);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/^no-restricted-(imports|syntax): .*(stage|short path)/);
    });
  }

  for (const file of ['src/lib/model/x.ts', 'src/ui/x.ts', 'workers/x.worker.ts', 'src/ui/views/X.svelte']) {
    it(`applies typescript-eslint's recommended rules in ${file}`, async () => {
      const code = 'export const x = (y: any) => y;';
      expect(await problems(file, file.endsWith('.svelte') ? svelte(code) : code)).toEqual([
        '@typescript-eslint/no-explicit-any: Unexpected any. Specify a different type.',
      ]);
    });
  }

  for (const [file, code] of allowed) {
    it(`allows in ${file}: ${code.split('\n')[0]}${code.includes('\n') ? ' …' : ''}`, async () => {
      expect(await problems(file, code)).toEqual([]);
    });
  }
});
