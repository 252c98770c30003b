/** The text of a Blob as it is read, chunk by chunk (UTF-8), so a file of gigabytes is never held whole. */
export async function* blobTextChunks(blob: Blob): AsyncGenerator<string> {
  const reader = blob.stream().pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
