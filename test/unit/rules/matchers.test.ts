import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRule, type RuleProtocol, type RuleSyntax } from '../../../server/src/analysis/rules';

type Seen = [string, string, string];
type Case = [rule: string, problems: Seen[]];

function check(cases: Case[], syntax: RuleSyntax, protocol: RuleProtocol, source: string): void {
  for (const [rule, want] of cases) {
    test(`${source} (${syntax} ${protocol}): ${rule}`, () => {
      const got = parseRule(rule, syntax, protocol);
      const seen = got.problems.map((p) => [p.severity, p.kind, rule.slice(p.start, p.end)]);
      assert.deepEqual(seen, want);
      // Matcher-level problems keep the tree; only parse failures drop it.
      assert.ok(got.tree, 'tree expected');
    });
  }
}

const ok: Seen[] = [];
const error = (kind: string, slice: string): Seen => ['error', kind, slice];
const warning = (kind: string, slice: string): Seen => ['warning', kind, slice];

// pkg/muxer/http/matcher_test.go (TestClientIPMatcher, TestMethodMatcher, TestHostMatcher,
// TestHostRegexpMatcher, TestPathMatcher, TestPathRegexpMatcher, TestPathPrefixMatcher,
// TestHeaderMatcher, TestHeaderRegexpMatcher, TestQueryMatcher, TestQueryRegexpMatcher).
check(
  [
    ['ClientIP(`1`)', [error('bad-ip', '`1`')]],
    ['ClientIP()', [error('arg-count', 'ClientIP()')]],
    ['ClientIP(``)', [error('empty-arg', '``')]],
    ['ClientIP(`127.0.0.1`, `192.168.1.0/24`)', [error('v2-multi-arg', 'ClientIP(`127.0.0.1`, `192.168.1.0/24`)')]],
    ['ClientIP(`127.0.0.1`)', ok],
    ['ClientIP(`192.168.1.0/24`)', ok],
    ['ClientIP(`10::/16`)', ok],
    ['ClientIP(`10.0.0.256`)', [error('bad-ip', '`10.0.0.256`')]],
    ['ClientIP(`10.0.0.0/33`)', [error('bad-ip', '`10.0.0.0/33`')]],
    ['Method()', [error('arg-count', 'Method()')]],
    ['Method(``)', [error('empty-arg', '``')]],
    ['Method(`GET`, `POST`)', [error('v2-multi-arg', 'Method(`GET`, `POST`)')]],
    ['Method(`GET`)', ok],
    ['Method(`get`)', ok],
    ['Host()', [error('arg-count', 'Host()')]],
    ['Host(``)', [error('empty-arg', '``')]],
    ['Host(`🦭.com`)', [error('not-ascii', '`🦭.com`')]],
    ['Host(`example.com`, `example.org`)', [error('v2-multi-arg', 'Host(`example.com`, `example.org`)')]],
    ['Host(`example.com`)', ok],
    ['Host(`example.com.`)', ok],
    ['Host(`EXAMPLE.COM`)', ok],
    ['Host(`xn--9t9h.com`)', ok],
    ['Host(`*.example.com`)', ok],
    ['Host(`*`)', ok],
    ['HostRegexp()', [error('arg-count', 'HostRegexp()')]],
    ['HostRegexp(``)', [error('empty-arg', '``')]],
    ['HostRegexp(`🦭.com`)', [error('not-ascii', '`🦭.com`')]],
    ['HostRegexp(`(example.com`)', [error('bad-regexp', '(')]],
    ['HostRegexp(`example.com`, `example.org`)', [error('v2-multi-arg', 'HostRegexp(`example.com`, `example.org`)')]],
    ['HostRegexp(`^[a-zA-Z-]+\\.com$`)', ok],
    ['HostRegexp(`^[A-Z]+\\.com$`)', [warning('host-case', '[A-Z]')]],
    ['HostRegexp(`{domain:[a-zA-Z-]+\\.com}`)', [warning('v2-placeholder', '{domain:[a-zA-Z-]+\\.com}')]],
    ['Path()', [error('arg-count', 'Path()')]],
    ['Path(``)', [error('empty-arg', '``')]],
    ['Path(`css`)', [error('path-no-slash', '`css`')]],
    ['Path(`/css`, `/js`)', [error('v2-multi-arg', 'Path(`/css`, `/js`)')]],
    ['Path(`/css`)', ok],
    ['PathRegexp()', [error('arg-count', 'PathRegexp()')]],
    ['PathRegexp(``)', [error('empty-arg', '``')]],
    ['PathRegexp(`/(css`)', [error('bad-regexp', '(')]],
    // PathRegexp has no v2 form, so this is a plain count error on the extra argument.
    ['PathRegexp(`/css`, `/js`)', [error('arg-count', '`/js`')]],
    ['PathRegexp(`^/(css|js)`)', ok],
    ['PathRegexp("/{path:(css|js)}")', [warning('v2-placeholder', '{path:(css|js)}')]],
    ['PathPrefix()', [error('arg-count', 'PathPrefix()')]],
    ['PathPrefix(``)', [error('empty-arg', '``')]],
    ['PathPrefix(`css`)', [error('path-no-slash', '`css`')]],
    ['PathPrefix(`/css`, `/js`)', [error('v2-multi-arg', 'PathPrefix(`/css`, `/js`)')]],
    ['PathPrefix("/css")', ok],
    ['Header()', [error('arg-count', 'Header()')]],
    ['Header(`X-Forwarded-Host`)', [error('arg-count', 'Header(`X-Forwarded-Host`)')]],
    ['Header(`X-Forwarded-Host`, ``)', [error('empty-arg', '``')]],
    ['Header(``, `example.com`)', [error('empty-arg', '``')]],
    ['Header(`X-Forwarded-Host`, `example.com`, `example.org`)', [error('arg-count', '`example.org`')]],
    ['Header(`X-Forwarded-Proto`, `https`)', ok],
    ['Header(`x-forwarded-proto`, `https`)', ok],
    ['HeaderRegexp()', [error('arg-count', 'HeaderRegexp()')]],
    ['HeaderRegexp(`X-Forwarded-Host`)', [error('arg-count', 'HeaderRegexp(`X-Forwarded-Host`)')]],
    ['HeaderRegexp(`X-Forwarded-Host`, ``)', [error('empty-arg', '``')]],
    ['HeaderRegexp(``, `example.com`)', [error('empty-arg', '``')]],
    ['HeaderRegexp(`X-Forwarded-Host`,`(example.com`)', [error('bad-regexp', '(')]],
    ['HeaderRegexp(`X-Forwarded-Host`, `example.com`, `example.org`)', [error('arg-count', '`example.org`')]],
    ['HeaderRegexp(`X-Forwarded-Proto`, `^https?$`)', ok],
    ['HeaderRegexp(`X-Forwarded-Proto`, `http{secure:s?}`)', [warning('v2-placeholder', '{secure:s?}')]],
    ['Query()', [error('arg-count', 'Query()')]],
    ['Query(``)', [error('empty-arg', '``')]],
    ['Query(``, `traefik`)', [error('empty-arg', '``')]],
    ['Query(`q`, ``)', [error('empty-arg', '``')]],
    ['Query(`q`, `traefik`, `proxy`)', [error('arg-count', '`proxy`')]],
    ['Query(`q`, `traefik`)', ok],
    ['Query(`mobile`)', ok],
    ['QueryRegexp()', [error('arg-count', 'QueryRegexp()')]],
    ['QueryRegexp(``)', [error('empty-arg', '``')]],
    ['QueryRegexp(`q`, `(traefik`)', [error('bad-regexp', '(')]],
    ['QueryRegexp(`q`, `traefik`, `proxy`)', [error('arg-count', '`proxy`')]],
    ['QueryRegexp(`q`, `^(traefik|nginx)$`)', ok],
    ['QueryRegexp(`q`, `^.*$`)', ok],
    ['QueryRegexp(`q`, `{value:(traefik|nginx)}`)', [warning('v2-placeholder', '{value:(traefik|nginx)}')]],
  ],
  'v3',
  'http',
  'matcher_test.go',
);

// Accepted by Traefik, but never what the author meant.
check(
  [
    ['HostRegexp(`{sub:[a-z]+}.x.com`)', [warning('v2-placeholder', '{sub:[a-z]+}')]],
    ['PathPrefix(`/api/{id:[0-9]+}`)', [warning('v2-placeholder', '{id:[0-9]+}')]],
    ['Path(`/users/{id}`)', [warning('v2-placeholder', '{id}')]],
    ['Host(`{sub}.example.com`)', [warning('v2-placeholder', '{sub}')]],
    ['Query(`id`, `{id:[0-9]+}`)', [warning('v2-placeholder', '{id:[0-9]+}')]],
    ['Query(`a=b`)', [warning('v2-query', '`a=b`')]],
    ['Query(`a=b`, `c=d`)', [warning('v2-query', '`a=b`')]],
    ['Host(`example.com:8080`)', [warning('host-port', '`example.com:8080`')]],
    ['Host(`[::1]:8080`)', [warning('host-port', '`[::1]:8080`')]],
    ['Host(`10::10`)', ok],
    ['Host(`https://example.com/app`)', [warning('host-not-hostname', '`https://example.com/app`')]],
    ['Host(`example.com/app`)', [warning('host-not-hostname', '`example.com/app`')]],
    ['Host(`a.*.example.com`)', [warning('host-wildcard', '*')]],
    ['Host(`*example.com`)', [warning('host-wildcard', '*')]],
    ['HostRegexp(`^API\\.example\\.com$`)', [warning('host-case', 'A')]],
    ['HostRegexp(`(?i)^API\\.example\\.com$`)', ok],
    ['HostRegexp(`^[a-z]+\\.example\\.com$`)', ok],
    ['HostRegexp(`^x{2}\\.example\\.com$`)', ok],
    ['Path(`/api?version=2`)', [warning('path-query', '?version=2')]],
    ['Path(`/a/../b`)', [warning('path-not-clean', '/..')]],
    ['PathPrefix(`/a/.`)', ok], // /a/.well-known still matches
    ['PathPrefix(`/a/`)', ok],
    ['PathPrefix(`/a/.well-known`)', ok],
    ['Path(`/a/`)', ok],
    ['Header(`Host`, `example.com`)', [warning('header-host', '`Host`')]],
    ['HeaderRegexp(`host`, `.*`)', [warning('header-host', '`host`')]],
    // RE2 rejects lookarounds and backreferences that JavaScript would accept.
    ['PathRegexp(`^/(?!admin)`)', [error('bad-regexp', '(?!')]],
    ['PathRegexp(`^/(a)\\1`)', [error('bad-regexp', '\\1')]],
    ['PathRegexp(`^/a{1001}`)', [error('bad-regexp', '{1001}')]],
    ['PathRegexp(`^/a**`)', [error('bad-regexp', '**')]],
    ['PathRegexp(`^/[z-a]`)', [error('bad-regexp', 'z-a')]],
    ['PathRegexp("^/\\\\d+(")', [error('bad-regexp', '(')]],
  ],
  'v3',
  'http',
  'warnings',
);

// pkg/muxer/http/matcher_v2_test.go (TestClientIPV2Matcher ... TestHeaderRegexpV2Matcher, Test_addRoute).
check(
  [
    ['ClientIP(`1`)', [error('bad-ip', '`1`')]],
    ['ClientIP()', [error('arg-count', 'ClientIP()')]],
    ['ClientIP(``)', [error('empty-arg', '``')]],
    ['ClientIP(`127.0.0.1`, `192.168.1.0/24`)', ok],
    ['ClientIP(`invalid`)', [error('bad-ip', '`invalid`')]],
    ['Method()', [error('arg-count', 'Method()')]],
    ['Method(``)', [error('empty-arg', '``')]],
    ['Method(`GET`, `POST`)', ok],
    ['Host()', [error('arg-count', 'Host()')]],
    ['Host(``)', [error('empty-arg', '``')]],
    ['Host(`🦭.com`)', [error('not-ascii', '`🦭.com`')]],
    ['Host(`locàlhost`)', [error('not-ascii', '`locàlhost`')]],
    ['Host(`example.com`, `example.org`)', ok],
    ['HostHeader(`localhost`)', ok],
    ['HostRegexp()', [error('arg-count', 'HostRegexp()')]],
    ['HostRegexp(``)', [error('empty-arg', '``')]],
    ['HostRegexp(`🦭.com`)', [error('not-ascii', '`🦭.com`')]],
    ['HostRegexp(`locàlhost`)', [error('not-ascii', '`locàlhost`')]],
    // "This is weird": accepted, the parenthesis is a literal character, nothing matches.
    ['HostRegexp(`(example.com`)', [warning('v2-literal-regexp', '(')]],
    ['HostRegexp(`example.com`, `example.org`)', ok],
    ['HostRegexp(`^[A-Z]+\\.com$`)', [warning('v2-literal-regexp', '^')]],
    ['HostRegexp(`{domain:[a-zA-Z-]+\\.com}`)', ok],
    ['HostRegexp(`{subdomain:(foo\\.)?bar\\.com}`)', ok],
    ['HostRegexp("{test")', [error('bad-template', '{')]],
    ['HostRegexp(`{sub:(}.a.com`)', [error('bad-regexp', '(')]],
    ['HostRegexp(`{:[a-z]+}.a.com`)', [error('bad-template', '{:[a-z]+}')]],
    ['Path()', [error('arg-count', 'Path()')]],
    ['Path(``)', [error('empty-arg', '``')]],
    ['Path(`css`)', [error('path-no-slash', '`css`')]],
    ['Path(`/css`, `/js`)', ok],
    ['Path(`/css{path:(/.*)?}`)', ok],
    ['Path("titi")', [error('path-no-slash', '"titi"')]],
    ['Host("tchouk") && Path("", "/titi")', [error('empty-arg', '""')]],
    ['PathPrefix()', [error('arg-count', 'PathPrefix()')]],
    ['PathPrefix(``)', [error('empty-arg', '``')]],
    ['PathPrefix(`css`)', [error('path-no-slash', '`css`')]],
    ['PathPrefix(`/css`, `/js`)', ok],
    ['PathPrefix(`/css-{name:[0-9]?}`)', ok],
    ['PathPrefix(`/api/.*`)', [warning('v2-literal-regexp', '*')]],
    ['Headers()', [error('arg-count', 'Headers()')]],
    ['Headers(`X-Forwarded-Host`)', [error('arg-count', 'Headers(`X-Forwarded-Host`)')]],
    ['Headers(`X-Forwarded-Host`, ``)', [error('empty-arg', '``')]],
    ['Headers(``, `example.com`)', [error('empty-arg', '``')]],
    [
      'Headers(`X-Forwarded-Host`, `example.com`, `example.org`)',
      [error('arg-count', 'Headers(`X-Forwarded-Host`, `example.com`, `example.org`)')],
    ],
    ['Headers(`X-Forwarded-Proto`, `https`)', ok],
    ['HeadersRegexp(`X-Forwarded-Host`)', [error('arg-count', 'HeadersRegexp(`X-Forwarded-Host`)')]],
    ['HeadersRegexp(`X-Forwarded-Host`, ``)', [error('empty-arg', '``')]],
    ['HeadersRegexp(``, `example.com`)', [error('empty-arg', '``')]],
    ['HeadersRegexp(`X-Forwarded-Host`,`(example.com`)', [error('bad-regexp', '(')]],
    ['HeadersRegexp(`X-Forwarded-Proto`, `^https?$`)', ok],
    ['Query("titi")', [error('query-form', '"titi"')]],
    ['Query("titi={test")', [error('bad-template', '{')]],
    ['Query(`foo=bar`, `bar=baz`)', ok],
    ['Query(`foo=b=ar`)', ok],
    ['Query(`foo`, `bar`)', ok], // gorilla pairs the split pieces: same as foo=bar
    ['Query(`a={id}`, `b={id}`)', [error('bad-template', '{id}')]],
    ['Host(`*.example.com`)', [warning('host-wildcard', '*')]],
    ['Host(`{sub}.example.com`)', [warning('v2-placeholder', '{sub}')]],
  ],
  'v2',
  'http',
  'matcher_v2_test.go',
);

test('matcher_v2_test.go: v3-only matchers are unknown under v2', () => {
  for (const [rule, name] of [
    ['HeaderRegexp()', 'HeaderRegexp'],
    ['Header(`a`, `b`)', 'Header'],
    ['PathRegexp(`^/a`)', 'PathRegexp'],
    ['QueryRegexp(`a`, `b`)', 'QueryRegexp'],
  ]) {
    const got = parseRule(rule, 'v2');
    assert.equal(got.tree, undefined);
    assert.deepEqual(
      got.problems.map((p) => [p.kind, rule.slice(p.start, p.end)]),
      [['unknown-matcher', name]],
    );
  }
});

// pkg/muxer/tcp/matcher_test.go (Test_HostSNI, Test_HostSNIRegexp, Test_ClientIP, Test_ALPN).
check(
  [
    ['HostSNI(``)', [error('empty-arg', '``')]],
    ['HostSNI(`example.com`, `example.org`)', [error('v2-multi-arg', 'HostSNI(`example.com`, `example.org`)')]],
    ['HostSNI(`🦭.com`)', [error('bad-hostsni', '`🦭.com`')]],
    ['HostSNI(`xn--9t9h.com`)', ok],
    ['HostSNI(`*`)', ok],
    ['HostSNI(`example.com.`)', ok],
    ['HostSNI(`foo_bar.example.com`)', ok],
    ['HostSNI(`*.example.com`)', ok],
    ['HostSNI(`*.*.example.com`)', [error('bad-hostsni', '`*.*.example.com`')]],
    ['HostSNIRegexp(``)', [error('empty-arg', '``')]],
    ['HostSNIRegexp(`🦭.com`)', [error('not-ascii', '`🦭.com`')]],
    ['HostSNIRegexp(`(example.com`)', [error('bad-regexp', '(')]],
    [
      'HostSNIRegexp(`example.com`, `example.org`)',
      [error('v2-multi-arg', 'HostSNIRegexp(`example.com`, `example.org`)')],
    ],
    ['HostSNIRegexp(`^example\\.(com|org)$`)', ok],
    ['HostSNIRegexp(`example.{tld:(com|org)}`)', [warning('v2-placeholder', '{tld:(com|org)}')]],
    ['ClientIP(``)', [error('empty-arg', '``')]],
    ['ClientIP(`🦭/32`)', [error('bad-ip', '`🦭/32`')]],
    ['ClientIP(`127.0.0.1`, `127.0.0.2`)', [error('v2-multi-arg', 'ClientIP(`127.0.0.1`, `127.0.0.2`)')]],
    ['ClientIP(`20.20.20.20/24`)', ok],
    ['ALPN(`acme-tls/1`)', [error('alpn-acme', '`acme-tls/1`')]],
    ['ALPN(``)', [error('empty-arg', '``')]],
    ['ALPN(`h2`, `mqtt`)', [error('v2-multi-arg', 'ALPN(`h2`, `mqtt`)')]],
    ['ALPN(`h2`)', ok],
  ],
  'v3',
  'tcp',
  'tcp/matcher_test.go',
);

// pkg/muxer/tcp/matcher_v2_test.go.
check(
  [
    ['HostSNI()', [error('arg-count', 'HostSNI()')]],
    ['HostSNI(`foobar`, `bar`)', ok],
    ['HostSNI(`*.example.com`)', [error('bad-hostsni', '`*.example.com`')]],
    ['HostSNIRegexp(`{subdomain:[a-z]+}.foobar`)', ok],
    ['HostSNIRegexp(`{dummy}`)', ok],
    ['HostSNIRegexp(`{sub:(}`)', [error('bad-regexp', '(')]],
    ['ClientIP(`invalid`)', [error('bad-ip', '`invalid`')]],
    ['ClientIP(`10.0.0.1`, `10.0.0.0`)', ok],
    ['ALPN(`foo`, `acme-tls/1`)', [error('alpn-acme', '`acme-tls/1`')]],
  ],
  'v2',
  'tcp',
  'tcp/matcher_v2_test.go',
);

test('problem ranges inside double-quoted literals follow the escapes', () => {
  const rule = 'PathRegexp("^/\\u00e9(x")';
  const p = parseRule(rule, 'v3').problems[0];
  assert.equal(rule.slice(p.start, p.end), '(');
});

test('suggestions replace exactly the problem range', () => {
  const fix = (rule: string, syntax: RuleSyntax = 'v3', protocol: RuleProtocol = 'http'): string => {
    const p = parseRule(rule, syntax, protocol).problems[0];
    assert.ok(p.suggestion !== undefined, `no suggestion for ${rule}`);
    return rule.slice(0, p.start) + p.suggestion + rule.slice(p.end);
  };
  assert.equal(fix('Path(`css`)'), 'Path(`/css`)');
  assert.equal(fix('Host(`🦭.com`)'), 'Host(`xn--9t9h.com`)');
  assert.equal(fix('Query(`a=b`)'), 'Query(`a`, `b`)');
  assert.equal(fix('Host(`example.com:8080`)'), 'Host(`example.com`)');
  assert.equal(fix('Host(`https://example.com/x`)'), 'Host(`example.com`)');
  assert.equal(fix('Host(`a`, `b`) && Path(`/`)'), 'Host(`a`) || Host(`b`) && Path(`/`)');
  assert.equal(fix('HostRegexp(`{sub:[a-z]+}\\.x\\.com`)'), 'HostRegexp(`[a-z]+\\.x\\.com`)');
  assert.equal(fix('Query(`titi`)', 'v2'), 'Query(`titi=value`)');
  assert.equal(fix('HostSNI(`🦭.com`)', 'v3', 'tcp'), 'HostSNI(`xn--9t9h.com`)');
});

test('warning messages give the v3 spelling of a v2 template', () => {
  const message = (rule: string): string => parseRule(rule, 'v3').problems[0].message;
  assert.match(message('HostRegexp(`{sub:[a-z]+}.x.com`)'), /use HostRegexp\(`\^\[a-z\]\+\\\.x\\\.com\$`\)/);
  assert.match(message('PathPrefix(`/api/{id:[0-9]+}`)'), /use PathRegexp\(`\^\/api\/\[0-9\]\+`\)/);
  assert.match(message('Path(`/users/{id}`)'), /use PathRegexp\(`\^\/users\/\[\^\/\]\+\$`\)/);
  assert.match(message('Query(`id`, `{id:[0-9]+}`)'), /use QueryRegexp\(`id`, `\^\[0-9\]\+\$`\)/);
});
