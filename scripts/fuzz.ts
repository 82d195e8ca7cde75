// `npm run fuzz -- --seed N --edits M`: the edit fuzzer of the test suite for long runs.
// Prints what it sent and what went wrong; on a failure the seed, the edit index and the texts
// (also written to a folder), so `--seed N --edits M` with M past the index replays it.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import { runFuzz, type Failure, type FuzzReport } from '../test/support/fuzz/run';

const ROOT = path.resolve(__dirname, '..');
const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    edits: { type: 'string', default: '20000' },
    'cli-every': { type: 'string', default: '25' },
    timeout: { type: 'string', default: '20000' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(`Usage: npm run fuzz -- [--seed N] [--edits M] [--cli-every B] [--timeout MS]

Seeded random edits on test/fixtures/corpus and examples/ sent to dist/server.js over stdio;
after every batch the diagnostics are compared with gateway-lens check's, and every feature
request is sent and checked. Run npm run build first.`);
  process.exit(0);
}
const number = (name: string, v: string | undefined): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`fuzz: --${name} needs a whole number, not '${v}'`);
    process.exit(2);
  }
  return n;
};
const seed = number('seed', values.seed);
const edits = number('edits', values.edits);
const serverJs = path.join(ROOT, 'dist', 'server.js');
const cliJs = path.join(ROOT, 'dist', 'cli.js');
for (const f of [serverJs, cliJs]) {
  if (!fs.existsSync(f)) {
    console.error(`fuzz: ${path.relative(ROOT, f)} is missing: run npm run build first`);
    process.exit(2);
  }
}

function printFailure(f: Failure): void {
  console.log(`\n${f.kind} at edit ${f.edit} (seed ${seed}) in ${f.target}, ${f.file}:`);
  for (const line of f.detail) console.log(`  ${line}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `gateway-lens-fuzz-${seed}-${f.edit}-`));
  for (const [which, texts] of [
    ['before', f.before],
    ['after', f.after],
  ] as const) {
    fs.mkdirSync(path.join(dir, which));
    for (const [name, text] of Object.entries(texts)) fs.writeFileSync(path.join(dir, which, name), text);
  }
  fs.writeFileSync(path.join(dir, 'changes.json'), JSON.stringify(f.changes, null, 2));
  console.log(`  the batch's didChange notifications: ${JSON.stringify(f.changes)}`);
  const edited = f.after[f.file];
  if (edited !== undefined && edited.length <= 4000) console.log(`  ${f.file} after it:\n${JSON.stringify(edited)}`);
  console.log(`  texts before and after, and the changes: ${dir}`);
  console.log(`  replay: npm run fuzz -- --seed ${seed} --edits ${f.edit + f.changes.flat().length}`);
}

function print(report: FuzzReport): void {
  const c = report.counts;
  console.log(`seed ${report.seed}: ${report.edits} edits in ${report.batches} batches on ${report.targets} targets`);
  console.log(
    `requests ${report.requests} (worst ${Math.round(report.worstMs)} ms, ${report.worst}), CLI runs ${report.cliRuns} in-process + ${report.cliProcessRuns} dist/cli.js, fresh servers ${report.freshServers}`,
  );
  console.log(
    `crashes ${c.crash}, hangs ${c.hang}, mismatches ${c.mismatch}, error answers ${c.error}, bad answers ${c['bad-answer']}, logged failures ${c.logged}`,
  );
  console.log(
    `peak RSS of the server ${(report.peakRss / 2 ** 20).toFixed(0)} MiB, ${(report.ms / 1000).toFixed(0)} s`,
  );
}

void (async () => {
  let lastProgress = 0;
  const report = await runFuzz({
    seed,
    edits,
    serverJs,
    cliJs,
    cliEvery: number('cli-every', values['cli-every']),
    timeoutMs: number('timeout', values.timeout),
    progress: (line) => {
      if (performance.now() - lastProgress < 30_000) return;
      lastProgress = performance.now();
      console.error(`fuzz: ${line}`);
    },
  });
  for (const f of report.failures) printFailure(f);
  print(report);
  process.exitCode = Object.values(report.counts).some((n) => n > 0) ? 1 : 0;
})();
