// Traefik access-log lines, read back to see which server answered each request.
// Formats from docs/content/observability/access-logs.md and pkg/middlewares/accesslog
// (logger_formatters.go, logdata.go):
//   common: <ClientHost> - <ClientUsername> [<StartUTC>] "<method> <path> <protocol>" <status>
//           <size> "<referer>" "<user agent>" <RequestCount> "<RouterName>" "<ServiceURL>" <ms>ms
//   json:   one object per line with RouterName, ServiceURL (target.String()), ServiceAddr
//           (target.Host), DownstreamStatus, RequestPath, StartUTC, request_User-Agent (only when
//           the headers are kept; dropped by default), ... (pkg/server/service/service.go sets
//           ServiceURL/ServiceAddr).

export interface AccessLogEntry {
  router?: string;
  serviceUrl?: string;
  serviceAddr?: string;
  status?: number;
  path?: string;
  userAgent?: string;
  /** Milliseconds since the epoch, when the line says. */
  start?: number;
}

// Fields 1..12 as the common formatter writes them; quoted fields may hold \" escapes.
const Q = '"((?:[^"\\\\]|\\\\.)*)"';
const COMMON = new RegExp(
  `^(\\S+) - (\\S+) \\[([^\\]]+)\\] "(\\S*) (.*?) ([^ "]*)" (\\S+) (\\S+) ${Q} ${Q} (\\S+) (?:${Q}|-) (?:${Q}|-) (\\d+)ms\\s*$`,
);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `02/Jan/2006:15:04:05 -0700` (commonLogTimeFormat) to epoch ms. */
function clfTime(s: string): number | undefined {
  const m = /^(\d\d)\/(\w{3})\/(\d{4}):(\d\d):(\d\d):(\d\d) ([-+])(\d\d)(\d\d)$/.exec(s);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]);
  if (month < 0) return undefined;
  const offset = (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9])) * 60_000;
  return Date.UTC(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6])) - offset;
}

const unquote = (s: string | undefined): string | undefined =>
  s === undefined || s === '-' ? undefined : s.replace(/\\"/g, '"');

/** One line in either format; undefined for anything else (Traefik's own log lines, blanks). */
export function parseAccessLogLine(line: string): AccessLogEntry | undefined {
  const text = line.trim();
  if (text.startsWith('{')) return jsonLine(text);
  const m = COMMON.exec(text);
  if (!m) return undefined;
  const status = Number(m[7]);
  return {
    start: clfTime(m[3]),
    path: m[5],
    status: Number.isFinite(status) ? status : undefined,
    userAgent: unquote(m[10]),
    router: unquote(m[12]),
    serviceUrl: unquote(m[13]),
  };
}

function jsonLine(text: string): AccessLogEntry | undefined {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (typeof o !== 'object' || o === null || !('RouterName' in o || 'ServiceURL' in o || 'ServiceAddr' in o)) {
    return undefined;
  }
  const str = (k: string): string | undefined =>
    typeof o[k] === 'string' && o[k] !== '' ? (o[k] as string) : undefined;
  const start = str('StartUTC') ?? str('StartLocal');
  const status = o.DownstreamStatus ?? o.OriginStatus;
  return {
    router: str('RouterName'),
    serviceUrl: str('ServiceURL'),
    serviceAddr: str('ServiceAddr'),
    status: typeof status === 'number' ? status : undefined,
    path: str('RequestPath'),
    userAgent: str('request_User-Agent'),
    start: start !== undefined && !Number.isNaN(Date.parse(start)) ? Date.parse(start) : undefined,
  };
}

/** The server an entry names: ServiceURL, else http://ServiceAddr. */
export function serverOf(e: AccessLogEntry): string | undefined {
  return e.serviceUrl ?? (e.serviceAddr ? `http://${e.serviceAddr}` : undefined);
}
