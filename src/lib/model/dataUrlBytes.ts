/** The bytes of a base64 `data:` URL (an asset the build inlined): decoded in place, as the page's CSP forbids fetch(), even of data: URLs. */
import { base64ToBytes } from './base64.ts';

/** @throws Error when the URL holds no valid Base64 */
export function dataUrlBytes(url: string): Uint8Array<ArrayBuffer> {
  const bytes = base64ToBytes(url.slice(url.indexOf(',') + 1));
  if (!bytes) throw new Error('the inlined data: URL is not valid base64');
  return bytes;
}
