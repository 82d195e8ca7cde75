// What examples/musicshare-broken/EXPECTED.md promises, read from its table so the end-to-end
// tests (code-server and the desktop extension host) follow the document, not a copy of it.
import * as fs from 'fs';
import * as path from 'path';

/** The finding codes of the planted mistakes, one per finding (route-conflict on both routers), sorted. */
export function expectedBrokenCodes(root: string): string[] {
  const md = fs.readFileSync(path.join(root, 'examples', 'musicshare-broken', 'EXPECTED.md'), 'utf8');
  const table = md.slice(md.indexOf('## The mistakes'), md.indexOf('`yaml-error/'));
  const codes: string[] = [];
  for (const [, code, underlines] of table.matchAll(/^\| \d+ \| `([\w-]+)` \|[^|]*\|[^|]*\| ([^|]*) \|/gm)) {
    const times = /\((\d+) findings\)/.exec(underlines);
    for (let i = 0; i < Number(times?.[1] ?? 1); i++) codes.push(code);
  }
  return codes.sort();
}
