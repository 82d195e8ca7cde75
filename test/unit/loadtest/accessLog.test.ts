// Access-log lines in Traefik's formats (docs/content/observability/access-logs.md,
// pkg/middlewares/accesslog/logger_formatters.go) read back to the server that answered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAccessLogLine, serverOf } from '../../../live/loadtest/accessLog';
import { demuxDockerLogs } from '../../../live/loadtest/attribution';

const CASES: { name: string; line: string; expected: ReturnType<typeof parseAccessLogLine> }[] = [
  {
    name: 'common format',
    line: '192.168.1.10 - - [02/Dec/2026:04:43:53 +0000] "GET /api/users?x=1 HTTP/1.1" 200 20 "-" "curl/8.5.0" 17 "users@docker" "http://172.18.0.3:8002" 14ms',
    expected: {
      start: Date.UTC(2026, 11, 2, 4, 43, 53),
      path: '/api/users?x=1',
      status: 200,
      userAgent: 'curl/8.5.0',
      router: 'users@docker',
      serviceUrl: 'http://172.18.0.3:8002',
    },
  },
  {
    name: 'common format, local time offset and escaped quotes in the user agent',
    line: '10.0.0.1 - bob [02/Dec/2026:05:43:53 +0100] "POST /a b HTTP/2.0" 502 11 "https://x/" "say \\"hi\\"" 3 "api@docker" "http://10.0.0.7:80" 1ms',
    expected: {
      start: Date.UTC(2026, 11, 2, 4, 43, 53),
      path: '/a b',
      status: 502,
      userAgent: 'say "hi"',
      router: 'api@docker',
      serviceUrl: 'http://10.0.0.7:80',
    },
  },
  {
    name: 'common format of a request no router took (404)',
    line: '127.0.0.1 - - [02/Dec/2026:04:43:53 +0000] "GET /nope HTTP/1.1" 404 19 "-" "-" 5 "-" "-" 0ms',
    expected: {
      start: Date.UTC(2026, 11, 2, 4, 43, 53),
      path: '/nope',
      status: 404,
      userAgent: undefined,
      router: undefined,
      serviceUrl: undefined,
    },
  },
  {
    name: 'JSON format with the default fields (headers dropped)',
    line: '{"ClientHost":"127.0.0.1","DownstreamStatus":200,"RequestPath":"/api","RouterName":"api@docker","ServiceAddr":"172.18.0.4:80","ServiceURL":"http://172.18.0.4:80","StartUTC":"2026-12-02T04:43:53.682Z","level":"info","msg":""}',
    expected: {
      router: 'api@docker',
      serviceUrl: 'http://172.18.0.4:80',
      serviceAddr: '172.18.0.4:80',
      status: 200,
      path: '/api',
      userAgent: undefined,
      start: Date.parse('2026-12-02T04:43:53.682Z'),
    },
  },
];

for (const c of CASES) {
  test(c.name, () => assert.deepEqual(parseAccessLogLine(c.line), c.expected));
}

test('ServiceAddr alone still names the server', () => {
  const e = parseAccessLogLine('{"RouterName":"a@docker","ServiceAddr":"10.0.0.2:8080"}')!;
  assert.equal(serverOf(e), 'http://10.0.0.2:8080');
});

for (const line of [
  'time="2026-12-02T04:43:53Z" level=info msg="Configuration loaded from flags."',
  '{"level":"info","msg":"Starting provider *docker.Provider"}',
  '{ not json',
  '',
]) {
  test(`not an access-log line: ${line || '(blank)'}`, () => assert.equal(parseAccessLogLine(line), undefined));
}

test("Docker's multiplexed log frames are joined; a TTY stream passes as is", () => {
  const frame = (stream: number, text: string) => {
    const body = Buffer.from(text);
    const head = Buffer.alloc(8);
    head[0] = stream;
    head.writeUInt32BE(body.length, 4);
    return Buffer.concat([head, body]);
  };
  assert.equal(demuxDockerLogs(Buffer.concat([frame(1, 'a\n'), frame(2, 'b\n')])), 'a\nb\n');
  assert.equal(demuxDockerLogs(Buffer.from('plain line\n')), 'plain line\n');
});
