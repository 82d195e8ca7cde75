// Strings from Traefik's API and Docker are written by whoever configures them (a router name,
// a container label, an error message). Printed to a terminal, an escape sequence in one can
// rewrite the screen, set the window title or hide lines; a newline can forge a line. This
// removes terminal control sequences, control characters and bidirectional overrides.

// ESC [ ... final (CSI), ESC ] ... BEL/ST (OSC), ESC P/X/^/_ ... ST (DCS, SOS, PM, APC), a
// two-character ESC sequence, and the 8-bit CSI (U+009B).
const SEQUENCE =
  /\x1b\[[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[PX^_][^\x1b]*(?:\x1b\\)?|\x1b[ -~]?|\x9b[0-?]*[ -/]*[@-~]?/g;
const CONTROL = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** `text` without terminal escape sequences; line breaks and tabs become spaces. */
export function printable(text: string): string {
  return text
    .replace(SEQUENCE, '')
    .replace(/[\t\r\n]/g, ' ')
    .replace(CONTROL, '');
}

/** A copy of decoded JSON (or any plain data) with every string made printable, keys included. */
export function printableDeep<T>(value: T): T {
  if (typeof value === 'string') return printable(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => printableDeep(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[printable(k)] = printableDeep(v);
    return out as T;
  }
  return value;
}
