import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CompiledMatchers,
  matchRequest,
  matchRequestTri,
  parseRule,
  type HttpRequest,
  type RuleSyntax,
} from '../../../server/src/analysis/rules';
import { routingPath } from '../../../server/src/analysis/rules/path';

/** The matchers a test compiles: one table for the file, as an engine keeps one. */
const compiled = new CompiledMatchers();

/** A request as httptest.NewRequest(method, url) builds it. */
function req(url: string, over: Partial<HttpRequest> = {}): HttpRequest {
  const m = /^[a-z]+:\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?/.exec(url)!;
  return { host: m[1], path: m[2] || '/', method: 'GET', headers: {}, query: m[3] ?? '', ...over };
}

/** Traefik's expected status per URL (200 = matched, 404 = not) as a truth table. */
function table(
  rule: string,
  syntax: RuleSyntax,
  expected: Record<string, 200 | 404>,
  over: Partial<HttpRequest> = {},
): void {
  const parsed = parseRule(rule, syntax);
  assert.ok(parsed.tree, rule);
  assert.deepEqual(
    parsed.problems.filter((p) => p.severity === 'error'),
    [],
    rule,
  );
  const got = Object.fromEntries(
    Object.keys(expected).map((u) => [u, matchRequest(parsed.tree!, req(u, over), syntax, compiled) ? 200 : 404]),
  );
  assert.deepEqual(got, expected, rule);
}

function byHeaders(rule: string, syntax: RuleSyntax, rows: Array<[Record<string, string[]>, 200 | 404]>): void {
  const tree = parseRule(rule, syntax).tree!;
  for (const [headers, want] of rows) {
    const got = matchRequest(tree, req('https://example.com', { headers }), syntax, compiled) ? 200 : 404;
    assert.equal(got, want, `${rule} ${JSON.stringify(headers)}`);
  }
}

function byClientIP(rule: string, syntax: RuleSyntax, rows: Record<string, 200 | 404>): void {
  const tree = parseRule(rule, syntax).tree!;
  for (const [clientIP, want] of Object.entries(rows)) {
    const got = matchRequest(tree, req('https://example.com', { clientIP }), syntax, compiled) ? 200 : 404;
    assert.equal(got, want, `${rule} from ${clientIP}`);
  }
}

test('matcher_test.go TestClientIPMatcher', () => {
  byClientIP('ClientIP(`127.0.0.1`)', 'v3', { '127.0.0.1': 200, '192.168.1.1': 404, '1': 404 });
  byClientIP('ClientIP(`192.168.1.0/24`)', 'v3', { '192.168.1.1': 200, '192.168.1.100': 200, '192.168.2.1': 404 });
});

test('matcher_test.go TestMethodMatcher', () => {
  for (const rule of ['Method(`GET`)', 'Method(`get`)']) {
    const tree = parseRule(rule, 'v3').tree!;
    assert.equal(matchRequest(tree, req('https://example.com', { method: 'GET' }), 'v3', compiled), true);
    assert.equal(matchRequest(tree, req('https://example.com', { method: 'POST' }), 'v3', compiled), false);
    assert.equal(matchRequest(tree, req('https://example.com', { method: 'get' }), 'v3', compiled), false);
  }
});

test('matcher_test.go TestHostMatcher', () => {
  table('Host(`example.com`)', 'v3', {
    'https://example.com': 200,
    'https://example.com:8080': 200,
    'https://example.com/path': 200,
    'https://EXAMPLE.COM/path': 200,
    'https://example.org': 404,
    'https://example.org/path': 404,
    'https://example.com.': 200, // "URL ending with a dot"
    'https://example.org.': 404,
  });
  table('Host(`example.com.`)', 'v3', {
    'https://example.com': 200,
    'https://example.org': 404,
    'https://example.com.': 200,
    'https://example.com./path': 200,
    'https://example.org.': 404,
  });
  table('Host(`EXAMPLE.COM`)', 'v3', { 'https://example.com': 200, 'https://example.org/path': 404 });
  table('Host(`xn--9t9h.com`)', 'v3', {
    'https://xn--9t9h.com': 200,
    'https://example.com': 404,
    'https://🦭.com': 404,
  });
  table('Host(`*.example.com`)', 'v3', {
    'https://test.example.com': 200,
    'https://other.example.com': 200,
    'https://example.com': 404,
    'https://test.otherexample.com': 404,
    'https://a.b.example.com': 404, // one label only (muxer.DomainMatchHostExpression)
  });
  table('Host(`*`)', 'v3', { 'https://test.example.com': 200, 'https://example.com': 200, 'https://localhost': 200 });
});

test('matcher_test.go TestHostRegexpMatcher', () => {
  table('HostRegexp(`^[a-zA-Z-]+\\.com$`)', 'v3', {
    'https://example.com': 200,
    'https://example.com:8080': 200,
    'https://example.com/path': 200,
    'https://example.org': 404,
  });
  table('HostRegexp(`^[A-Z]+\\.com$`)', 'v3', { 'https://example.com': 404, 'https://EXAMPLE.com': 404 });
  table('HostRegexp(`{domain:[a-zA-Z-]+\\.com}`)', 'v3', { 'https://example.com': 404, 'https://example.org': 404 });
});

test('matcher_test.go TestPathMatcher, TestPathRegexpMatcher, TestPathPrefixMatcher', () => {
  table('Path(`/css`)', 'v3', {
    'https://example.com': 404,
    'https://example.com/html': 404,
    'https://example.org/css': 200,
    'https://example.com/css': 200,
    'https://example.com/css/': 404,
    'https://example.com/css/main.css': 404,
  });
  table('PathRegexp(`^/(css|js)`)', 'v3', {
    'https://example.com': 404,
    'https://example.com/html': 404,
    'https://example.org/css': 200,
    'https://example.com/CSS': 404,
    'https://example.com/css/main.css': 200,
    'https://example.com/js/': 200,
  });
  table('PathRegexp("/{path:(css|js)}")', 'v3', {
    'https://example.org/css': 404,
    'https://example.com/{path:css}': 200,
    'https://example.com/%7Bpath:css%7D/': 200,
    'https://example.com/{path:js}/': 200,
  });
  table('PathPrefix("/css")', 'v3', {
    'https://example.com': 404,
    'https://example.com/html': 404,
    'https://example.org/css': 200,
    'https://example.com/css/': 200,
    'https://example.com/css/main.css': 200,
    'https://example.com/css.css': 200, // a string prefix, not a path segment
  });
});

test('matcher_test.go TestHeaderMatcher, TestHeaderRegexpMatcher', () => {
  // The Go tests also set a lower-case key straight into req.Header (404); a real server
  // canonicalizes incoming keys, and so does this model, so those rows are left out.
  for (const rule of ['Header(`X-Forwarded-Proto`, `https`)', 'Header(`x-forwarded-proto`, `https`)']) {
    byHeaders(rule, 'v3', [
      [{ 'X-Forwarded-Proto': ['https'] }, 200],
      [{ 'X-Forwarded-Proto': ['http', 'https'] }, 200],
      [{ 'X-Forwarded-Proto': ['https', 'http'] }, 200],
      [{ 'X-Forwarded-Host': ['example.com'] }, 404],
    ]);
  }
  byHeaders('HeaderRegexp(`X-Forwarded-Proto`, `^https?$`)', 'v3', [
    [{ 'X-Forwarded-Proto': ['http'] }, 200],
    [{ 'X-Forwarded-Proto': ['https'] }, 200],
    [{ 'X-Forwarded-Proto': ['HTTPS'] }, 404],
    [{ 'X-Forwarded-Proto': ['ws', 'https'] }, 200],
    [{ 'X-Forwarded-Host': ['example.com'] }, 404],
  ]);
  byHeaders('HeaderRegexp(`X-Forwarded-Proto`, `http{secure:s?}`)', 'v3', [
    [{ 'X-Forwarded-Proto': ['http'] }, 404],
    [{ 'X-Forwarded-Proto': ['https'] }, 404],
    [{ 'X-Forwarded-Proto': ['http{secure:}'] }, 200],
    [{ 'X-Forwarded-Proto': ['HTTP{secure:}'] }, 404],
    [{ 'X-Forwarded-Proto': ['http{secure:s}'] }, 200],
    [{ 'X-Forwarded-Proto': ['ws', 'http{secure:s}'] }, 200],
  ]);
  // Lower-case request keys are canonicalized like Go's server does.
  byHeaders('Header(`X-Forwarded-Proto`, `https`)', 'v3', [[{ 'x-forwarded-proto': ['https'] }, 200]]);
  // Host is never in the header map.
  byHeaders('Header(`Host`, `example.com`)', 'v3', [[{ Host: ['example.com'] }, 404]]);
});

test('matcher_test.go TestQueryMatcher, TestQueryRegexpMatcher', () => {
  table('Query(`q`, `traefik`)', 'v3', {
    'https://example.com': 404,
    'https://example.com?q=traefik': 200,
    'https://example.com?rel=ddg&q=traefik': 200,
    'https://example.com?q=traefik&q=proxy': 200,
    'https://example.com?q=awesome&q=traefik': 200,
    'https://example.com?q=nginx': 404,
    'https://example.com?q=TRAEFIK': 404,
    'https://example.com?Q=traefik': 404,
    'https://example.com?rel=traefik': 404,
  });
  table('Query(`mobile`)', 'v3', {
    'https://example.com': 404,
    'https://example.com?mobile': 200,
    'https://example.com?mobile=true': 404,
  });
  table('QueryRegexp(`q`, `^(traefik|nginx)$`)', 'v3', {
    'https://example.com?q=traefik': 200,
    'https://example.com?q=awesome&q=nginx': 200,
    'https://example.com?q=NGINX': 404,
    'https://example.com?Q=nginx': 404,
    'https://example.com?q=haproxy': 404,
    'https://example.com?rel=ddg': 404,
  });
  table('QueryRegexp(`q`, `^.*$`)', 'v3', {
    'https://example.com': 404,
    'https://example.com?q=TRAEFIK': 200,
    'https://example.com?Q=x': 404,
  });
  table('QueryRegexp(`q`, `{value:(traefik|nginx)}`)', 'v3', {
    'https://example.com?q=traefik': 404,
    'https://example.com?q={value:traefik}': 200,
  });
  // url.ParseQuery: + and %20 are spaces; the entry point turns ; into & (AllowQuerySemicolons).
  table('Query(`q`, `a b`)', 'v3', { 'https://x?q=a+b': 200, 'https://x?q=a%20b': 200, 'https://x?c;q=a+b': 200 });
  table('Query(`q`, `a;b`)', 'v3', { 'https://x?q=a;b': 404, 'https://x?q=a%3Bb': 200 });
});

test('mux_test.go TestMuxer', () => {
  table('Host(`127.0.0.1`)', 'v3', { 'http://127.0.0.1/foo': 200 });
  table('Host(`10::10`)', 'v3', { 'http://[10::10]/foo': 200 });
  table('Host(`localhost`) && PathPrefix(`/css`)', 'v3', { 'https://localhost/css': 200, 'https://localhost/js': 404 });
  table('Host(`example.com`) || Host(`example.org`)', 'v3', {
    'https://example.com/css': 200,
    'https://example.org/js': 200,
    'https://example.eu/html': 404,
  });
  for (const rule of [
    'Host("example.com") || (Host("example.org") && Path("/css"))',
    'Host("example.com") || Host("example.org") && Path("/css")',
  ]) {
    table(rule, 'v3', {
      'https://example.com/css': 200,
      'https://example.com/js': 200,
      'https://example.org/css': 200,
      'https://example.org/js': 404,
      'https://example.eu/css': 404,
    });
  }
  table('(Host("example.com") || Host("example.org")) && Path("/css")', 'v3', {
    'https://example.com/css': 200,
    'https://example.com/js': 404,
    'https://example.org/css': 200,
    'https://example.eu/css': 404,
  });
  table('!Host("example.com")', 'v3', { 'https://example.org': 200, 'https://example.com': 404 });
  table('!(Host("example.com") || Host("example.org"))', 'v3', {
    'https://example.eu/js': 200,
    'https://example.com/css': 404,
    'https://example.org/js': 404,
  });
  table('!(Host("example.com") && !Path("/css"))', 'v3', {
    'https://example.com/css': 200,
    'https://example.org/css': 200,
    'https://example.com/js': 404,
  });
  table('!(!(Host("example.com") && Pathprefix("/css")))', 'v3', {
    'https://example.com/css': 200,
    'https://example.com/js': 404,
    'https://example.org/css': 404,
  });
  table('!Host("example.com") && Pathprefix("/css")', 'v3', {
    'https://example.org/css': 200,
    'https://example.org/js': 404,
    'https://example.com/css': 404,
  });
});

test('mux_test.go TestRoutingPath, and what the path matchers see', () => {
  assert.equal(routingPath('/foo%20bar'), '/foo bar');
  assert.equal(routingPath('/foo%2Fbar'), '/foo%2Fbar');
  assert.equal(routingPath('/foo%20bar%2Fbaz%23qux'), '/foo bar%2Fbaz%23qux');
  assert.equal(routingPath('/caf%C3%A9'), '/café');
  assert.equal(routingPath('/bad%zz'), undefined);
  // server_entrypoint_tcp.go normalizePath: escapes upper-cased (so %2f stays encoded too),
  // unreserved ones decoded; denyFragment: a raw # is refused.
  assert.equal(routingPath('/a%2fb'), '/a%2Fb');
  assert.equal(routingPath('/%61%7e'), '/a~');
  assert.equal(routingPath('/a#b'), undefined);
  // sanitizePath (default on): path.Clean on the escaped path, a trailing slash kept.
  assert.equal(routingPath('/a/../b'), '/b');
  assert.equal(routingPath('//a//b/'), '/a/b/');
  assert.equal(routingPath('/a/./b/.'), '/a/b');
  assert.equal(routingPath('/a%2F..%2Fb'), '/a%2F..%2Fb');
  assert.equal(routingPath(''), '/');
  assert.equal(routingPath('*'), '*');
  assert.equal(routingPath('/a/../b', { sanitizePath: false }), '/a/../b');
  table('PathPrefix(`/foo bar`)', 'v3', { 'http://x/foo%20bar': 200 });
  table('Path(`/a/b`)', 'v3', { 'http://x/a%2Fb': 404, 'http://x/a/b': 200 });
  table('Path(`/a%2Fb`)', 'v3', { 'http://x/a%2Fb': 200, 'http://x/a%2fb': 200 });
  table('Path(`/b`)', 'v3', { 'http://x/a/../b': 200, 'http://x//b': 200 });
  // A path Go refuses never reaches a router, even a negated one.
  table('!Path(`/x`)', 'v3', { 'http://x/bad%zz': 404, 'http://x/y': 200 });
});

test('HostRegexp also tests the (empty) CNAME-flattened host, so a regexp matching "" matches all', () => {
  table('HostRegexp(`^$`)', 'v3', { 'http://example.com/': 200 });
  table('HostRegexp(`^x$`)', 'v3', { 'http://example.com/': 404, 'http://x/': 200 });
});

test('ClientIP: IPv6, CIDR, ports, IPv4-mapped addresses (matcher_v2_test.go Test_addRoute)', () => {
  byClientIP('ClientIP(`10::10`)', 'v3', { '10::10': 200, '[10::10]:443': 200, '::1': 404 });
  byClientIP('ClientIP(`10::/16`)', 'v3', { '10::10': 200, '11::': 404 });
  byClientIP('ClientIP(`10.0.0.0`)', 'v3', { '10.0.0.0:8456': 200, '::ffff:10.0.0.0': 200, '10.0.0.1': 404 });
  byClientIP('ClientIP(`10.0.0.0/16`)', 'v3', { '10.0.200.1': 200, '10.1.0.0': 404, '::ffff:10.0.3.4': 200 });
  byClientIP('ClientIP(`::ffff:10.0.0.0/104`)', 'v3', { '10.1.2.3': 200, '11.0.0.0': 404 });
  const tree = parseRule('ClientIP(`10.0.0.0/8`)', 'v3').tree!;
  assert.equal(matchRequestTri(tree, req('http://x/'), 'v3', compiled), undefined);
  assert.equal(matchRequest(tree, req('http://x/'), 'v3', compiled), false);
});

test('three-valued: what cannot be decided stays undefined, unless the rest decides', () => {
  // A request without a client address cannot decide ClientIP.
  const unknown = 'ClientIP(`10.0.0.0/8`)';
  const tri = (rule: string, url: string): boolean | undefined =>
    matchRequestTri(parseRule(rule, 'v3').tree!, req(url), 'v3', compiled);
  assert.equal(tri(unknown, 'http://x/A'), undefined);
  // Go folds a Unicode class under (?i): \p{Lu} then matches lower case too.
  assert.equal(tri('PathRegexp(`(?i)^/\\p{Lu}`)', 'http://x/a'), true);
  assert.equal(tri('PathRegexp(`^/\\p{Lu}`)', 'http://x/a'), false);
  assert.equal(tri(`${unknown} || Path(\`/x\`)`, 'http://x/x'), true);
  assert.equal(tri(`${unknown} && Path(\`/y\`)`, 'http://x/x'), false);
  assert.equal(tri(`!${unknown}`, 'http://x/x'), undefined);
  assert.equal(tri('PathRegexp(`(?i)^/abc$`)', 'http://x/ABC'), true);
  assert.equal(tri('PathRegexp(`^/(?i:k)$`)', 'http://x/\u212a'), true);
  assert.equal(tri('PathRegexp(`^/a.b$`)', 'http://x/a%0Ab'), false);
  assert.equal(tri('PathRegexp(`(?s)^/a.b$`)', 'http://x/a%0Ab'), true);
});

// pkg/muxer/http/matcher_v2_test.go
test('matcher_v2_test.go TestClientIPV2Matcher, TestMethodV2Matcher', () => {
  byClientIP('ClientIP(`127.0.0.1`, `192.168.1.0/24`)', 'v2', {
    '127.0.0.1': 200,
    '192.168.1.1': 200,
    '10.0.0.1': 404,
  });
  byClientIP('ClientIP(`11.0.0.0/16`, `10.0.0.0`)', 'v2', { '10.0.0.0': 200 });
  const tree = parseRule('Method(`GET`, `post`)', 'v2').tree!;
  for (const [method, want] of [
    ['GET', true],
    ['POST', true],
    ['PUT', false],
    ['get', false],
  ] as const) {
    assert.equal(matchRequest(tree, req('https://example.com', { method }), 'v2', compiled), want, method);
  }
});

test('matcher_v2_test.go TestHostV2Matcher', () => {
  table('Host(`example.com`, `example.org`)', 'v2', {
    'https://example.com': 200,
    'https://example.com:8080': 200,
    'https://EXAMPLE.COM/path': 200,
    'https://example.org/path': 200,
    'https://example.net': 404,
  });
  table('Host(`example.com.`)', 'v2', {
    'https://example.com': 200,
    'https://example.com.': 200,
    'https://example.org.': 404,
  });
  table('Host(`example.com`)', 'v2', { 'https://example.com.': 200, 'https://example.org.': 404 });
  table('HostHeader(`localhost`)', 'v2', { 'http://localhost/foo': 200, 'http://bar/foo': 404 });
  table('Host(`xn--9t9h.com`)', 'v2', { 'https://xn--9t9h.com': 200, 'https://🦭.com': 404 });
});

test('matcher_v2_test.go TestHostRegexpV2Matcher, TestHostRegexp', () => {
  table('HostRegexp(`(example.com`)', 'v2', { 'https://example.com': 404, 'https://example.com:8080': 404 });
  table('HostRegexp(`example.com`, `example.org`)', 'v2', {
    'https://example.com': 200,
    'https://example.com:8080': 200,
    'https://example.org/path': 200,
  });
  table('HostRegexp(`^[A-Z]+\\.com$`)', 'v2', { 'https://example.com': 404, 'https://EXAMPLE.com': 404 });
  table('HostRegexp(`{domain:[a-zA-Z-]+\\.com}`)', 'v2', { 'https://example.com': 200, 'https://example.org': 404 });
  for (const rule of [
    'HostRegexp(`{subdomain:(foo\\.)?bar\\.com}`)',
    'HostRegexp(`{subdomain:(?:foo\\.)?bar\\.com}`)',
  ]) {
    table(rule, 'v2', {
      'http://foo.bar.com': 200,
      'http://bar.com': 200,
      'http://fooubar.com': 404,
      'http://barucom': 404,
      'http://barcom': 404,
    });
  }
  for (const rule of [
    'HostRegexp(`{dummy:[A-Za-z-]+\\.bar\\.com}`)',
    'HostRegexp(`{dummy:[a-z-]+\\.bar\\.com}`)',
    'HostRegexp(`foo.bar.com`)',
  ]) {
    table(rule, 'v2', { 'http://FOO.bar.com': 200, 'http://foo.bar.com': 200, 'http://fooubar.com': 404 });
  }
});

test('matcher_v2_test.go TestPathV2Matcher, TestPathPrefixV2Matcher', () => {
  table('Path(`/css`, `/js`)', 'v2', {
    'https://example.com/html': 404,
    'https://example.org/css': 200,
    'https://example.com/css/': 404,
    'https://example.com/js': 200,
    'https://example.com/js/main.js': 404,
  });
  table('Path(`/css{path:(/.*)?}`)', 'v2', {
    'https://example.com': 404,
    'https://example.com/css/main.css': 200,
    'https://example.com/css/components/component.css': 200,
    'https://example.com/css.css': 404,
    'https://example.com/js/main.js': 404,
  });
  table('PathPrefix(`/css`, `/js`)', 'v2', {
    'https://example.com/html': 404,
    'https://example.com/css/main.css': 200,
    'https://example.com/js/': 200,
  });
  table('PathPrefix(`/css-{name:[0-9]?}`)', 'v2', {
    'https://example.com': 404,
    'https://example.com/css-1/main.css': 200,
    'https://example.org/css-222/main.css': 200,
    'https://example.com/css-333333/components/component.css': 200,
    'https://example.com/css.css': 404,
  });
  table('Path(`/users/{id}`)', 'v2', { 'http://x/users/42': 200, 'http://x/users/42/x': 404 });
});

test('matcher_v2_test.go TestHeadersMatcher, TestHeaderRegexpV2Matcher', () => {
  byHeaders('Headers(`x-forwarded-proto`, `https`)', 'v2', [
    [{ 'X-Forwarded-Proto': ['https'] }, 200],
    [{ 'X-Forwarded-Proto': ['http', 'https'] }, 200],
    [{ 'X-Forwarded-Host': ['example.com'] }, 404],
  ]);
  byHeaders('HeadersRegexp(`X-Forwarded-Proto`, `http{secure:s?}`)', 'v2', [
    [{ 'X-Forwarded-Proto': ['https'] }, 404],
    [{ 'X-Forwarded-Proto': ['http{secure:s}'] }, 200],
    [{ 'X-Forwarded-Proto': ['HTTP{secure:}'] }, 404],
  ]);
  byHeaders('Headers(`A`, `1`, `B`, `2`)', 'v2', [
    [{ A: ['1'], B: ['2'] }, 200],
    [{ A: ['1'] }, 404],
  ]);
});

test('matcher_v2_test.go Test_addRoute: Query', () => {
  table('Query(`foo=bar`, `bar=baz`)', 'v2', {
    'http://localhost/foo?foo=bar&bar=baz': 200,
    'http://localhost/foo?bar=baz': 404,
  });
  table('Query(`foo=b=ar`)', 'v2', { 'http://localhost/foo?foo=b=ar': 200, 'http://localhost/foo?foo=bar': 404 });
  // gorilla compares the first value only; an empty template value means any value.
  table('Query(`q=b`)', 'v2', { 'http://x/?q=b&q=a': 200, 'http://x/?q=a&q=b': 404 });
  table('Query(`q=`)', 'v2', { 'http://x/?q': 200, 'http://x/?q=1': 200, 'http://x/': 404 });
  table('Query(`id={id:[0-9]+}`)', 'v2', { 'http://x/?id=12': 200, 'http://x/?id=a1': 404 });
});

test('matcher_v2_test.go Test_addRoute: combinations', () => {
  table('Host(`nope`,`localhost`) && PathPrefix(`/foo`)', 'v2', {
    'http://localhost/foo': 200,
    'http://nope/foo': 200,
    'http://other/foo': 404,
  });
  table('Host(`nope,localhost`) && PathPrefix(`/bar`)', 'v2', { 'http://localhost/foo': 404 });
  table('Host("tchouk","pouet") && Path("/powpow", "/titi")', 'v2', {
    'http://tchouk/toto': 404,
    'http://tchouk/powpow': 200,
    'http://pouet/titi': 200,
    'http://plopi/a': 404,
  });
  table('!(Host("tchouk","pouet") && Path("/powpow", "/titi"))', 'v2', {
    'http://tchouk/toto': 200,
    'http://tchouk/powpow': 404,
    'http://pouet/titi': 404,
    'http://plopi/a': 200,
  });
  table('Host(`localhost.`)', 'v2', { 'http://localhost/foo': 200, 'http://localhost./foo': 200 });
});

test('a matcher Traefik cannot build (wrong count, empty argument) answers "cannot tell"', () => {
  const tri = (rule: string, url: string): boolean | undefined =>
    matchRequestTri(parseRule(rule, 'v3').tree!, req(url), 'v3', compiled);
  assert.equal(tri('Header(`X-A`)', 'http://x/'), undefined);
  assert.equal(tri('Host(``)', 'http://x/'), undefined);
  assert.equal(tri('Header(`X-A`) || Path(`/`)', 'http://x/'), true);
  assert.equal(tri('Header(`X-A`) && Path(`/a`)', 'http://x/'), false);
  assert.equal(
    matchRequestTri(parseRule('Headers(`X-A`, `1`, `2`)', 'v2').tree!, req('http://x/'), 'v2', compiled),
    undefined,
  );
});
