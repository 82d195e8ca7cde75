// What Traefik's container runs, and so which words reach Traefik as flags. The official image's
// ENTRYPOINT (traefik/traefik-library-image alpine/entrypoint.sh) runs `traefik "$@"` when the
// first word of the command starts with `-` or is a Traefik subcommand, and `exec "$@"` (the
// command as is) otherwise; an `entrypoint:` replaces the image's (compose spec 05-services.md
// entrypoint). A container that starts Traefik from its own script (`entrypoint: [/bin/sh,
// start.sh]`, `command: sh -c "…"`) hands Traefik flags no compose file shows; so does one that
// mounts its own script over the image's /entrypoint.sh (the image's ENTRYPOINT, which then runs
// that script with the command: `./entrypoint.sh:/entrypoint.sh`, often an envsubst first).
import type { ComposeFile, Scalar } from '../../compose/model';

export interface Launch {
  /** The words Traefik receives as arguments (readFlags skips a leading `traefik`). */
  command?: { words: Scalar[]; file: ComposeFile };
  /** The program the container runs instead of Traefik (a shell, a script): its flags cannot be seen. */
  script?: Scalar;
}

const TRAEFIK = /(^|\/)traefik$/;
/** The image's own entrypoint, named again. */
const IMAGE_ENTRYPOINT = /^\/?entrypoint\.sh$/;
/** Traefik's subcommands (cmd/traefik/traefik.go AddCommand): the image's entrypoint runs them with traefik. */
const SUBCOMMANDS = new Set(['healthcheck', 'version']);

/**
 * `mountedEntrypoint`: the volume that mounts a file over the official image's /entrypoint.sh,
 * which the image's ENTRYPOINT then runs instead of its own.
 */
export function launch(
  entrypoint: { words: Scalar[]; file: ComposeFile } | undefined,
  command: { words: Scalar[]; file: ComposeFile } | undefined,
  mountedEntrypoint?: Scalar,
): Launch {
  const first = entrypoint?.words[0];
  const imageEntrypoint = !entrypoint || (first !== undefined && IMAGE_ENTRYPOINT.test(first.value));
  if (imageEntrypoint && mountedEntrypoint) return { script: mountedEntrypoint };
  if (entrypoint && first && !IMAGE_ENTRYPOINT.test(first.value)) {
    if (!TRAEFIK.test(first.value)) return { script: first };
    // `entrypoint: [traefik, --flags…]`: its words and the command's are Traefik's arguments.
    const own = entrypoint.words.slice(1);
    if (own.length === 0) return command ? { command } : {};
    if (command && command.file !== entrypoint.file) return { script: first };
    return { command: { words: [...own, ...(command?.words ?? [])], file: entrypoint.file } };
  }
  const word = command?.words[0]?.value;
  if (word === undefined || word.startsWith('-') || TRAEFIK.test(word) || SUBCOMMANDS.has(word)) return { command };
  return { script: command!.words[0] };
}
