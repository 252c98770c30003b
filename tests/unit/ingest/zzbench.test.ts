import { openAsBlob } from 'node:fs';
import { it } from 'vitest';
import { ingestEvidence } from '../../../src/lib/ingest/ingestEvidence.ts';
it('bench', async () => {
  const file = await openAsBlob('tests/.generated/large-evidence-v1-20000.zip');
  global.gc?.();
  const before = process.memoryUsage();
  const t = performance.now();
  let n = 0, bytes = 0, maxHeap = 0;
  const r = await ingestEvidence([{ file, path: 'large.zip' }], { onEntry: async (e) => { n++; bytes += e.entry.size; if (n % 2000 === 0) maxHeap = Math.max(maxHeap, process.memoryUsage().heapUsed); } });
  const dt = (performance.now() - t) / 1000;
  global.gc?.();
  const after = process.memoryUsage();
  console.log({ n, rows: r.inventory.length, sec: dt.toFixed(1), MBps_compressed: (file.size / 1e6 / dt).toFixed(1), MBps_uncompressed: (bytes/1e6/dt).toFixed(1), filesPerSec: (n/dt).toFixed(0), heapDeltaMB: ((after.heapUsed - before.heapUsed)/1e6).toFixed(1), maxHeapMB: (maxHeap/1e6).toFixed(0), rssMB: (after.rss/1e6).toFixed(0) });
}, 300000);
