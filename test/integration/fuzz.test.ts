// The edit fuzzer (test/support/fuzz) with a fixed seed: at least 2,000 edits on the corpus and
// the examples through the real server over stdio, the diagnostics compared with the CLI's and a
// fresh server's after every batch, every feature request checked. `npm run fuzz` runs it long.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { built } from '../support/build';
import { runFuzz } from '../support/fuzz/run';

const SEED = 16;
const EDITS = 2000;

test(
  `fuzz: ${EDITS} seeded edits (seed ${SEED}): no crash, hang, mismatch or malformed answer`,
  { timeout: 900_000 },
  async () => {
    const report = await runFuzz({ seed: SEED, edits: EDITS, serverJs: built('server.js'), cliJs: built('cli.js') });
    const shown = report.failures.map(
      (f) =>
        `${f.kind} at edit ${f.edit} in ${f.target} (${f.file}): ${f.detail.join('\n    ')}\n  replay: npm run fuzz -- --seed ${SEED} --edits ${f.edit + f.changes.flat().length}`,
    );
    assert.deepEqual(
      report.counts,
      { mismatch: 0, error: 0, hang: 0, crash: 0, 'bad-answer': 0, logged: 0 },
      shown.join('\n'),
    );
    assert.ok(report.edits >= EDITS, `${report.edits} edits`);
    // The oracle really ran: the CLI in-process after every batch, the built one and fresh servers too.
    assert.equal(report.cliRuns, report.batches);
    assert.ok(report.cliProcessRuns > 0 && report.freshServers > 0, JSON.stringify(report));
    assert.ok(report.requests > report.batches * 10, `${report.requests} requests in ${report.batches} batches`);
  },
);
