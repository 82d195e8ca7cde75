// What every quick fix needs: the label or service a finding sits on, and edits that replace a
// key or value while keeping the label's quoting.
import type { ComposeFile, ComposeService, Label } from '../../compose/model';
import type { Project } from '../../project';
import type { Container } from '../../traefik/model';
import type { Range } from '../../types';
import type { Code } from '../../checks/codes';
import { composeFile, containerOf } from '../context';
import { replace } from '../edits';
import { quoted } from '../style';
import type { CodeAction, FindingRef, TextEdit } from '../types';

export interface FixContext<C extends Code = Code> {
  project: Project;
  file: ComposeFile;
  finding: FindingRef<C>;
  /** The service whose text holds the finding. */
  service?: ComposeService;
  container?: Container;
  /** The label whose entry holds the finding. */
  label?: Label;
}

export function fixContext<C extends Code>(
  project: Project,
  fileName: string,
  finding: FindingRef<C>,
): FixContext<C> | undefined {
  const file = composeFile(project, fileName) ?? staticFile(project, fileName) ?? envFile(project, fileName);
  if (!file) return undefined;
  const { start, end } = finding.range;
  const service = file.services.find((s) => s.range.start <= start && end <= s.range.end);
  const label = service?.labels.find((l) => l.entryRange.start <= start && end <= l.entryRange.end);
  return { project, file, finding, service, container: containerOf(project, service), label };
}

/** A static file (traefik.yml) seen as a compose file without services: only text fixes apply. */
function staticFile(project: Project, fileName: string): ComposeFile | undefined {
  const found = project.staticFiles.find((f) => f.file === fileName);
  return found && { file: found.file, text: found.text, services: [], networks: [], problems: [] };
}

/** The project's .env (or --env-file) seen the same way: only text fixes apply. */
function envFile(project: Project, fileName: string): ComposeFile | undefined {
  const found = project.environment.dotenv.find((f) => f.file === fileName);
  return found && { file: found.file, text: found.text, services: [], networks: [], problems: [] };
}

export function textAt(file: ComposeFile, range: Range): string {
  return file.text.slice(range.start, range.end);
}

/** The keys of any member of a union of data shapes. */
type KeyOf<D> = D extends unknown ? keyof D & string : never;

/**
 * A string field of a finding's data as the editor handed it back: `key` must be one its code
 * declares (codes.ts); a value that is not a string (a client that mangled it) is none.
 */
export function str<D extends object>(data: D | undefined, key: KeyOf<D>): string | undefined {
  const v = (data as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'string' ? v : undefined;
}

/** A list-of-strings field of a finding's data (see str). */
export function strings<D extends object>(data: D | undefined, key: KeyOf<D>): string[] {
  const v = (data as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function action(title: string, file: string, edits: TextEdit[], isPreferred = false): CodeAction {
  return { title, kind: 'quickfix', ...(isPreferred ? { isPreferred } : {}), edits: { [file]: edits } };
}

/** The whole scalar holding a label's key (list form: the item, quotes included). */
function keyScalar(file: ComposeFile, label: Label): Range {
  if (label.form === 'list') {
    let i = label.entryRange.start + 1;
    while (file.text[i] === ' ' || file.text[i] === '\t') i++;
    return { start: i, end: label.entryRange.end };
  }
  const q = label.quote.length;
  const raw = textAt(file, label.keyRange);
  return raw.startsWith(label.quote) && raw.length > 1 && q > 0
    ? label.keyRange
    : { start: label.keyRange.start - q, end: label.keyRange.end + q };
}

/** Replaces the label's key; the raw key when its text is the key itself, else the whole scalar re-quoted. */
export function rewriteKey(file: ComposeFile, label: Label, key: string): TextEdit {
  if (textAt(file, label.keyRange) === label.key) return replace(label.keyRange, key);
  const scalar = keyScalar(file, label);
  const text = label.form === 'list' ? `${key}=${label.value}` : key;
  return replace(scalar, quoted(text, label.quote || '"'));
}

/** Replaces the label's value; the whole list item re-quoted when the value's text is not the value. */
export function rewriteValue(file: ComposeFile, label: Label, value: string): TextEdit {
  if (textAt(file, label.valueRange) === label.value) return replace(label.valueRange, value);
  if (label.form === 'list')
    return replace(keyScalar(file, label), quoted(`${label.key}=${value}`, label.quote || '"'));
  return replace(label.valueRange, quoted(value, '"'));
}

/** The block Traefik reads on this container: service (deploy) labels under Swarm. */
export function traefikSource(container: Container | undefined): Label['source'] {
  return container?.swarm ? 'deploy.labels' : 'labels';
}
