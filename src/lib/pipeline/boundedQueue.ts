/** Runs async jobs with at most `limit` in flight, so a pool of parser workers stays busy without unbounded memory. */
export class BoundedQueue {
  private readonly inFlight = new Set<Promise<void>>();
  private firstError: unknown = null;

  constructor(private readonly limit: number) {}

  /** Resolves once the job is started (waits while the queue is full). */
  async add(job: () => Promise<void>): Promise<void> {
    while (this.inFlight.size >= this.limit) await Promise.race(this.inFlight);
    const p: Promise<void> = job()
      .catch((err: unknown) => {
        this.firstError ??= err;
      })
      .finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  /** Waits for every job; rethrows the first failure (jobs are expected to turn bad input into values). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.race(this.inFlight);
    if (this.firstError !== null) throw this.firstError;
  }
}
