/**
 * Hands each task to the worker with the fewest tasks in flight. Round-robin let one worker collect every
 * heavy message of a corpus while the other sat idle; this keeps every core busy whatever the mix.
 */
export interface LeastBusy<T> {
  run<R>(task: (worker: T) => Promise<R>): Promise<R>;
  /** Tasks in flight per worker, in worker order. */
  readonly load: readonly number[];
}

export function createLeastBusy<T>(workers: readonly T[]): LeastBusy<T> {
  if (workers.length === 0) throw new Error('createLeastBusy needs at least one worker');
  const load = workers.map(() => 0);
  return {
    async run(task) {
      let pick = 0;
      for (let i = 1; i < load.length; i++) if (load[i] < load[pick]) pick = i;
      load[pick]++;
      try {
        return await task(workers[pick]);
      } finally {
        load[pick]--;
      }
    },
    load,
  };
}
