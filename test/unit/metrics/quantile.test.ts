// histogram_quantile against values computed by hand with the rules of Prometheus'
// docs/querying/functions.md ("histogram_quantile()") and promql/quantile.go bucketQuantile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { histogramQuantile, type Bucket } from '../../../live/metrics/quantile';

const b = (pairs: [number, number][]): Bucket[] => pairs.map(([le, count]) => ({ le, count }));
const INF = Infinity;

const CASES: { name: string; phi: number; buckets: Bucket[]; expected: number }[] = [
  {
    // rank 0.95*63 = 59.85 lies in (0.3, 1.2]: 0.3 + 0.9 * (59.85 - 55) / (61 - 55)
    name: 'linear interpolation inside the bucket that holds the rank',
    phi: 0.95,
    buckets: b([
      [0.1, 40],
      [0.3, 55],
      [1.2, 61],
      [5, 63],
      [INF, 63],
    ]),
    expected: 1.0275,
  },
  {
    // rank 9.5 > 1: in the +Inf bucket, so the second highest bound
    name: 'a rank in the +Inf bucket gives the upper bound of the second highest bucket',
    phi: 0.95,
    buckets: b([
      [0.1, 1],
      [INF, 10],
    ]),
    expected: 0.1,
  },
  {
    // rank 5 in the lowest bucket (0, 0.1]: 0.1 * 5 / 10
    name: 'the lowest bucket starts at 0 when its upper bound is positive',
    phi: 0.5,
    buckets: b([
      [0.1, 10],
      [INF, 10],
    ]),
    expected: 0.05,
  },
  {
    // rank 9.5 in (0, 0.5]: 0.5 * (9.5 - 6) / (11 - 6)
    name: 'interpolation above a lowest bucket with bound 0',
    phi: 0.5,
    buckets: b([
      [0, 6],
      [0.5, 11],
      [1, 14],
      [INF, 19],
    ]),
    expected: 0.35,
  },
  {
    name: 'a rank in a lowest bucket with bound <= 0 gives that bound',
    phi: 0.2,
    buckets: b([
      [0, 6],
      [0.5, 11],
      [1, 14],
      [INF, 19],
    ]),
    expected: 0,
  },
  {
    // 0.3 falls to 5 (monotonic), rank 5 is reached by the lowest bucket: 0.1 * 5 / 5
    name: 'decreasing cumulative counts are made monotonic first',
    phi: 0.5,
    buckets: b([
      [0.1, 5],
      [0.3, 4],
      [INF, 10],
    ]),
    expected: 0.1,
  },
  {
    name: 'bucket order in the input does not matter',
    phi: 0.95,
    buckets: b([
      [INF, 63],
      [1.2, 61],
      [0.1, 40],
      [5, 63],
      [0.3, 55],
    ]),
    expected: 1.0275,
  },
  {
    name: 'no +Inf bucket: NaN',
    phi: 0.5,
    buckets: b([
      [0.1, 1],
      [0.3, 2],
    ]),
    expected: NaN,
  },
  { name: 'fewer than two buckets: NaN', phi: 0.5, buckets: b([[INF, 3]]), expected: NaN },
  {
    name: 'no observations: NaN',
    phi: 0.5,
    buckets: b([
      [0.1, 0],
      [INF, 0],
    ]),
    expected: NaN,
  },
  {
    name: 'phi < 0: -Inf',
    phi: -0.1,
    buckets: b([
      [0.1, 1],
      [INF, 1],
    ]),
    expected: -Infinity,
  },
  {
    name: 'phi > 1: +Inf',
    phi: 1.5,
    buckets: b([
      [0.1, 1],
      [INF, 1],
    ]),
    expected: Infinity,
  },
  {
    name: 'phi NaN: NaN',
    phi: NaN,
    buckets: b([
      [0.1, 1],
      [INF, 1],
    ]),
    expected: NaN,
  },
];

for (const c of CASES) {
  test(c.name, () => {
    const got = histogramQuantile(c.phi, c.buckets);
    if (Number.isFinite(c.expected)) assert.ok(Math.abs(got - c.expected) < 1e-12, `${got} != ${c.expected}`);
    else assert.equal(got, c.expected);
  });
}
