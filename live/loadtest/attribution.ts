// Which server answered each request of a load test, best source first: Traefik's access log
// (a file, or Traefik's container logs through the Docker API), else a response header the
// user names (traefik/whoami answers with its hostname), else nothing, and why.
import * as fs from 'fs';
import type Docker from 'dockerode';
import { parseAccessLogLine, serverOf, type AccessLogEntry } from './accessLog';
import type { LoadTestRun } from './run';
import { errorMessage } from '../../server/src/analysis/errors';

export type Attribution =
  | { source: 'access-log'; detail: string; counts: Map<string, number>; unmatched: number }
  | { source: 'header'; detail: string; counts: Map<string, number>; unmatched: number }
  | { source: 'none'; reason: string };

/** The entries of this run: by its User-Agent (common format), else by router, path and time (JSON drops headers by default). */
export function entriesOf(run: LoadTestRun, entries: AccessLogEntry[]): AccessLogEntry[] {
  const byAgent = entries.filter((e) => e.userAgent === run.userAgent);
  if (byAgent.length) return byAgent;
  const path = run.plan.path.split('?')[0];
  return entries.filter(
    (e) =>
      e.userAgent === undefined &&
      e.router === run.plan.router &&
      e.path?.split('?')[0] === path &&
      e.start !== undefined &&
      e.start >= Math.floor(run.started / 1000) * 1000 - 1000 &&
      e.start <= run.finished + 1000,
  );
}

export function countServers(entries: AccessLogEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of entries) {
    const s = serverOf(e);
    if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return counts;
}

export function fromLines(run: LoadTestRun, text: string, detail: string): Attribution | undefined {
  const entries = entriesOf(
    run,
    text
      .split('\n')
      .map(parseAccessLogLine)
      .filter((e): e is AccessLogEntry => e !== undefined),
  );
  if (entries.length === 0) return undefined;
  const counts = countServers(entries);
  const matched = [...counts.values()].reduce((a, b) => a + b, 0);
  return { source: 'access-log', detail, counts, unmatched: Math.max(0, run.results.length - matched) };
}

export function fromHeader(run: LoadTestRun, header: string): Attribution | undefined {
  const name = header.toLowerCase();
  const counts = new Map<string, number>();
  let unmatched = 0;
  for (const r of run.results) {
    const v = r.headers[name];
    if (v === undefined) unmatched++;
    else counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return counts.size ? { source: 'header', detail: `response header ${header}`, counts, unmatched } : undefined;
}

/** Docker's log stream: 8-byte frame headers unless the container has a TTY. */
export function demuxDockerLogs(buf: Buffer): string {
  if (buf.length < 8 || buf[0] > 2 || buf[1] !== 0 || buf[2] !== 0 || buf[3] !== 0) return buf.toString('utf8');
  const parts: Buffer[] = [];
  let at = 0;
  while (at + 8 <= buf.length) {
    const size = buf.readUInt32BE(at + 4);
    parts.push(buf.subarray(at + 8, at + 8 + size));
    at += 8 + size;
  }
  return Buffer.concat(parts).toString('utf8');
}

/** The running container that looks like Traefik: the one named, else by image, compose service or name. */
export async function findTraefikContainer(
  docker: Docker,
  name?: string,
): Promise<{ id: string; name: string } | undefined> {
  const list = await docker.listContainers({ filters: { status: ['running'] } });
  const named = (c: Docker.ContainerInfo) => (c.Names ?? []).map((n) => n.replace(/^\//, ''));
  const pick = name
    ? list.find((c) => named(c).includes(name) || c.Id.startsWith(name))
    : (list.find((c) => /(^|\/)traefik(:|$)/.test(c.Image)) ??
      list.find((c) => c.Labels?.['com.docker.compose.service'] === 'traefik') ??
      list.find((c) => named(c).some((n) => /traefik/i.test(n))));
  return pick ? { id: pick.Id, name: named(pick)[0] ?? pick.Id } : undefined;
}

export async function dockerLogsSince(docker: Docker, id: string, sinceMs: number): Promise<string> {
  const raw = (await docker.getContainer(id).logs({
    stdout: true,
    stderr: true,
    follow: false,
    since: Math.floor(sinceMs / 1000) - 1,
  })) as unknown as Buffer;
  return demuxDockerLogs(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw)));
}

export interface AttributeOptions {
  accessLogFile?: string;
  docker?: Docker;
  traefikContainer?: string;
  replicaHeader?: string;
  /** How long to wait for Traefik to flush its last access-log lines (accessLog.bufferingSize). */
  settleMs?: number;
}

/** Access log first (file, then container logs), then the header; waits briefly for the log to catch up. */
export async function attribute(run: LoadTestRun, options: AttributeOptions): Promise<Attribution> {
  const reasons: string[] = [];
  const wanted = run.results.filter((r) => r.status !== 0).length;
  const settle = async (read: () => Promise<string>, detail: string): Promise<Attribution | undefined> => {
    const until = Date.now() + (options.settleMs ?? 3000);
    let best: Attribution | undefined;
    for (;;) {
      best = fromLines(run, await read(), detail) ?? best;
      const seen = best && best.source !== 'none' ? run.results.length - best.unmatched : 0;
      if (seen >= wanted || Date.now() >= until) return best;
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  if (options.accessLogFile) {
    const file = options.accessLogFile;
    try {
      const found = await settle(async () => fs.readFileSync(file, 'utf8'), `access log ${file}`);
      if (found) return found;
      reasons.push(`${file} has no line for these requests`);
    } catch (err) {
      reasons.push(`${file}: ${errorMessage(err)}`);
    }
  }
  if (options.docker) {
    try {
      const c = await findTraefikContainer(options.docker, options.traefikContainer);
      if (!c) reasons.push('no running Traefik container found on the Docker engine');
      else {
        const found = await settle(
          () => dockerLogsSince(options.docker!, c.id, run.started),
          `access log in the logs of container ${c.name}`,
        );
        if (found) return found;
        reasons.push(`the logs of container ${c.name} have no access-log line for these requests`);
      }
    } catch (err) {
      reasons.push(`Docker: ${errorMessage(err)}`);
    }
  }
  if (options.replicaHeader) {
    const found = fromHeader(run, options.replicaHeader);
    if (found) return found;
    reasons.push(`no answer had the header ${options.replicaHeader}`);
  }
  reasons.push(
    "enable Traefik's access log (--accesslog=true, or accessLog: {} in traefik.yml) or name a response header that says the replica (--replica-header Hostname with traefik/whoami)",
  );
  return { source: 'none', reason: reasons.join('; ') };
}
