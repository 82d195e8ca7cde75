// Reads a TOML static configuration file (traefik.toml) into the same key paths as traefik.yml:
// paerser's file loader decodes .toml with a TOML parser into the same raw map it makes of YAML
// (github.com/traefik/paerser file/file.go DecodeContent, file/raw_node.go decodeRaw), so what
// Traefik reads of it is the same tree; smol-toml parses it here (fileProvider/toml.ts walks it).
import { parse as parseToml, TomlError } from 'smol-toml';
import type { Range } from '../../types';
import { tomlSettings } from '../fileProvider/toml';
import type { StaticFileRead } from './file';

export interface TomlRead extends StaticFileRead {
  /** Why the TOML parser stops, and where (Traefik does not start: "failed to decode configuration from file"). */
  error?: { message: string; range: Range };
  /** The file parses but could not be walked here (a shape this reader does not know): nothing in it is judged. */
  unread?: string;
}

export function readStaticToml(file: string, text: string): TomlRead {
  try {
    const { keys, settings } = tomlSettings(file, text, parseToml(text));
    return { keys, settings, ok: true };
  } catch (e) {
    if (!(e instanceof TomlError)) return { keys: [], settings: [], ok: false, unread: String(e) };
    const offset = offsetAt(text, e.line, e.column);
    return {
      keys: [],
      settings: [],
      ok: false,
      error: { message: e.message.split('\n')[0], range: { start: offset, end: offset } },
    };
  }
}

/** smol-toml's 1-based line and column as an offset into the text. */
export function offsetAt(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + Math.max(0, column - 1));
}
