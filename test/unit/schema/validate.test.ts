// validateLabelValue: values as paerser decodes them (strconv, Go durations), enums, allowEmpty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateLabelValue, type LabelVersion } from '../../../server/src/analysis/schema';

const R = 'traefik.http.routers.r';
const LB = 'traefik.http.services.s.loadbalancer';

const cases: { key: string; value: string; version?: LabelVersion; ok: boolean; soft?: boolean; message?: RegExp }[] = [
  // bool: Go strconv.ParseBool
  ...['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'].map((value) => ({
    key: 'traefik.enable',
    value,
    ok: true,
  })),
  {
    key: 'traefik.enable',
    value: 'yes',
    ok: false,
    message: /^"yes" is not a boolean: write true or false \| Traefik reads booleans/,
  },
  { key: 'traefik.enable', value: 'tRUE', ok: false },
  { key: 'traefik.enable', value: '', ok: false, message: /empty value is not a boolean/ },
  { key: `${LB}.passHostHeader`, value: 'on', ok: false },
  // int
  { key: `${R}.priority`, value: '42', ok: true },
  { key: `${R}.priority`, value: '-5', ok: true },
  { key: `${R}.priority`, value: '10.5', ok: false, message: /not an integer/ },
  { key: `${R}.priority`, value: ' 10', ok: false },
  // duration: bare integer = seconds, or a Go duration
  ...['10', '10s', '1m30s', '100ms', '1h', '1.5h', '0', '2us', '3µs'].map((value) => ({
    key: `${LB}.healthcheck.interval`,
    value,
    ok: true,
  })),
  ...['10 s', '10sec', '1d', 's', ''].map((value) => ({
    key: `${LB}.healthcheck.interval`,
    value,
    ok: false,
    message: /duration/,
  })),
  // v2 health check intervals are plain strings at decoding time
  { key: `${LB}.healthcheck.interval`, value: '10 s', version: 'v2', ok: true },
  // strings and lists take anything, including nothing
  { key: `${R}.rule`, value: '', ok: true },
  { key: `${R}.entrypoints`, value: 'web, websecure', ok: true },
  // hard enum (service fails), soft enums (silent fallback)
  { key: `${LB}.strategy`, value: 'p2c', ok: true },
  { key: `${LB}.strategy`, value: '', ok: true },
  { key: `${LB}.strategy`, value: 'roundrobin', ok: false, soft: false, message: /wrr, p2c, hrw, leasttime/ },
  { key: `${LB}.strategy`, value: 'WRR', ok: false },
  { key: `${LB}.healthcheck.mode`, value: 'grpc', ok: true },
  { key: `${LB}.healthcheck.mode`, value: 'GRPC', ok: false, soft: true, message: /HTTP health check/ },
  { key: `${LB}.sticky.cookie.sameSite`, value: 'Lax', ok: true },
  { key: `${LB}.sticky.cookie.samesite`, value: 'lux', ok: false, soft: true },
  { key: `${R}.rulesyntax`, value: 'v4', ok: false, soft: true, message: /v3 syntax/ },
  { key: `${R}.observability.traceverbosity`, value: 'verbose', ok: false, soft: true },
  // allowEmpty: true (any case) or empty enables, false disables, anything else disables silently
  { key: `${R}.tls`, value: '', ok: true },
  { key: `${R}.tls`, value: 'TRUE', ok: true },
  { key: `${R}.tls`, value: 'false', ok: true },
  { key: `${R}.tls`, value: 'yes', ok: false, soft: true, message: /turns tls off/ },
  { key: `${LB}.sticky.cookie`, value: '1', ok: false, soft: true },
  // keys that are not known are not judged here
  { key: `${R}.rulle`, value: 'yes', ok: true },
  { key: 'traefik.port', value: 'x', ok: true },
  { key: `${R}`, value: 'true', ok: true },
];

for (const c of cases) {
  const version = c.version ?? 'v3';
  test(`value ${version} ${c.key}=${JSON.stringify(c.value)}: ${c.ok ? 'ok' : 'rejected'}`, () => {
    const problem = validateLabelValue(c.key.split('.'), c.value, version);
    assert.equal(problem === undefined, c.ok, problem?.message);
    if (c.soft !== undefined) assert.equal(problem?.soft === true, c.soft);
    // The short message, then what Traefik does (the explanation).
    if (c.message) assert.match(`${problem?.message} | ${problem?.explanation}`, c.message);
    if (problem) assert.ok(problem.message.length <= 100, problem.message);
  });
}
