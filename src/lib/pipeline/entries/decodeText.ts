/** Text that Windows tools wrote: UTF-16 when it starts with its byte-order mark, else Windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  return new TextDecoder('windows-1252').decode(bytes);
}
