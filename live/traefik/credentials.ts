// The Traefik API password is bound to the origin (scheme, host, port) it was entered for. A
// workspace's settings can point gatewayLens.traefik.apiUrl anywhere; the password follows only
// where the user said it may go, and never in clear text over the network without asking.
// No vscode here: liveView.ts asks the questions, this decides when to ask.

/** What secret storage keeps: the password and the origins the user let it go to. */
export interface StoredPassword {
  password: string;
  origins: string[];
}

/** The stored value; a bare string (stored before binding existed) is bound to no origin yet. */
export function parseStoredPassword(raw: string | undefined): StoredPassword | undefined {
  if (raw === undefined || raw === '') return undefined;
  try {
    const parsed = JSON.parse(raw) as Partial<StoredPassword>;
    if (typeof parsed.password === 'string' && Array.isArray(parsed.origins)) {
      return { password: parsed.password, origins: parsed.origins.filter((o) => typeof o === 'string') };
    }
  } catch {
    // a bare password
  }
  return { password: raw, origins: [] };
}

export function storePassword(stored: StoredPassword): string {
  return JSON.stringify(stored);
}

/** `http://host:port` of an http(s) URL (default ports left out, as URL.origin does); undefined otherwise. */
export function originOf(url: string): string | undefined {
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/** localhost, 127.0.0.0/8, ::1: traffic that never leaves the machine. */
export function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** Plain HTTP to another machine: the password would cross the network readable. */
export function inClear(url: string): boolean {
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' && !isLoopback(u.hostname);
  } catch {
    return false;
  }
}

export type PasswordDecision =
  | { kind: 'send'; password: string }
  | { kind: 'none' }
  /** Ask first; `question` says why. On yes, the origin joins the stored ones. */
  | { kind: 'ask'; origin: string; question: string };

/** Whether the stored password may go to `url` as it is. */
export function passwordDecision(stored: StoredPassword | undefined, url: string): PasswordDecision {
  if (!stored) return { kind: 'none' };
  const origin = originOf(url);
  if (!origin) return { kind: 'none' };
  if (stored.origins.includes(origin)) return { kind: 'send', password: stored.password };
  const entered = stored.origins.length > 0 ? `entered for ${stored.origins.join(', ')}` : 'stored';
  const clear = inClear(url) ? ' over plain HTTP, readable by anyone on the network' : '';
  return {
    kind: 'ask',
    origin,
    question: `The Traefik API URL is now ${origin}. Send the Traefik API password ${entered} to ${origin}${clear}?`,
  };
}
