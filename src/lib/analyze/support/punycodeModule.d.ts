/** Types for the npm punycode package's ES module entry (it ships none). */
declare module 'punycode/punycode.es6.js' {
  export function toUnicode(domain: string): string;
  export function toASCII(domain: string): string;
  const punycode: { toUnicode(domain: string): string; toASCII(domain: string): string };
  export default punycode;
}
