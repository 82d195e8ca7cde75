// Reads the Traefik service's `command:` words as Traefik's flag parser does
// (github.com/traefik/paerser flag/flagparser.go parseOne):
// `--name=value`; `--name` alone is "true" for bool fields and pointers to structs and otherwise
// takes the next word as its value; `--` or the first word that is not a flag ends the flags.
// A flag Traefik does not know never takes a next word that is itself a flag (schema.ts takesValue).
import { hasInterpolation } from '../../compose/labels';
import type { Scalar } from '../../compose/model';
import type { MajorVersion } from '../static';
import { isBoolFlag, takesValue } from './schema';
import type { KeyPart } from './setting';

export interface Flag {
  /** The name as written, without the leading dashes: `entryPoints.web.address`. */
  name: string;
  value: string;
  /** The word holding the name (and the value after `=`). */
  word: Scalar;
  /** Key segments with their ranges in the compose file (the whole word when not exact). */
  segments: KeyPart[];
  /** The value was the next word (`--entrypoints.web.address :80`). */
  valueWord?: Scalar;
  /** Name or value holds compose interpolation (`${VAR}`, `$VAR`). */
  interpolated: boolean;
  /** The last word is a flag that needs a value and has none: Traefik stops on it. */
  missingValue?: boolean;
}

export interface FlagRead {
  flags: Flag[];
  /** Words after the point where paerser stops reading flags (they configure nothing). */
  unread: Scalar[];
}

/**
 * The flags of a Traefik `command:`. A leading `traefik` word is skipped: the image's entrypoint
 * runs `traefik` with the arguments when the first one starts with `-`, else the command as is.
 */
export function readFlags(words: readonly Scalar[], text: string, version: MajorVersion): FlagRead {
  let rest = [...words];
  if (rest.length > 0 && /(^|\/)traefik$/.test(rest[0].value)) rest = rest.slice(1);
  const flags: Flag[] = [];
  while (rest.length > 0) {
    const word = rest[0];
    const s = word.value;
    if (s.length < 2 || s[0] !== '-') break;
    const dashes = s[1] === '-' ? 2 : 1;
    if (s === '--') {
      rest = rest.slice(1);
      break;
    }
    const body = s.slice(dashes);
    // paerser fails on `---x` and `--=x` ("bad flag syntax"); nothing here to configure.
    if (body === '' || body[0] === '-' || body[0] === '=') break;
    rest = rest.slice(1);
    const eq = body.indexOf('=', 1);
    const name = eq < 0 ? body : body.slice(0, eq);
    const segments = keyParts(word, name, dashes, text);
    const texts = segments.map((p) => p.text);
    let value: string;
    let valueWord: Scalar | undefined;
    if (eq >= 0) value = body.slice(eq + 1);
    else if (isBoolFlag(texts, version)) value = 'true';
    else if (rest.length > 0 && (takesValue(texts, version) || !rest[0].value.startsWith('-'))) {
      valueWord = rest[0];
      value = valueWord.value;
      rest = rest.slice(1);
    } else if (!takesValue(texts, version)) {
      value = 'true';
    } else {
      // paerser: "flag needs an argument"; kept so that its name can be checked.
      flags.push({ name, value: '', word, segments, interpolated: hasInterpolation(s), missingValue: true });
      break;
    }
    flags.push({
      name,
      value,
      word,
      segments,
      valueWord,
      interpolated: hasInterpolation(s) || hasInterpolation(value),
    });
  }
  return { flags, unread: rest };
}

/** Offset of a word's value in the file when its source is the value itself, maybe quoted. */
function valueStart(word: Scalar, text: string): number | undefined {
  const raw = text.slice(word.range.start, word.range.end);
  if (raw === word.value) return word.range.start;
  const q = raw[0];
  if ((q === '"' || q === "'") && raw === `${q}${word.value}${q}` && !/["'\\]/.test(word.value)) {
    return word.range.start + 1;
  }
  return undefined;
}

function keyParts(word: Scalar, name: string, dashes: number, text: string): KeyPart[] {
  const start = valueStart(word, text);
  let from = 0;
  return name.split('.').map((part) => {
    const range =
      start === undefined ? word.range : { start: start + dashes + from, end: start + dashes + from + part.length };
    from += part.length + 1;
    return { text: part, range };
  });
}
