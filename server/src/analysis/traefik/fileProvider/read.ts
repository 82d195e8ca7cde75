// Reads one dynamic configuration file of the file provider the way Traefik does
// (pkg/provider/file/file.go loadFileConfig: the text is first run as a Go template, then decoded
// by paerser's file.DecodeContent, .toml as TOML and .yml/.yaml as YAML; any other extension
// is skipped in a directory). Keys are decoded like the static file's (file/raw_node.go), so
// the YAML walk is the static reader's; TOML is parsed with smol-toml.
import { parseDocument } from 'yaml';
import { readStaticFile } from '../staticConfig/file';
import type { KeyPart, Setting } from '../staticConfig/setting';
import type { Range } from '../../types';
import { readToml as readTomlFile } from '../toml';

export type DynamicFormat = 'yaml' | 'toml';

export interface DynamicRead {
  format: DynamicFormat;
  /** Every key written, with its path (validation). */
  keys: KeyPart[][];
  settings: Setting[];
  /** Why Traefik cannot decode the file at all (it then refuses the whole file). */
  syntaxError?: { message: string; range: Range };
  /**
   * The file has Go template actions (`{{ … }}`): what it defines depends on how Traefik renders
   * it, so the names read from it are a guess and nothing in it is judged.
   */
  templated: boolean;
  /** The file could not be walked here (see traefik/toml.ts): nothing in it is judged. */
  unread?: string;
}

/** The format Traefik decodes a file name as; undefined for names the provider skips. */
export function dynamicFormat(file: string): DynamicFormat | undefined {
  const ext = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
  if (ext === 'toml') return 'toml';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  return undefined;
}

const ACTION = /\{\{[\s\S]*?\}\}/g;

export function readDynamicFile(file: string, text: string, format: DynamicFormat): DynamicRead {
  const templated = text.includes('{{');
  // Template actions become spaces (same offsets, same lines): the rest may still parse.
  const source = templated ? text.replace(ACTION, (a) => a.replace(/[^\n]/g, ' ')) : text;
  if (format === 'toml') return { ...readToml(file, source), templated };
  const read = readStaticFile(file, source, true);
  if (read.ok) return { format, keys: read.keys, settings: read.settings, templated };
  return {
    format,
    keys: read.keys,
    settings: read.settings,
    templated,
    syntaxError: read.refused ? { message: read.refused, range: { start: 0, end: 0 } } : yamlError(source),
  };
}

/** readStaticFile says only that the file does not parse; the yaml package's first error says why and where. */
function yamlError(text: string): { message: string; range: Range } {
  const error = parseDocument(text, { merge: true, uniqueKeys: false }).errors[0];
  if (!error) return { message: 'not a YAML mapping', range: { start: 0, end: 0 } };
  return { message: error.message.split('\n')[0].replace(/:$/, ''), range: { start: error.pos[0], end: error.pos[1] } };
}

function readToml(file: string, text: string): Omit<DynamicRead, 'templated'> {
  const { keys, settings, error, unread } = readTomlFile(file, text);
  return { format: 'toml', keys, settings, ...(error ? { syntaxError: error } : {}), ...(unread ? { unread } : {}) };
}
