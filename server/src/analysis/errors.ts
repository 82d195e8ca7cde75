// What a caught value says, in the one wording every layer uses: the core, the language server,
// the CLI and the extension. A thrown value need not be an Error (a rejected string, a number).

/** The message, for a user: `Error.message`, else the thrown value as text. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The message with its stack, for a log. */
export function describe(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}
