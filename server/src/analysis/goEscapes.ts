// The one-letter escapes of a Go interpreted string literal (go.dev/ref/spec#Rune_literals),
// as strconv.Unquote decodes them. Traefik's rule parser (vulcand/predicate, Go string
// literals) and compose-go's .env reader (dotenv/parser.go expandEscapes) both read them.
export const GO_ESCAPES: Readonly<Record<string, string>> = Object.freeze({
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
});
