/**
 * The built-in demo evidence: tests/generate/demoEvidence.mjs writes the zip before the build and Vite
 * inlines it as a data: URL. It is decoded here, never fetched: the page's CSP allows no connections.
 */
import demoZipUrl from '../assets/demo/demo-evidence.zip?url&inline';
import type { EvidenceInput } from './triageClient.ts';

export const DEMO_FILE_NAME = 'demo-evidence.zip';

export function demoEvidence(): EvidenceInput[] {
  const binary = atob(demoZipUrl.slice(demoZipUrl.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const file = new File([bytes], DEMO_FILE_NAME, { type: 'application/zip' });
  return [{ file, path: DEMO_FILE_NAME }];
}
