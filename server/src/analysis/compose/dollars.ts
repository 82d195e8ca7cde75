// Dollar signs compose's interpolation takes from a label value. compose-go's template package
// reads `$` followed by a letter or `_` as a variable (`$apr1`), and keeps `$` before a digit or
// anything else (`$2y`); `$$` is the escape for one `$` (the compose spec's 12-interpolation.md).
// An htpasswd hash (`$apr1$…`, `$2y$05$…`, `$6$…`) in a basicauth or digestauth `users` label
// is the usual victim: Traefik's docs say to double each `$` of the hash in a compose file.
import type { VariableUse } from './env/interpolate';
import type { Label } from './model';

/** The crypt prefixes htpasswd and mkpasswd write: MD5 (apr1, 1), bcrypt (2, 2a, 2b, 2x, 2y), SHA (5, 6), yescrypt. */
const HASH = /\$(?:apr1|2[abxy]?|[156]|y)\$/;
const USERS = /\.(?:basicauth|digestauth)\.users$/i;

/**
 * Unbraced `$NAME` uses in a label value that are a hash's or a password's dollars rather than
 * a variable: the value holds a crypt hash, or the label is a `users` list and the `$` stands
 * inside a word (after `user:`). A `$NAME` alone or after a comma in `users` may be meant.
 */
export function eatenDollars(label: Label): VariableUse[] {
  const i = label.interpolation;
  if (!i) return [];
  return hashDollars(i.written, i.result.variables, isUsersKey(label.key));
}

/** A basicauth or digestauth `users` label, whose values are `user:hash` words. */
export function isUsersKey(key: string): boolean {
  return USERS.test(key);
}

/** The uses of `written` (ranges in it) that are a hash's dollars; `users`: it is a users list. */
export function hashDollars(written: string, uses: readonly VariableUse[], users: boolean): VariableUse[] {
  const hash = HASH.test(written);
  if (!hash && !users) return [];
  return uses.filter((use) => {
    if (written[use.range.start + 1] === '{') return false;
    if (hash) return true;
    const before = written[use.range.start - 1];
    return before !== undefined && before !== ',' && before !== ' ';
  });
}

/** The written value with every lone `$` doubled (`$$` kept): what compose turns back into it. */
export function escapeDollars(written: string): string {
  // A replacer function's result is literal: each match (`$$` or a lone `$`) becomes `$$`.
  return written.replace(/\$\$|\$/g, () => '$$');
}
