/**
 * Import boundaries (../shared/reference/architecture.md, end): src/lib stays free of svelte, comlink,
 * the UI and the workers; inside src/lib a stage imports only itself and lower stages (STAGE_ORDER, README
 * "Architecture: stage order"); workers stay thin adapters over src/lib; the UI value-imports only the model,
 * the report formatters and the IP decoder of src/lib and reaches workers only through src/ui/workerClient.ts.
 * On top of the boundaries, typescript-eslint's recommended rules apply to every source file.
 * Run from the repo root (patterns are relative to the working directory): `eslint -c tests/lint/eslint.config.js src workers` (npm run lint).
 */
import tsParser from '@typescript-eslint/parser';
import svelteParser from 'svelte-eslint-parser';
import tseslint from 'typescript-eslint';

/** Deepest folder nesting under src/lib or src/ui that gets a rule block; a deeper file fails the TOO_DEEP check. */
const MAX_DEPTH = 6;

const SOURCE_FILES = ['*.ts', '*.svelte'];

/**
 * The stages of src/lib, lowest first. A stage may import only itself and stages on lower rows, type imports
 * included: stages on one row do not know each other. Why each sits where it does: README "Architecture: stage order".
 */
const STAGE_ORDER = [
  ['model'],
  ['time', 'ip'],
  ['ingest'],
  ['database', 'mail', 'logs'],
  ['link'],
  ['analyze'],
  ['timeline'],
  ['report'],
  ['search', 'hashset'],
  ['store'],
  ['pipeline'],
];
const STAGES = STAGE_ORDER.flat();

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

/** For a file `depth` folders below src/lib inside `stage`: every other src/lib folder it reaches must be lower. */
function stageRules(stage, depth) {
  const row = STAGE_ORDER.findIndex((r) => r.includes(stage));
  const lower = STAGE_ORDER.slice(0, row).flat();
  const allowed = [stage, ...lower].join('|');
  return [
    {
      regex: `${up(depth)}(?!(?:${allowed})(?:/|$)|\\.\\.(?:/|$))[^/]+`,
      message: `src/lib/${stage} may import only itself${lower.length ? ` and lower stages (${lower.join(', ')})` : ''}: the stage order is in tests/lint/eslint.config.js and the README.`,
    },
    { regex: `${up(depth + 1)}lib(?:/|$)`, message: 'Inside src/lib, import by the short path (../stage/…), not through ../lib/.' },
  ];
}

function uiRules(depth, isWorkerClient) {
  const rules = [
    {
      regex: `${up(depth + 1)}lib(?:/?$|/(?!model/|report/format[^/]*$|ip/decodeIpAddress\\.ts$))`,
      allowTypeImports: true,
      message:
        'src/ui value-imports only src/lib/model/**, src/lib/report/format* and src/lib/ip/decodeIpAddress.ts; ask a worker through src/ui/workerClient.ts (type-only imports are fine).',
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
// One block per stage and depth: a later block's no-restricted-imports replaces an earlier one's, so each carries the src/lib rules too.
for (const stage of STAGES) {
  for (let depth = 1; depth <= MAX_DEPTH; depth++) {
    blocks.push({ files: filesAtDepth(`src/lib/${stage}`, depth - 1), rules: restrict([...libRules(depth), ...stageRules(stage, depth)]) });
  }
}
blocks.push({ files: ['src/ui/workerClient.ts'], rules: restrict(uiRules(0, true)) });
blocks.push({ files: filesAtDepth('workers', 0), rules: restrict(WORKER_RULES) });

/** no-restricted-imports does not see import(); the single-file build inlines everything anyway. */
const NO_DYNAMIC_IMPORT = { selector: 'ImportExpression', message: 'Use a static import: import() bypasses the import-boundary checks.' };

/** Files nested deeper than MAX_DEPTH (or in a workers/ subfolder) would slip past the rules above. */
const TOO_DEEP = ['src/lib', 'src/ui'].flatMap((root) => SOURCE_FILES.map((ext) => `${root}/${'*/'.repeat(MAX_DEPTH + 1)}**/${ext}`));
TOO_DEEP.push(...SOURCE_FILES.map((ext) => `workers/*/**/${ext}`));

/** A src/lib file outside every stage folder would have no place in the order. */
const UNSTAGED = SOURCE_FILES.map((ext) => `src/lib/**/${ext}`);
const STAGED = STAGES.map((stage) => `src/lib/${stage}/**`);

/** typescript-eslint's recommended rules on every source file, .svelte included (its own blocks match only .ts). */
const RECOMMENDED = tseslint.configs.recommended.map((config) => ({ ...config, files: ['**/*.ts', '**/*.svelte'] }));

export default [
  ...RECOMMENDED,
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
  // Leaving a field out of a copy by rest destructuring ({ iocs: _written, ...kept }) is the idiom, not an unused variable.
  { files: ['**/*.ts', '**/*.svelte'], rules: { '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }] } },
  // A component's $props() destructuring is one declaration: it stays `let` when a $bindable prop in it is reassigned.
  { files: ['**/*.svelte'], rules: { 'prefer-const': ['error', { destructuring: 'all' }] } },
  {
    files: UNSTAGED,
    ignores: STAGED,
    rules: {
      'no-restricted-syntax': [
        'error',
        NO_DYNAMIC_IMPORT,
        { selector: 'Program', message: 'Every src/lib file lives in a stage folder: add a new folder to STAGE_ORDER in tests/lint/eslint.config.js and the README.' },
      ],
    },
  },
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
