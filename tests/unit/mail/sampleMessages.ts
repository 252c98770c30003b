/** Message files of the shared sample case, read from sample-case.zip with jszip (only when the samples exist). */
import JSZip from 'jszip';
import { hasSamples, sampleBytes } from '../../helpers/sharedSamples.ts';

let zip: Promise<JSZip> | null = null;

function open(): Promise<JSZip> {
  zip ??= JSZip.loadAsync(sampleBytes('sample-case.zip'));
  return zip;
}

export async function sampleMessage(path: string): Promise<Uint8Array> {
  const entry = (await open()).file(path);
  if (!entry) throw new Error(`${path} is not in sample-case.zip`);
  return entry.async('uint8array');
}

export async function sampleMessagePaths(): Promise<string[]> {
  if (!hasSamples) return [];
  return Object.keys((await open()).files).filter((p) => /\.(eml|hma)$/i.test(p)).sort();
}

export const ALICE = 'hMailServer/Data/northwind.example/alice';
export const BOB = 'hMailServer/Data/northwind.example/bob';
export const CAROL = 'hMailServer/Data/northwind.example/carol';
