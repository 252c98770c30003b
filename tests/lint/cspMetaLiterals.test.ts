/**
 * vite-plugin-singlefile checks every CSP <meta> it finds in the built page, strings inside the bundle
 * included, and warns that the page blocks its own inlined code. Only index.html's meta is the page's: no
 * source file may hold a literal one the plugin would flag (build generated documents' metas with cspMeta).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { findCspProblems } from 'vite-plugin-singlefile';
import { describe, expect, it } from 'vitest';

const REPO = resolve(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : /\.(ts|svelte)$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}

describe('CSP meta literals', () => {
  it('the page itself allows the inlined script and style', () => {
    expect(findCspProblems(readFileSync(join(REPO, 'index.html'), 'utf8'), true, true)).toEqual([]);
  });

  it('the check finds a literal that blocks inline code', () => {
    expect(findCspProblems(`x = '<meta http-equiv="Content-Security-Policy" content="default-src \\'none\\'">'`, true, true)).toHaveLength(2);
  });

  it('no source file holds a CSP meta the build would read as the page policy', () => {
    const flagged = [...sources(join(REPO, 'src')), ...sources(join(REPO, 'workers'))]
      .filter((file) => findCspProblems(readFileSync(file, 'utf8'), true, true).length > 0)
      .map((file) => relative(REPO, file));
    expect(flagged).toEqual([]);
  });
});
