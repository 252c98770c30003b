/**
 * Prints the modules of src/lib that no test file imports directly (`import type` does not count), and how many
 * there are of how many. A module reached only through another module counts as untested: a bug in it is found,
 * if at all, far from where it is. Modules that export only types are marked "(types only)": they have no behaviour to test.
 * Usage: node tests/tools/untestedModules.mjs [--quiet]   (--quiet prints the count line only)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LIB = join(REPO, 'src', 'lib');
const TESTS = join(REPO, 'tests');
const SKIPPED_DIRS = new Set(['node_modules', '.generated', 'fixtures']);

/** Every file under dir whose name passes keep, skipping generated and fixture folders. */
function walk(dir, keep) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) found.push(...walk(join(dir, entry.name), keep));
    } else if (keep(entry.name)) {
      found.push(join(dir, entry.name));
    }
  }
  return found;
}

// Static imports and re-exports (`from '…'`, `import '…'`) and dynamic `import('…')`; an `import type` runs none of
// the module's code, so it does not count.
const TYPE_IMPORT = /^\s*import\s+type\s[^;]*?from\s*['"][^'"]+['"]/gm;
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

/** The absolute paths of the .ts files a test file names by a relative specifier. */
function importedPaths(file) {
  const paths = [];
  for (const match of readFileSync(file, 'utf8').replace(TYPE_IMPORT, '').matchAll(SPECIFIER)) {
    const specifier = match[1].replace(/\?.*$/, '');
    if (!specifier.startsWith('.')) continue;
    const target = resolve(dirname(file), specifier);
    paths.push(target.endsWith('.ts') ? target : `${target}.ts`);
  }
  return paths;
}

/** True when every export of the module is a type or an interface. */
function typesOnly(file) {
  const exports = readFileSync(file, 'utf8').match(/^export\s+(?:declare\s+)?\S+/gm) ?? [];
  return exports.length > 0 && exports.every((line) => /^export\s+(?:declare\s+)?(?:type|interface)$/.test(line));
}

const modules = walk(LIB, (name) => name.endsWith('.ts') && !name.endsWith('.d.ts'));
const imported = new Set(walk(TESTS, (name) => /\.(?:ts|mts|mjs)$/.test(name)).flatMap(importedPaths));
const untested = modules.filter((file) => !imported.has(file)).sort();

if (!process.argv.includes('--quiet')) {
  for (const file of untested) {
    const path = relative(REPO, file).split(sep).join('/');
    console.log(typesOnly(file) ? `${path}  (types only)` : path);
  }
}
const typeOnlyCount = untested.filter(typesOnly).length;
console.log(`${untested.length} of ${modules.length} modules in src/lib have no direct test import (${typeOnlyCount} of them types only)`);
