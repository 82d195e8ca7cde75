// The edit fuzzer: seeded edits (edits.ts) on the corpus and the examples (targets.ts), sent to
// the real server over stdio as incremental didChange notifications. After every batch the
// oracle: the incremental server's pulled diagnostics equal the CLI's on the same texts written
// to disk (in-process every batch, the built dist/cli.js every few batches), and at the end of
// each target a fresh server's; then every feature request at a few positions, each answered,
// in time, well-formed. One seed gives one run: a failure replays with the same seed and count.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { prng } from '../random';
import { nextEdit, rand, type Rand } from './edits';
import { cliInProcess, cliProcess, difference, fromDiagnostic, type Diagnostic, type Findings } from './oracle';
import { askEverything, positions } from './requests';
import { Session, type Timing } from './session';
import { targets, type Target } from './targets';
import { FuzzText, type ContentChange } from './text';

export interface FuzzOptions {
  seed: number;
  edits: number;
  serverJs: string;
  cliJs: string;
  /** The built CLI as a process every this many batches (in-process on every batch). */
  cliEvery?: number;
  /** A request without an answer within this is a hang. */
  timeoutMs?: number;
  /** Progress lines (long runs). */
  progress?: (line: string) => void;
}

export type FailureKind = 'mismatch' | 'error' | 'hang' | 'crash' | 'bad-answer' | 'logged';

export interface Failure {
  kind: FailureKind;
  /** How many edits had been sent before the batch that failed. */
  edit: number;
  target: string;
  file: string;
  detail: string[];
  /** The batch's didChange notifications (their contentChanges) and the texts before and after it. */
  changes: ContentChange[][];
  before: Record<string, string>;
  after: Record<string, string>;
}

export interface FuzzReport extends Timing {
  seed: number;
  edits: number;
  batches: number;
  targets: number;
  cliRuns: number;
  cliProcessRuns: number;
  freshServers: number;
  counts: Record<FailureKind, number>;
  /** The first failures in full (the rest are counted). */
  failures: Failure[];
  ms: number;
}

const KEPT = Number(process.env.GATEWAY_LENS_FUZZ_KEEP ?? 20);

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const r = rand(prng(options.seed));
  const timeoutMs = options.timeoutMs ?? 20_000;
  const cliEvery = options.cliEvery ?? 25;
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gl-fuzz-')));
  const report: FuzzReport = {
    seed: options.seed,
    edits: 0,
    batches: 0,
    targets: 0,
    cliRuns: 0,
    cliProcessRuns: 0,
    freshServers: 0,
    requests: 0,
    worstMs: 0,
    worst: '',
    peakRss: 0,
    counts: { mismatch: 0, error: 0, hang: 0, crash: 0, 'bad-answer': 0, logged: 0 },
    failures: [],
    ms: 0,
  };
  const all = targets();
  let session = new Session(options.serverJs, report, timeoutMs);
  await session.start(root);
  try {
    while (report.edits < options.edits) {
      const target = all[r.int(all.length)];
      const folder = fs.mkdtempSync(path.join(root, 't-'));
      const run = new TargetRun(target, folder, r, options, report, cliEvery);
      session = await run.fuzz(session, root);
      report.targets++;
      fs.rmSync(folder, { recursive: true, force: true });
      options.progress?.(
        `${report.edits} edits, ${report.requests} requests, ${Object.values(report.counts).reduce((a, b) => a + b)} failures`,
      );
    }
  } finally {
    await session.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
  report.ms = performance.now() - started;
  return report;
}

class TargetRun {
  private readonly docs = new Map<string, FuzzText>();
  private readonly versions = new Map<string, number>();
  private readonly names: string[];

  constructor(
    private readonly target: Target,
    private readonly folder: string,
    private readonly r: Rand,
    private readonly options: FuzzOptions,
    private readonly report: FuzzReport,
    private readonly cliEvery: number,
  ) {
    this.names = Object.keys(target.files);
    if (target.copy) fs.cpSync(target.copy, folder, { recursive: true });
    for (const [name, text] of Object.entries(target.files)) this.docs.set(name, new FuzzText(text));
  }

  private uri = (session: Session, name: string): string => session.uri(this.folder, name);

  private texts(): Record<string, string> {
    return Object.fromEntries([...this.docs].map(([n, d]) => [n, d.text]));
  }

  private async open(session: Session): Promise<void> {
    for (const [name, doc] of this.docs) {
      this.versions.set(name, (this.versions.get(name) ?? 0) + 1);
      await session.client.open(this.uri(session, name), 'dockercompose', doc.text, this.versions.get(name));
    }
  }

  /** Fuzzes this target; returns the session to go on with (a new one after a crash or hang). */
  async fuzz(session: Session, root: string): Promise<Session> {
    await this.open(session);
    const batches = 10 + this.r.int(40);
    let last: Findings | undefined;
    for (let b = 0; b < batches && this.report.edits < this.options.edits; b++) {
      const name = this.r.pick(this.names);
      const doc = this.docs.get(name)!;
      const before = this.texts();
      const edit = this.report.edits;
      // Typed in a row before the editor asks again: one to four didChange notifications.
      const changes: ContentChange[][] = [];
      for (let n = 1 + this.r.int(4); n > 0; n--) {
        const sent = nextEdit(doc, this.r, this.target.files[name]);
        changes.push(sent);
        this.versions.set(name, this.versions.get(name)! + 1);
        await session.notify('textDocument/didChange', {
          textDocument: { uri: this.uri(session, name), version: this.versions.get(name) },
          contentChanges: sent,
        });
        this.report.edits += sent.length;
      }
      this.report.batches++;
      const fail = (kind: FailureKind, detail: string[]): void => {
        this.report.counts[kind]++;
        if (this.report.failures.length < KEPT) {
          this.report.failures.push({
            kind,
            edit,
            target: this.target.name,
            file: name,
            detail,
            changes,
            before,
            after: this.texts(),
          });
        }
      };
      last = await this.check(session, name, fail);
      if (!session.alive || this.brokenSession) {
        // Go on with a new server, as the editor's client restarts it.
        await session.stop();
        session = new Session(this.options.serverJs, this.report, this.options.timeoutMs ?? 20_000);
        await session.start(root);
        await this.open(session);
        this.brokenSession = false;
      }
      for (const message of session.takeLogged()) fail('logged', [message]);
    }
    if (last) await this.fresh(root, last);
    for (const name of this.names) {
      await session.notify('textDocument/didClose', { textDocument: { uri: this.uri(session, name) } });
    }
    return session;
  }

  private brokenSession = false;

  /** The oracle and the requests after one batch. */
  private async check(
    session: Session,
    edited: string,
    fail: (kind: FailureKind, detail: string[]) => void,
  ): Promise<Findings | undefined> {
    const incremental = await this.pull(session, fail);
    if (!incremental) return undefined;
    // The CLI reads a file as an editor opens it, without its BOM: a document whose text starts
    // with U+FEFF is a file with one more.
    for (const [name, doc] of this.docs) {
      const bom = doc.text.startsWith('\ufeff') ? '\ufeff' : '';
      fs.writeFileSync(path.join(this.folder, name), bom + doc.text);
    }
    const cli = await cliInProcess(this.folder, this.names);
    this.report.cliRuns++;
    if (cli.failure) fail('crash', [`gateway-lens check (in-process): ${cli.failure}`]);
    if (cli.findings) {
      const diff = difference(incremental.findings, cli.findings, 'incremental server', 'CLI');
      if (diff.length > 0) fail('mismatch', diff);
    }
    if (this.report.batches % this.cliEvery === 0) {
      const real = cliProcess(this.options.cliJs, this.folder, this.names, 60_000);
      this.report.cliProcessRuns++;
      if (real.failure) fail('crash', [`dist/cli.js check: ${real.failure}`]);
      if (real.findings && cli.findings) {
        const diff = difference(cli.findings, real.findings, 'CLI in-process', 'dist/cli.js');
        if (diff.length > 0) fail('mismatch', diff);
      }
    }
    const doc = this.docs.get(edited)!;
    const problems = await askEverything(
      {
        session,
        uri: this.uri(session, edited),
        doc,
        docs: (uri) =>
          this.names.map((n) => (this.uri(session, n) === uri ? this.docs.get(n) : undefined)).find(Boolean),
        uris: this.names.map((n) => this.uri(session, n)),
        diagnostics: incremental.raw.get(edited) ?? [],
      },
      positions(doc, this.r, doc.cursor),
      this.r,
    );
    for (const p of problems) {
      fail(p.kind, [p.detail]);
      if (p.kind === 'hang' || p.kind === 'crash') this.brokenSession = true;
    }
    session.sampleRss();
    return incremental.findings;
  }

  /** Pulls every open file's diagnostics; checks their ranges. */
  private async pull(
    session: Session,
    fail: (kind: FailureKind, detail: string[]) => void,
  ): Promise<{ findings: Findings; raw: Map<string, Diagnostic[]> } | undefined> {
    const findings: Findings = new Map();
    const raw = new Map<string, Diagnostic[]>();
    for (const name of this.names) {
      const answer = await session.request('textDocument/diagnostic', {
        textDocument: { uri: this.uri(session, name) },
      });
      if (!answer.ok) {
        fail(answer.kind, [answer.message]);
        if (answer.kind !== 'error') this.brokenSession = true;
        return undefined;
      }
      const items = ((answer.value as { items?: Diagnostic[] }).items ?? []) as Diagnostic[];
      const doc = this.docs.get(name)!;
      const bad = items.flatMap((d) => {
        const text =
          typeof d.message === 'string' && d.message.trim() !== '' ? [] : [`diagnostic ${d.code}: no message`];
        const inside = doc.contains(d.range.start) && doc.contains(d.range.end);
        return inside ? text : [...text, `diagnostic ${d.code}: range ${JSON.stringify(d.range)} outside the document`];
      });
      if (bad.length > 0) fail('bad-answer', bad);
      raw.set(name, items);
      findings.set(name, items.map(fromDiagnostic).sort());
    }
    return { findings, raw };
  }

  /** A new server opening the same texts must show what the incremental one showed last. */
  private async fresh(root: string, last: Findings): Promise<void> {
    const session = new Session(this.options.serverJs, this.report, this.options.timeoutMs ?? 20_000);
    this.report.freshServers++;
    try {
      await session.start(root);
      for (const [name, doc] of this.docs)
        await session.client.open(this.uri(session, name), 'dockercompose', doc.text);
      const none = (kind: FailureKind, detail: string[]): void => this.failAtEnd(kind, detail);
      const fresh = await this.pull(session, none);
      if (fresh) {
        const diff = difference(last, fresh.findings, 'incremental server', 'fresh server');
        if (diff.length > 0) this.failAtEnd('mismatch', diff);
      }
    } finally {
      await session.stop();
    }
  }

  private failAtEnd(kind: FailureKind, detail: string[]): void {
    this.report.counts[kind]++;
    if (this.report.failures.length < KEPT) {
      const texts = this.texts();
      this.report.failures.push({
        kind,
        edit: this.report.edits,
        target: this.target.name,
        file: '(fresh server)',
        detail,
        changes: [],
        before: texts,
        after: texts,
      });
    }
  }
}
