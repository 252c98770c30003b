/**
 * The Content-Security-Policy meta of a generated document. The policy is an argument so the built bundle
 * holds no literal CSP meta: vite-plugin-singlefile would read one as the page's own policy and warn that
 * it blocks the inlined script and style.
 */
export function cspMeta(policy: string): string {
  return `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
}
