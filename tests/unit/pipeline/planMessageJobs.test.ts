import { describe, expect, it } from 'vitest';
import type { DeferredMessage } from '../../../src/lib/ingest/deferredMessage.ts';
import { MAX_JOB_ENTRIES, MAX_JOB_GAP, planMessageJobs } from '../../../src/lib/pipeline/planMessageJobs.ts';

const zip = new Blob([new Uint8Array(50 * 1024 * 1024)]);

function entry(path: string, offset: number, compressedSize: number, source: Blob = zip): DeferredMessage {
  return {
    path, source, modified: null, size: compressedSize * 3,
    record: { filename: path, offset, compressedSize, uncompressedSize: compressedSize * 3, compressionMethod: 8, crc32: 0 },
  };
}

describe('planMessageJobs', () => {
  it('puts neighbouring entries of one zip in one job, in archive order, ending at the next entry', () => {
    const jobs = planMessageJobs([entry('b.eml', 1000, 900), entry('a.eml', 0, 900)]);
    expect(jobs).toHaveLength(1);
    expect(jobs[0].entries.map((e) => e.path)).toEqual(['a.eml', 'b.eml']);
    expect(jobs[0].offset).toBe(0);
    expect(jobs[0].bytes).toBe(1800);
  });

  it('does not read a large foreign entry lying between two messages', () => {
    const jobs = planMessageJobs([entry('a.eml', 0, 900), entry('b.eml', 1000 + MAX_JOB_GAP + 5_000_000, 900)]);
    expect(jobs).toHaveLength(2);
    expect(jobs[0].end).toBeLessThan(jobs[1].offset);
  });

  it('caps the entries of a job', () => {
    const many = Array.from({ length: MAX_JOB_ENTRIES + 1 }, (_, i) => entry(`${i}.eml`, i * 100, 90));
    expect(planMessageJobs(many).map((j) => j.entries.length)).toEqual([MAX_JOB_ENTRIES, 1]);
  });

  it('gives a loose message file a job of its own covering the whole file', () => {
    const file = new Blob(['From: a@b\r\n\r\nhi']);
    const jobs = planMessageJobs([{ path: 'x.eml', source: file, record: null, modified: null, size: file.size }]);
    expect(jobs).toEqual([{ source: file, offset: 0, end: file.size, entries: [{ path: 'x.eml', record: null, modified: null }], bytes: file.size }]);
  });
});
