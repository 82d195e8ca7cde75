// Names and values from the files reach hovers as Markdown. Written between plain backticks,
// a router named "a`[x](https://evil)`" would close the code span and add a link; so every name
// is quoted by codeSpan, and free text from a file by escapeMarkdown (CommonMark 0.31: code
// spans, backslash escapes).

/** `s` as one inline code span, whatever backticks or line breaks it holds. */
export function codeSpan(s: string): string {
  const text = s.replace(/\r\n?|\n/g, ' ');
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  // A span starting or ending with a backtick needs a space inside the fence (stripped again).
  const pad = /^`|`$/.test(text) || /^ .* $/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** `s` as literal text: every ASCII punctuation character Markdown could read is escaped. */
export function escapeMarkdown(s: string): string {
  return s.replace(/\r\n?|\n/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>~&"'=:]/g, '\\$&');
}
