// The Traefik API password goes only to the origins it was entered for (or the user allowed
// since); any other origin, and plain HTTP to another machine, is asked about first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  inClear,
  isLoopback,
  originOf,
  parseStoredPassword,
  passwordDecision,
  storePassword,
} from '../../../live/traefik/credentials';

const stored = { password: 'pw', origins: ['https://traefik.example.com'] };

const cases: { url: string; want: 'send' | 'ask' | 'none'; clear?: boolean }[] = [
  { url: 'https://traefik.example.com', want: 'send' },
  { url: 'https://traefik.example.com:443/traefik/', want: 'send' },
  // Another scheme, host or port is another origin.
  { url: 'http://traefik.example.com', want: 'ask', clear: true },
  { url: 'https://traefik.example.com:8443', want: 'ask' },
  { url: 'https://evil.example.net', want: 'ask' },
  { url: 'https://traefik.example.com.evil.net', want: 'ask' },
  { url: 'https://traefik.example.com@evil.net', want: 'ask' },
  { url: 'ftp://traefik.example.com', want: 'none' },
  { url: 'not a url', want: 'none' },
];

for (const c of cases) {
  test(`stored for https://traefik.example.com, API URL ${c.url}: ${c.want}`, () => {
    const d = passwordDecision(stored, c.url);
    assert.equal(d.kind, c.want);
    if (d.kind === 'send') assert.equal(d.password, 'pw');
    if (d.kind === 'ask') {
      assert.match(d.question, new RegExp(`to ${d.origin.replace(/[.]/g, '\\.')}`));
      assert.equal(/plain HTTP/.test(d.question), c.clear === true);
    }
  });
}

test('no password stored: nothing to send', () => {
  assert.equal(passwordDecision(undefined, 'http://localhost:8080').kind, 'none');
});

test('a password stored before binding (a bare string) is asked about once', () => {
  const legacy = parseStoredPassword('hunter2');
  assert.deepEqual(legacy, { password: 'hunter2', origins: [] });
  assert.equal(passwordDecision(legacy, 'http://localhost:8080').kind, 'ask');
  const bound = parseStoredPassword(storePassword({ password: 'hunter2', origins: ['http://localhost:8080'] }));
  assert.deepEqual(passwordDecision(bound, 'http://localhost:8080/'), { kind: 'send', password: 'hunter2' });
  // A password that looks like JSON but is not the stored shape stays a password.
  assert.deepEqual(parseStoredPassword('{"a":1}'), { password: '{"a":1}', origins: [] });
});

test('loopback and plain HTTP', () => {
  for (const h of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]', 'api.localhost']) assert.ok(isLoopback(h), h);
  for (const h of ['10.0.0.1', 'example.com', '127.0.0.1.nip.io', '::2']) assert.ok(!isLoopback(h), h);
  assert.equal(inClear('http://localhost:8080'), false);
  assert.equal(inClear('http://[::1]:8080'), false);
  assert.equal(inClear('https://traefik.example.com'), false);
  assert.equal(inClear('http://traefik.example.com'), true);
  assert.equal(originOf('http://u:p@Example.com:80/x'), 'http://example.com');
});
