import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPriority } from '../../../server/src/analysis/rules';

test('mux_test.go TestGetRulePriority: the rule length in bytes', () => {
  assert.equal(defaultPriority('Host(`example.org`)'), 19);
  // rules-and-priority.md: the longer HostRegexp wins over the shorter Host by default.
  assert.equal(defaultPriority('HostRegexp(`[a-z]+\\.traefik\\.com`)'), 34);
  assert.equal(defaultPriority('Host(`foobar.traefik.com`)'), 26);
  // UTF-8 bytes, not UTF-16 units: é is 2 bytes, 😀 is 4.
  assert.equal(defaultPriority('Path(`/é`)'), 11);
  assert.equal(defaultPriority('Path(`/😀`)'), 13);
  assert.equal(defaultPriority(''), 0);
});

test('tcp/mux_test.go: a lone HostSNI(`*`) gets -1, in any spelling', () => {
  for (const rule of ['HostSNI(`*`)', 'HOSTSNI(`*`)', 'HostSNI("*")', '(HostSNI(`*`))', '!HostSNI(`*`)']) {
    assert.equal(defaultPriority(rule, 'tcp'), -1, rule);
  }
  for (const rule of ['HostSNI(`foobar`)', 'HostSNI(`*`) && ALPN(`h2`)', 'HostSNIRegexp(`.*`)', 'HostSNI(`*`, `a`)']) {
    assert.equal(defaultPriority(rule, 'tcp'), Buffer.byteLength(rule), rule);
  }
  assert.equal(defaultPriority('HostSNI(`*`)'), 12);
});
