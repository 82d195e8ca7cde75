// When the metrics are read: only while the Gateway view, the panel or (CodeLens on) a visible
// compose file with routers shows them; the poller starts at once and stops at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MetricsPoller, shouldPoll, type Timers, type Watchers } from '../../../live/metrics/poller';

const COMPOSE = 'file:///shop/docker-compose.yml';
const OTHER = 'file:///shop/README.md';
const none: Watchers = {
  gatewayView: false,
  panel: false,
  codeLens: true,
  visibleEditors: [],
  filesWithRouters: new Set([COMPOSE]),
};

test('shouldPoll: who shows the figures', () => {
  const table: [Partial<Watchers>, boolean][] = [
    [{}, false],
    [{ visibleEditors: [OTHER] }, false],
    [{ gatewayView: true }, true],
    [{ panel: true }, true],
    [{ visibleEditors: [OTHER, COMPOSE] }, true],
    // The CodeLens off: an open compose file shows nothing.
    [{ visibleEditors: [COMPOSE], codeLens: false }, false],
    [{ visibleEditors: [COMPOSE], codeLens: false, gatewayView: true }, true],
    // A compose file without router rules has no CodeLens to fill.
    [{ visibleEditors: [COMPOSE], filesWithRouters: new Set() }, false],
  ];
  for (const [w, expected] of table) assert.equal(shouldPoll({ ...none, ...w }), expected, JSON.stringify(w));
});

/** A clock the test advances: timers fire only in advance(). */
class Clock implements Timers {
  now = 0;
  private pending = new Map<number, { at: number; run: () => void }>();
  private next = 1;
  set(run: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { at: this.now + ms, run });
    return id;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  get scheduled(): number {
    return this.pending.size;
  }
  async advance(ms: number): Promise<void> {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.pending].filter(([, t]) => t.at <= until).sort(([, a], [, b]) => a.at - b.at)[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.now = due[1].at;
      due[1].run();
      await settle();
    }
    this.now = until;
  }
}

const settle = () => new Promise((r) => setImmediate(r));

test('the poller reads only while wanted: at once when shown, every interval, never after hiding', async () => {
  const clock = new Clock();
  let visible = false;
  let reads = 0;
  const poller = new MetricsPoller({
    read: async () => {
      reads++;
    },
    wanted: () => visible,
    intervalMs: () => 5000,
    timers: clock,
  });
  poller.wake();
  await clock.advance(60_000);
  assert.equal(reads, 0, 'nothing shows the figures: no read');

  visible = true;
  poller.wake();
  await settle();
  assert.equal(reads, 1, 'read at once when shown');
  poller.wake();
  await settle();
  assert.equal(reads, 1, 'a second wake does not read twice');
  await clock.advance(15_000);
  assert.equal(reads, 4, 'every 5 s while shown');

  visible = false;
  poller.wake();
  assert.equal(clock.scheduled, 0, 'hiding cancels the next read');
  await clock.advance(60_000);
  assert.equal(reads, 4);

  // Hidden without a wake (the tick itself notices).
  visible = true;
  poller.wake();
  await settle();
  assert.equal(reads, 5);
  visible = false;
  await clock.advance(60_000);
  assert.equal(reads, 5);
  assert.equal(poller.polling, false);

  visible = true;
  poller.dispose();
  poller.wake();
  await clock.advance(60_000);
  assert.equal(reads, 5, 'disposed: never again');
});

test('a failing read does not stop the schedule', async () => {
  const clock = new Clock();
  let reads = 0;
  const poller = new MetricsPoller({
    read: () => {
      reads++;
      return Promise.reject(new Error('unreachable'));
    },
    wanted: () => true,
    intervalMs: () => 2000,
    timers: clock,
  });
  poller.wake();
  await settle();
  await clock.advance(4000);
  assert.equal(reads, 3);
  poller.dispose();
});
