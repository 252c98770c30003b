// @ts-check
/**
 * `npm run mutation`: Stryker mutates the analyzers named in analyzers.json (operators, conditions, constants,
 * strings) and runs only their unit tests (vitest.config.ts beside this file); a mutant that no test notices
 * survives. The run fails when the score drops below `break`, so a weakened test shows up here.
 */
import { readFileSync } from 'node:fs';

/** @type {string[]} */
const analyzers = JSON.parse(readFileSync(new URL('./analyzers.json', import.meta.url), 'utf8'));

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'tests/mutation/vitest.config.ts', related: false },
  mutate: analyzers.map((name) => `src/lib/analyze/${name}.ts`),
  reporters: ['clear-text', 'progress'],
  thresholds: { high: 80, low: 60, break: 65 },
  concurrency: 2,
  tempDirName: 'test-results/stryker-tmp',
  cleanTempDir: true,
};
