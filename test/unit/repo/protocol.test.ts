// The custom requests are typed once, in server/src/protocol.ts: each is a RequestType (or
// NotificationType) object that the client and the server both pass, so no source spells a
// `gatewayLens/...` method or reads `.method` to send one with an asserted result type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NotificationType, RequestType } from 'vscode-jsonrpc';
import * as protocol from '../../../server/src/protocol';
import { ROOT, sourceLines, sources } from '../../support/sources';

const messages = Object.entries(protocol).filter(
  ([, v]) => v instanceof RequestType || v instanceof NotificationType,
) as [string, { method: string }][];

test('every custom message is a RequestType or NotificationType with its own gatewayLens/ method', () => {
  const names = messages.map(([name]) => name).sort();
  assert.ok(names.includes('LocateRequest') && names.includes('StatusNotification'), names.join(', '));
  for (const [name, type] of messages) assert.match(type.method, /^gatewayLens\/\w+$/, name);
  const methods = messages.map(([, t]) => t.method);
  assert.equal(new Set(methods).size, methods.length, 'a method is defined twice');
});

test('no client or server source names a method itself: they pass the protocol objects', () => {
  const bad = sourceLines(
    ['client/src', 'live', 'server/src'],
    (line, file) =>
      !file.endsWith(path.join('server', 'src', 'protocol.ts')) &&
      // Comments may name the method they answer (`gatewayLens/route`: ...).
      !/^\s*(\/\/|\/?\*)/.test(line) &&
      /['"`]gatewayLens\/\w|\b\w+(Request|Notification)\.method\b/.test(line),
  );
  assert.deepEqual(bad, []);
});

test('each request the client sends has a handler in the server', () => {
  const server = sources(path.join(ROOT, 'server/src'))
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n');
  for (const [name] of messages.filter(([n]) => n.endsWith('Request'))) {
    assert.match(server, new RegExp(`onRequest\\(\\s*${name}\\b`), `${name} has no connection.onRequest`);
  }
});
