import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

// One self-contained HTML file: classic (iife) blob workers, because module workers fail from file://
// (../shared/reference/offline-build.md).
/** The one file a user opens is named for the product, not index.html. */
const productFileName: Plugin = {
  name: 'hmail-triage-file-name',
  enforce: 'post',
  generateBundle(_options, bundle) {
    const page = bundle['index.html'];
    if (page) page.fileName = 'hmail-triage.html';
  },
};

export default defineConfig({
  plugins: [svelte(), viteSingleFile({ removeViteModuleLoader: true }), productFileName],
  worker: { format: 'iife' },
  // The sql.js and 7-Zip WASM binaries are imported with ?inline and handed over as bytes.
  assetsInclude: ['**/*.wasm'],
  build: {
    outDir: 'dist',
    target: 'es2022',
    assetsInlineLimit: Number.MAX_SAFE_INTEGER,
    chunkSizeWarningLimit: 100_000,
    rollupOptions: { output: { entryFileNames: 'hmail-triage.js' } },
  },
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'tests/workers/**/*.test.ts', 'tests/contract/**/*.test.ts', 'tests/golden/**/*.test.ts', 'tests/ui-state/**/*.test.ts', 'tests/lint/**/*.test.ts'],
    testTimeout: 60_000,
    // Set-up hooks load sql.js or run whole analyses; 10 s is not enough on a loaded 2-core machine.
    hookTimeout: 120_000,
    globalSetup: ['tests/setup/generatedFixtures.ts'],
    pool: 'forks',
  },
});
