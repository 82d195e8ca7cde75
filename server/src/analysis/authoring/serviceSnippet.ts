// A whole routed service as a completion item where a new service's name is typed under
// `services:`: the block Add Service to Gateway writes (the file's style, its network, its
// build or image convention), with the image, path prefix, entry point and port as tab stops.
// It answers while the name is typed, so the editor offers it without Ctrl+Space.
import type { Project } from '../project';
import { composeFile, yamlPath } from './context';
import { lineEnd, lineStart } from './edits';
import { newServiceLines, routedName } from './gateway';
import { gatewayChoices } from './gatewayChoices';
import { defaultPathPrefix } from './gatewayRequest';
import { escapeSnippet } from './keys';
import type { CompletionItem } from './types';

/** A port placeholder: the new service's own port is not known yet. */
const PORT = 8080;

export function serviceSnippets(project: Project, fileName: string, offset: number): CompletionItem[] {
  const file = composeFile(project, fileName);
  if (!file) return [];
  const text = file.text;
  const start = lineStart(text, offset);
  const typed = /^([ \t]+)([A-Za-z0-9][A-Za-z0-9._-]*)$/.exec(text.slice(start, offset));
  const rest = text.slice(offset, lineEnd(text, start)).replace(/\r$/, '');
  if (!typed || !/^[A-Za-z0-9._-]*\s*$/.test(rest)) return [];
  const path = yamlPath(text, start, typed[1].length, false);
  if (path.length !== 1 || path[0] !== 'services') return [];
  const name = typed[2] + /^[A-Za-z0-9._-]*/.exec(rest)![0];
  const nameStart = start + typed[1].length;
  if (file.services.some((s) => s.name === name && s.nameRange.start !== nameStart)) return [];
  const choices = gatewayChoices(project, fileName);
  const entrypoint = choices.defaults.entryPoint ?? 'websecure';
  const pathPrefix = defaultPathPrefix(name);
  const request = { service: name, pathPrefix, port: PORT, strip: true, entrypoint, tls: choices.defaults.tls };
  const { lines, source, indent } = newServiceLines(project, file, routedName(project, name), request);
  // Relative to the name's line: the editor indents a snippet's lines as the line it starts on.
  const relative = lines.map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line));
  const sourceLine = source.slice(indent.length);
  const body = relative.map((line, i) => (i === 0 ? escapeSnippet(line) : tabStops(line, sourceLine)));
  return [
    {
      label: `${name}: routed by Traefik`,
      kind: 'snippet',
      detail: `new service on ${pathPrefix} (${entrypoint}), as Add Service writes it`,
      documentation: '```yaml\n' + lines.join('\n') + '\n```',
      insertText: body.join('\n') + '$0',
      isSnippet: true,
      replace: { start: nameStart, end: nameStart + name.length },
      sortText: '0',
      filterText: name,
      incomplete: true,
    },
  ];

  function tabStops(line: string, sourceLine: string): string {
    const escaped = escapeSnippet(line);
    if (line === sourceLine)
      return escaped.replace(/(:[ \t]+)(.*)$/, (_, sep: string, v: string) => `${sep}\${1:${v}}`);
    if (/\.loadbalancer\.server\.port\b/.test(line))
      return escaped.replace(new RegExp(`${PORT}(?!.*${PORT})`), `\${4:${PORT}}`);
    if (/\.entrypoints\b/.test(line))
      return escaped.replace(new RegExp(`${escapeRegExp(escapeSnippet(entrypoint))}(?=['"]?$)`), (v) => `\${3:${v}}`);
    const prefix = escapeSnippet(pathPrefix);
    if (line.includes('PathPrefix(')) return escaped.replace(prefix, `\${2:${prefix}}`);
    if (line.includes('.stripprefix.prefixes'))
      return escaped.replace(new RegExp(`${escapeRegExp(prefix)}(?=['"]?$)`), '$$2');
    return escaped;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
