/**
 * A ReadableStream fed by pushes from another worker, one chunk at a time: `push` resolves only once the
 * consumer has pulled the chunk, so a fast sender can never queue a whole dump in memory.
 */
export interface PushStream {
  stream: ReadableStream<Uint8Array>;
  push(chunk: Uint8Array): Promise<void>;
  close(): void;
}

export function createPushStream(): PushStream {
  let waiting: { chunk: Uint8Array; delivered: () => void } | null = null;
  let wantMore: (() => void) | null = null;
  let closed = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (waiting) {
        controller.enqueue(waiting.chunk);
        waiting.delivered();
        waiting = null;
        return;
      }
      if (closed) {
        controller.close();
        return;
      }
      return new Promise<void>((resolve) => {
        wantMore = () => {
          wantMore = null;
          if (waiting) {
            controller.enqueue(waiting.chunk);
            waiting.delivered();
            waiting = null;
          } else if (closed) controller.close();
          resolve();
        };
      });
    },
  }, { highWaterMark: 0 });
  return {
    stream,
    push(chunk) {
      return new Promise<void>((delivered) => {
        waiting = { chunk, delivered };
        wantMore?.();
      });
    },
    close() {
      closed = true;
      wantMore?.();
    },
  };
}
