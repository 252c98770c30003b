/**
 * The built-in demo evidence: tests/generate/demoEvidence.mjs writes the zip before the build and Vite
 * inlines it as a data: URL. It is decoded here, never fetched: the page's CSP allows no connections.
 */
import demoZipUrl from '../assets/demo/demo-evidence.zip?url&inline';
import { dataUrlBytes } from '../lib/model/dataUrlBytes.ts';
import type { EvidenceInput } from './triageClient.ts';

const DEMO_FILE_NAME = 'demo-evidence.zip';

export function demoEvidence(): EvidenceInput[] {
  const file = new File([dataUrlBytes(demoZipUrl)], DEMO_FILE_NAME, { type: 'application/zip' });
  return [{ file, path: DEMO_FILE_NAME }];
}
