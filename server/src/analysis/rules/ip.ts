// IP and CIDR handling as ClientIP does it (pkg/ip/checker.go: net.ParseIP, then net.ParseCIDR;
// the peer address through netip.ParseAddr). IPv4-mapped IPv6 addresses compare as IPv4, like
// Go's net.IP.Equal and net.IPNet.Contains.

export interface Ip {
  v4: boolean;
  value: bigint;
}

export interface Network {
  v4: boolean;
  value: bigint;
  prefix: number;
}

function parseV4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    // Go rejects leading zeros (ambiguous octal) since 1.17.
    if (!/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255) return undefined;
    v = (v << 8n) | BigInt(p);
  }
  return v;
}

function parseV6(s: string): bigint | undefined {
  let tail: bigint | undefined;
  let groups = s;
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    tail = parseV4(s.slice(lastColon + 1));
    if (tail === undefined) return undefined;
    groups = `${s.slice(0, lastColon + 1)}0:0`;
    if (s.endsWith('::')) return undefined;
  }
  const halves = groups.split('::');
  if (halves.length > 2) return undefined;
  const split = (h: string): string[] | undefined => (h === '' ? [] : h.split(':'));
  const head = split(halves[0]);
  const rest = halves.length === 2 ? split(halves[1]) : [];
  if (!head || !rest) return undefined;
  const count = head.length + rest.length;
  if (halves.length === 1 ? count !== 8 : count > 7) return undefined;
  const all = [...head, ...Array<string>(8 - count).fill('0'), ...rest];
  let v = 0n;
  for (const g of all) {
    if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) return undefined;
    v = (v << 16n) | BigInt(parseInt(g, 16));
  }
  if (tail !== undefined) v = (v & ~0xffffffffn) | tail;
  return v;
}

const MAPPED = 0xffffn << 32n;

/** Parses an IP address; `zone` allows a `%zone` suffix (netip.ParseAddr does, net.ParseIP not). */
export function parseIp(s: string, zone = false): Ip | undefined {
  const v4 = parseV4(s);
  if (v4 !== undefined) return { v4: true, value: v4 };
  let text = s;
  if (zone && text.includes('%')) {
    text = text.slice(0, text.indexOf('%'));
    if (s.endsWith('%')) return undefined;
  }
  if (!text.includes(':')) return undefined;
  const v6 = parseV6(text);
  if (v6 === undefined) return undefined;
  if (v6 >> 32n === 0xffffn) return { v4: true, value: v6 & 0xffffffffn };
  return { v4: false, value: v6 };
}

/** A ClientIP argument: an IP, or a CIDR. */
export function parseNetwork(s: string): Network | undefined {
  const ip = parseIp(s);
  if (ip) return { ...ip, prefix: ip.v4 ? 32 : 128 };
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const addr = s.slice(0, slash);
  const bits = s.slice(slash + 1);
  // Go's dtoi: decimal digits, leading zeros allowed.
  if (!/^\d+$/.test(bits)) return undefined;
  const prefix = Number(bits);
  const v4 = parseV4(addr);
  if (v4 !== undefined) return prefix <= 32 ? { v4: true, value: v4, prefix } : undefined;
  if (!addr.includes(':')) return undefined;
  const v6 = parseV6(addr);
  if (v6 === undefined || prefix > 128) return undefined;
  // An IPv4-mapped network applies its last 32 bits of mask to IPv4 addresses.
  if ((v6 & ~0xffffffffn) === MAPPED) return { v4: true, value: v6 & 0xffffffffn, prefix: Math.max(0, prefix - 96) };
  return { v4: false, value: v6, prefix };
}

export function contains(net: Network, ip: Ip): boolean {
  if (net.v4 !== ip.v4) return false;
  const width = BigInt(net.v4 ? 32 : 128);
  const shift = width - BigInt(net.prefix);
  return net.value >> shift === ip.value >> shift;
}

/** The host part of `host:port` (Go net.SplitHostPort), undefined where Go returns an error. */
export function splitHostPort(s: string): string | undefined {
  const colon = s.lastIndexOf(':');
  if (colon < 0) return undefined;
  let host: string;
  let from = 0;
  if (s[0] === '[') {
    const close = s.indexOf(']');
    if (close < 0 || close + 1 !== colon) return undefined;
    host = s.slice(1, close);
    from = close + 1;
  } else {
    host = s.slice(0, colon);
    if (host.includes(':')) return undefined;
  }
  if (s.indexOf('[', from === 0 ? 0 : 1) >= 0 || s.indexOf(']', from) >= 0) return undefined;
  return host;
}

/** The peer IP from a RemoteAddr (`ip`, `ip:port`, `[ip]:port`), as RemoteAddrStrategy reads it. */
export function remoteIp(addr: string): Ip | undefined {
  return parseIp(splitHostPort(addr) ?? addr, true);
}
