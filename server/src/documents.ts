// The documents the client has open, found by uri or by file path, and the rule for which of
// them are compose files. An open document's text always wins over the file on disk.
import * as path from 'path';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'url';
import { COMPOSE_LANGUAGE_IDS } from './protocol';
import { isComposeFileName } from './workspace';
import { isTraefikConfiguration } from './analysis';
import { DEFAULT_FILE_NAMES, DEFAULT_OVERRIDE_NAMES } from './analysis/compose/project';

/** The names compose loads by itself in a folder: such a file is a compose file whatever it holds. */
const DEFAULT_NAMES = [...DEFAULT_FILE_NAMES, ...DEFAULT_OVERRIDE_NAMES];

/** The file path of a `file:` uri; undefined for other schemes (untitled, git, ...). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(file: string): string {
  return pathToFileURL(file).href;
}

export class Documents {
  readonly all = new TextDocuments(TextDocument);
  /** path -> uri as the client spelled it, so diagnostics go back under the same uri. */
  private uris = new Map<string, string>();
  /** uri -> which opening of it this is: a document closed and reopened at the same version with other text is new. */
  private openings = new Map<string, number>();
  private opened = 0;
  /** uri -> whether its text at that version is Traefik's configuration (isTraefikConfiguration). */
  private contents = new Map<string, { version: number; value: boolean }>();

  constructor() {
    this.all.onDidOpen(({ document }) => {
      const file = uriToPath(document.uri);
      if (file) this.uris.set(file, document.uri);
      this.openings.set(document.uri, ++this.opened);
    });
    this.all.onDidClose(({ document }) => {
      const file = uriToPath(document.uri);
      if (file && this.uris.get(file) === document.uri) this.uris.delete(file);
      this.openings.delete(document.uri);
      this.contents.delete(document.uri);
    });
  }

  /**
   * Identifies the text of an open document: its opening and version. The client's version
   * alone is not enough (it restarts at 1 when a document is reopened).
   */
  stamp(document: TextDocument): string {
    return `v${this.openings.get(document.uri) ?? 0}.${document.version}`;
  }

  get(uri: string): TextDocument | undefined {
    return this.all.get(uri);
  }

  byPath(file: string): TextDocument | undefined {
    const uri = this.uris.get(file);
    return uri === undefined ? undefined : this.all.get(uri);
  }

  /** The uri to report a file under: the open document's, else the canonical file uri. */
  uriOf(file: string): string {
    return this.uris.get(file) ?? pathToUri(file);
  }

  /** Open documents whose file is directly in `folder`. */
  inFolder(folder: string): TextDocument[] {
    return this.all.all().filter((d) => {
      const file = uriToPath(d.uri);
      return file !== undefined && path.dirname(file) === folder;
    });
  }

  /**
   * A compose document: VS Code's "Compose" language, or YAML with a compose file name. Docker's
   * extension gives the Compose language by name patterns, so a document of it that is Traefik's
   * own configuration (its text's top-level keys, or a project reading it as its static
   * configuration or a file provider's file) is none, unless compose loads it by its name.
   */
  isCompose(document: TextDocument, extraGlobs: readonly string[]): boolean {
    const file = uriToPath(document.uri);
    if (!file || !(COMPOSE_LANGUAGE_IDS as readonly string[]).includes(document.languageId)) return false;
    if (document.languageId !== 'dockercompose') return isComposeFileName(file, extraGlobs);
    return DEFAULT_NAMES.includes(path.basename(file)) || !this.traefikConfiguration(document, file);
  }

  /** Set by the server: whether an analysed project reads `file` as Traefik's configuration. */
  readByTraefik: (file: string) => boolean = () => false;

  private traefikConfiguration(document: TextDocument, file: string): boolean {
    const known = this.contents.get(document.uri);
    if (known?.version !== document.version) {
      const value = isTraefikConfiguration(document.getText());
      this.contents.set(document.uri, { version: document.version, value });
      return value || this.readByTraefik(file);
    }
    return known.value || this.readByTraefik(file);
  }
}
