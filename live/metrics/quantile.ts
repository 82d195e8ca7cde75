// histogram_quantile as Prometheus computes it for classic histograms (docs/querying/functions.md
// "histogram_quantile()" and promql/quantile.go bucketQuantile in prometheus/prometheus):
// - fewer than two buckets, no +Inf bucket, or no observations: NaN;
// - phi < 0: -Inf, phi > 1: +Inf, phi NaN: NaN;
// - rank = phi * count(+Inf); the first bucket whose cumulative count >= rank holds it;
// - in the +Inf bucket: the upper bound of the second highest bucket;
// - in the lowest bucket: its lower bound is 0 when its upper bound is > 0 (else its upper
//   bound is returned);
// - otherwise linear interpolation between the bucket's bounds.
// Cumulative counts that decrease (a scrape racing an observation, float sums) are made
// monotonic first, as Prometheus' ensureMonotonic does.

export interface Bucket {
  /** The `le` bound. */
  le: number;
  /** Cumulative count of observations <= le. */
  count: number;
}

export function histogramQuantile(phi: number, input: Bucket[]): number {
  if (Number.isNaN(phi)) return NaN;
  if (phi < 0) return -Infinity;
  if (phi > 1) return Infinity;
  const buckets = [...input].filter((b) => !Number.isNaN(b.le)).sort((a, b) => a.le - b.le);
  if (buckets.length < 2 || buckets[buckets.length - 1].le !== Infinity) return NaN;
  for (let i = 1; i < buckets.length; i++) {
    if (buckets[i].count < buckets[i - 1].count) buckets[i] = { ...buckets[i], count: buckets[i - 1].count };
  }
  const total = buckets[buckets.length - 1].count;
  if (!(total > 0)) return NaN;
  let rank = phi * total;
  let b = buckets.findIndex((x, i) => i < buckets.length - 1 && x.count >= rank);
  if (b < 0) b = buckets.length - 1;
  if (b === buckets.length - 1) return buckets[buckets.length - 2].le;
  if (b === 0 && buckets[0].le <= 0) return buckets[0].le;
  let start = 0;
  let count = buckets[b].count;
  if (b > 0) {
    start = buckets[b - 1].le;
    count -= buckets[b - 1].count;
    rank -= buckets[b - 1].count;
  }
  return start + (buckets[b].le - start) * (rank / count);
}
