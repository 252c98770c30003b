/** Vitest for the mutation check: only the tests of the analyzers under mutation, so each mutant runs fast. */
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const analyzers: string[] = JSON.parse(readFileSync(new URL('./analyzers.json', import.meta.url), 'utf8'));

export default defineConfig({
  test: {
    environment: 'node',
    include: analyzers.map((name) => `tests/unit/analyze/${name}.test.ts`),
    pool: 'forks',
  },
});
