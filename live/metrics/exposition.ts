// Prometheus' text exposition format (the format Traefik's /metrics answers with: Prometheus'
// client_golang promhttp handler, pkg/observability/metrics/prometheus.go in Traefik), parsed
// line by line. A line that does not parse is reported with its number and skipped: one bad
// line never loses the others.
//
// Why not a library: parse-prometheus-text-format 1.1.1 (the npm candidate) folds every
// labelled histogram of a family into one unlabelled bucket set, and Traefik's histograms are
// always labelled (code, method, protocol, entrypoint|router|service).

export type Labels = Record<string, string>;

export interface Sample {
  /** The series name as written: `traefik_service_request_duration_seconds_bucket`. */
  name: string;
  labels: Labels;
  value: number;
}

export interface Exposition {
  samples: Sample[];
  /** `# TYPE` lines: family name -> counter, gauge, histogram, summary, untyped. */
  types: Map<string, string>;
  problems: { line: number; message: string }[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;

export function parseExposition(text: string): Exposition {
  const out: Exposition = { samples: [], types: new Map(), problems: [] };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '').trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      const m = /^#\s+TYPE\s+(\S+)\s+(\S+)/.exec(line);
      if (m) out.types.set(m[1], m[2].toLowerCase());
      continue;
    }
    const sample = parseSample(line);
    if (typeof sample === 'string') out.problems.push({ line: i + 1, message: sample });
    else out.samples.push(sample);
  }
  return out;
}

/** One sample line, or why it is not one. */
function parseSample(line: string): Sample | string {
  const name = NAME.exec(line)?.[0];
  if (!name) return `not a metric name at "${line.slice(0, 40)}"`;
  let rest = line.slice(name.length);
  const labels: Labels = {};
  if (rest.startsWith('{')) {
    rest = rest.slice(1);
    for (;;) {
      rest = rest.trimStart();
      if (rest.startsWith('}')) {
        rest = rest.slice(1);
        break;
      }
      const label = LABEL_NAME.exec(rest)?.[0];
      if (!label) return `bad label name in ${name}`;
      rest = rest.slice(label.length).trimStart();
      if (!rest.startsWith('=')) return `label ${label} of ${name} has no value`;
      rest = rest.slice(1).trimStart();
      if (!rest.startsWith('"')) return `label ${label} of ${name} has no quoted value`;
      const value = quoted(rest.slice(1));
      if (!value) return `unterminated value of label ${label} in ${name}`;
      labels[label] = value.text;
      rest = value.rest.trimStart();
      if (rest.startsWith(',')) rest = rest.slice(1);
      else if (!rest.startsWith('}')) return `expected , or } after label ${label} in ${name}`;
    }
  }
  // The value, then an optional millisecond timestamp (ignored: Traefik writes none).
  const fields = rest.trim().split(/\s+/);
  if (fields.length < 1 || fields.length > 2 || fields[0] === '') return `${name} has no value`;
  const value = number(fields[0]);
  if (value === undefined) return `${name} has a value that is not a number: "${fields[0]}"`;
  return { name, labels, value };
}

/** A label value after its opening quote: `\\`, `\"` and `\n` are the only escapes. */
function quoted(s: string): { text: string; rest: string } | undefined {
  let text = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') return { text, rest: s.slice(i + 1) };
    if (c === '\\' && i + 1 < s.length) {
      const n = s[++i];
      text += n === 'n' ? '\n' : n;
    } else text += c;
  }
  return undefined;
}

/** Go's float syntax as the format writes it, with +Inf, -Inf and NaN. */
export function number(s: string): number | undefined {
  if (/^\+?Inf$/i.test(s)) return Infinity;
  if (/^-Inf$/i.test(s)) return -Infinity;
  if (/^NaN$/i.test(s)) return NaN;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return undefined;
  return Number(s);
}
