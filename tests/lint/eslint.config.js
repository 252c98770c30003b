/**
 * Import boundaries (../shared/reference/architecture.md, end): src/lib stays free of svelte, comlink,
 * the UI and the workers; workers stay thin adapters over src/lib; the UI value-imports only the model and
 * report formatters of src/lib and reaches workers only through src/ui/workerClient.ts.
 * Run from the repo root (patterns are relative to the working directory): `eslint -c tests/lint/eslint.config.js src workers` (npm run lint).
 */
import tsParser from '@typescript-eslint/parser';
import svelteParser from 'svelte-eslint-parser';

/** Deepest folder nesting under src/lib or src/ui that gets a rule block; a deeper file fails the TOO_DEEP check. */
const MAX_DEPTH = 6;

const SOURCE_FILES = ['*.ts', '*.svelte'];

/** Relative specifiers only say where they go relative to the importer, so each folder depth gets its own regex. */
const up = (levels) => `^(?:\\.\\./){${levels}}`;

function filesAtDepth(root, depth) {
  return SOURCE_FILES.map((ext) => `${root}/${'*/'.repeat(depth)}${ext}`);
}

function libRules(depth) {
  return [
    { regex: '^svelte(?:/|$)', message: 'src/lib is framework-free: no svelte.' },
    { regex: '^comlink(?:/|$)', message: 'src/lib knows nothing of workers: comlink belongs in workers/ and src/ui/workerClient.ts.' },
    { regex: `${up(depth + 1)}ui(?:/|$)`, message: 'src/lib may not import src/ui.' },
    { regex: `${up(depth + 2)}workers(?:/|$)`, message: 'src/lib may not import workers/.' },
  ];
}

function uiRules(depth, isWorkerClient) {
  const rules = [
    {
      regex: `${up(depth + 1)}lib(?:/?$|/(?!model/|report/format[^/]*$))`,
      allowTypeImports: true,
      message: 'src/ui value-imports only src/lib/model/** and src/lib/report/format*; ask a worker through src/ui/workerClient.ts (type-only imports are fine).',
    },
  ];
  if (!isWorkerClient) {
    rules.push({
      regex: `${up(depth + 2)}workers(?:/|$)`,
      allowTypeImports: true,
      message: 'Only src/ui/workerClient.ts creates or wraps workers (type-only imports are fine).',
    });
  }
  return rules;
}

/** Allow-list: src/lib, comlink, sql.js, the package version and sibling worker files. */
const WORKER_RULES = [
  {
    regex: '^(?!(?:comlink|sql\\.js)(?:/|$)|7z-wasm/7zz\\.wasm\\?inline$|\\.\\./src/lib/|\\.\\./package\\.json$|\\./[^/]+$)',
    message: 'workers/ may import only src/lib/**, comlink, sql.js, the 7-Zip WASM binary, ../package.json and sibling files in workers/.',
  },
];

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const blocks = [];
for (let depth = 0; depth <= MAX_DEPTH; depth++) {
  blocks.push({ files: filesAtDepth('src/lib', depth), rules: restrict(libRules(depth)) });
  blocks.push({ files: filesAtDepth('src/ui', depth), rules: restrict(uiRules(depth, false)) });
}
blocks.push({ files: ['src/ui/workerClient.ts'], rules: restrict(uiRules(0, true)) });
blocks.push({ files: filesAtDepth('workers', 0), rules: restrict(WORKER_RULES) });

/** no-restricted-imports does not see import(); the single-file build inlines everything anyway. */
const NO_DYNAMIC_IMPORT = { selector: 'ImportExpression', message: 'Use a static import: import() bypasses the import-boundary checks.' };

/** Files nested deeper than MAX_DEPTH (or in a workers/ subfolder) would slip past the rules above. */
const TOO_DEEP = ['src/lib', 'src/ui'].flatMap((root) => SOURCE_FILES.map((ext) => `${root}/${'*/'.repeat(MAX_DEPTH + 1)}**/${ext}`));
TOO_DEEP.push(...SOURCE_FILES.map((ext) => `workers/*/**/${ext}`));

export default [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser, sourceType: 'module', ecmaVersion: 'latest' },
  },
  {
    files: ['**/*.svelte'],
    languageOptions: {
      parser: svelteParser,
      parserOptions: { parser: tsParser, extraFileExtensions: ['.svelte'] },
      sourceType: 'module',
      ecmaVersion: 'latest',
    },
  },
  { files: ['**/*.ts', '**/*.svelte'], rules: { 'no-restricted-syntax': ['error', NO_DYNAMIC_IMPORT] } },
  {
    files: TOO_DEEP,
    rules: {
      'no-restricted-syntax': [
        'error',
        NO_DYNAMIC_IMPORT,
        { selector: 'Program', message: 'Outside the folders the import-boundary rules cover: raise MAX_DEPTH in tests/lint/eslint.config.js, or keep workers/ flat.' },
      ],
    },
  },
  ...blocks,
];
