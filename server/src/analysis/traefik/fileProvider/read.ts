// Reads one dynamic configuration file of the file provider the way Traefik does
// (pkg/provider/file/file.go loadFileConfig: the text is first run as a Go template, then decoded
// by paerser's file.DecodeContent, .toml as TOML and .yml/.yaml as YAML; any other extension
// is skipped in a directory). Keys are decoded like the static file's (file/raw_node.go), so
// the YAML walk is the static reader's; TOML is parsed with smol-toml.
import { firstDocument, readStaticFile } from '../staticConfig/file';
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
  /**
   * A template action may write names: one inside a key or a TOML table header, or one alone on
   * its line that prints text (`{{ template "x" . }}`, `{{ .Routers }}`) rather than steering it
   * (`range`, `if`, `else`, `with`, `end`, a comment). Otherwise the names it defines are the
   * ones written, only their values are rendered, and a name it lacks is missing (fileReferences.ts).
   */
  namesTemplated: boolean;
  /**
   * Some action steers the template (`if`, `range`, `with`, `define`, …): what is written may be
   * left out or repeated in what Traefik decodes.
   */
  steered: boolean;
  /** The file could not be walked here (see traefik/toml.ts): nothing in it is judged. */
  unread?: string;
  /** Go's template parser refuses the text (templateError): Traefik loads nothing from the file. */
  templateError?: { message: string; range: Range };
}

/** The format Traefik decodes a file name as; undefined for names the provider skips. */
export function dynamicFormat(file: string): DynamicFormat | undefined {
  const ext = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
  if (ext === 'toml') return 'toml';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  return undefined;
}

const ACTION = /\{\{[\s\S]*?\}\}/g;

/** Actions that steer the template without printing: text/template's control structures and comments. */
const CONTROL = /^\{\{-?\s*(?:range|if|else|with|end|define|block|break|continue|\/\*)\b/;

/** Whether some action of the text may print a name (see DynamicRead.namesTemplated). */
function mayWriteNames(text: string, format: DynamicFormat): boolean {
  for (const m of text.matchAll(ACTION)) {
    const at = m.index ?? 0;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = text.indexOf('\n', at + m[0].length);
    const before = text.slice(lineStart, at);
    const after = text.slice(at + m[0].length, lineEnd < 0 ? text.length : lineEnd);
    if (before.trim() === '' && after.trim() === '') {
      if (!CONTROL.test(m[0])) return true;
      continue;
    }
    // In a key: before the line's separator (YAML `key:`, TOML `key =`), or in a TOML table header.
    const separator = format === 'toml' ? /=/ : /:(?:\s|$)/;
    if (!separator.test(before.replace(/^\s*-\s/, ''))) {
      if (format === 'toml' ? /^\s*\[/.test(before) || /=/.test(after) : /:(?:\s|$)/.test(after)) return true;
    }
  }
  return false;
}

/**
 * The first error Go's template parser certainly meets, from the text alone: a backslash inside an
 * action outside a quoted string (`{{ env \"DOMAIN\" }}`, escaped as if the YAML string's escapes
 * applied inside the action). Traefik parses the file as a template before YAML or TOML sees it
 * (pkg/provider/file/file.go CreateConfiguration, tmpl.Parse), and in an action `\` is a
 * character that starts no operand (text/template/parse lex.go lexInsideAction emits it as a
 * char, parse.go command: 'unexpected "\\" in operand'). Anything less certain is not judged.
 */
function templateError(text: string): { message: string; range: Range } | undefined {
  for (const m of text.matchAll(ACTION)) {
    const action = m[0];
    if (/^\{\{-?\s*\/\*/.test(action)) continue; // a comment: anything goes
    let quote: string | undefined;
    for (let i = 2; i < action.length - 2; i++) {
      const c = action[i];
      if (quote) {
        if (c === '\\' && quote !== '`') i++;
        else if (c === quote) quote = undefined;
      } else if (c === '"' || c === '`' || c === "'") quote = c;
      else if (c === '\\') {
        const at = (m.index ?? 0) + i;
        return { message: 'unexpected "\\\\" in operand', range: { start: at, end: at + 1 } };
      }
    }
  }
  return undefined;
}

export function readDynamicFile(file: string, text: string, format: DynamicFormat): DynamicRead {
  const read = readRendered(file, text, format);
  const error = read.templated ? templateError(text) : undefined;
  return error ? { ...read, templateError: error } : read;
}

function readRendered(file: string, text: string, format: DynamicFormat): DynamicRead {
  const templated = text.includes('{{');
  const namesTemplated = templated && mayWriteNames(text, format);
  const steered = templated && [...text.matchAll(ACTION)].some((m) => CONTROL.test(m[0]));
  // Template actions become spaces (same offsets, same lines): the rest may still parse.
  const source = templated ? text.replace(ACTION, (a) => a.replace(/[^\n]/g, ' ')) : text;
  if (format === 'toml') return { ...readToml(file, source), templated, namesTemplated, steered };
  const read = readStaticFile(file, source, true);
  if (read.ok) return { format, keys: read.keys, settings: read.settings, templated, namesTemplated, steered };
  return {
    format,
    keys: read.keys,
    settings: read.settings,
    templated,
    namesTemplated,
    steered,
    syntaxError: read.refused ? { message: read.refused, range: { start: 0, end: 0 } } : yamlError(source),
  };
}

/** readStaticFile says only that the file does not parse; the yaml package's first error says why and where. */
function yamlError(text: string): { message: string; range: Range } {
  const error = firstDocument(text).errors[0];
  if (!error) return { message: 'not a YAML mapping', range: { start: 0, end: 0 } };
  // The range says where; the message's own " at line L, column C" is left out.
  const message = error.message
    .split('\n')[0]
    .replace(/:$/, '')
    .replace(/ at line \d+, column \d+$/, '');
  return { message, range: { start: error.pos[0], end: error.pos[1] } };
}

function readToml(file: string, text: string): Omit<DynamicRead, 'templated' | 'namesTemplated' | 'steered'> {
  const { keys, settings, error, unread } = readTomlFile(file, text);
  return { format: 'toml', keys, settings, ...(error ? { syntaxError: error } : {}), ...(unread ? { unread } : {}) };
}
