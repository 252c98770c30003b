/** IPv4/IPv6 text → bytes, canonical text and CIDR matching (for SPF, Received hops and IOCs). */

export interface IpAddress {
  version: 4 | 6;
  bytes: Uint8Array;
  /** Dotted quad, or RFC 5952 compressed lower-case IPv6. */
  text: string;
}

function parseV4(text: string): Uint8Array | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    if (!/^\d{1,3}$/.test(parts[i]) || (parts[i].length > 1 && parts[i][0] === '0')) return null;
    const n = Number(parts[i]);
    if (n > 255) return null;
    out[i] = n;
  }
  return out;
}

function parseV6(text: string): Uint8Array | null {
  let s = text.toLowerCase().replace(/%.*$/, '');
  const out = new Uint8Array(16);
  const tailV4 = /:(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  let v4: Uint8Array | null = null;
  if (tailV4) {
    v4 = parseV4(tailV4[1]);
    if (!v4) return null;
    s = s.slice(0, tailV4.index + 1) + '0:0';
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const groups = head.length + tail.length;
  if (halves.length === 1 ? groups !== 8 : groups > 7) return null;
  const all = [...head, ...new Array<string>(8 - groups).fill('0'), ...tail];
  for (let i = 0; i < 8; i++) {
    if (!/^[0-9a-f]{1,4}$/.test(all[i])) return null;
    const n = parseInt(all[i], 16);
    out[i * 2] = n >> 8;
    out[i * 2 + 1] = n & 0xff;
  }
  if (v4) out.set(v4, 12);
  return out;
}

function v6Text(bytes: Uint8Array): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i] << 8) | bytes[i + 1]);
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) { bestStart = i; bestLen = j - i; }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

export function parseIp(text: string): IpAddress | null {
  const t = text.trim();
  if (t.includes(':')) {
    const bytes = parseV6(t);
    return bytes ? { version: 6, bytes, text: v6Text(bytes) } : null;
  }
  const bytes = parseV4(t);
  return bytes ? { version: 4, bytes, text: [...bytes].join('.') } : null;
}

/** Whether `ip` lies in `network/prefix` (same family only). */
export function ipInCidr(ip: IpAddress, network: IpAddress, prefix: number): boolean {
  if (ip.version !== network.version) return false;
  let bits = Math.max(0, Math.min(prefix, ip.bytes.length * 8));
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((ip.bytes[i] & mask) !== (network.bytes[i] & mask)) return false;
  }
  return true;
}
