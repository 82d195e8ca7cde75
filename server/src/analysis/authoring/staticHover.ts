// Hovers on label values that name something of the static configuration: an entry point
// (`entrypoints=web`) and a certificate resolver (`tls.certresolver=le`), with its address or
// challenge and where Traefik reads it (a file, the command flags or TRAEFIK_* variables: one
// source only, cmd/traefik/traefik.go).
import * as path from 'path';
import type { Project } from '../project';
import type { Origin, StaticConfig } from '../traefik/static';
import { codeSpan } from './markdown';

export function entryPointText(project: Project, name: string): string {
  const config = project.staticConfig;
  const entry = config.entryPoints.get(name);
  const title = `**entry point** ${codeSpan(name)}`;
  if (!entry) return `${title}\n\n${missing(config, 'entry point')}`;
  const address = entry.address ? ` listens on ${codeSpan(entry.address)}` : ' has no address';
  if (entry.implicit) {
    const why = name === 'traefik' ? 'for the API, ping or metrics' : 'because the static configuration defines none';
    return `${title}${address}.\n\nCreated by Traefik ${why}.`;
  }
  return `${title}${address}.\n\n${definedAt(project, entry.origin)}`;
}

export function certResolverText(project: Project, name: string): string {
  const config = project.staticConfig;
  const resolver = config.certResolvers?.get(name);
  const title = `**certificate resolver** ${codeSpan(name)}`;
  if (!resolver)
    return `${title}\n\n${config.certResolvers ? missing(config, 'certificate resolver') : unknown(config)}`;
  const challenge = resolver.challenge ? ` uses the ACME ${codeSpan(resolver.challenge)}.` : '.';
  return `${title}${challenge}\n\n${definedAt(project, resolver.origin)}`;
}

function missing(config: StaticConfig, noun: string): string {
  if (!config.found || (noun === 'entry point' && !config.entryPointsKnown)) return unknown(config);
  return `${noun === 'entry point' ? 'Not an' : 'Not a'} ${noun} of the static configuration (${source(config)}).`;
}

function unknown(config: StaticConfig): string {
  return config.found
    ? `The static configuration (${source(config)}) could not be read.`
    : 'No Traefik static configuration was found in this project.';
}

function source(config: StaticConfig): string {
  // The file Traefik reads is the last source recorded (after the compose volume that mounts it).
  const file = config.sources[config.sources.length - 1];
  if (config.from === 'file') return file ? `file ${codeSpan(path.basename(file.file))}` : 'a file';
  return config.from === 'env' ? 'TRAEFIK_* variables' : 'command flags';
}

/** Where a setting is written: the flag or variable as written, or the file it is in. */
function definedAt(project: Project, origin: Origin | undefined): string {
  if (!origin) return 'Defined in the static configuration.';
  const config = project.staticConfig;
  const file = codeSpan(path.basename(origin.file));
  const text = project.files.find((f) => f.file === origin.file)?.text;
  const written = text !== undefined && config.from !== 'file' ? wordAt(text, origin.range.start) : undefined;
  if (config.from === 'file' || !written) return `Defined in ${file}.`;
  const what = config.from === 'flags' ? 'command flag' : 'variable';
  return `Defined by the ${what} ${codeSpan(written)} in ${file}.`;
}

/** The flag or `NAME=value` around an offset: up to blanks, quotes and YAML flow punctuation. */
function wordAt(text: string, offset: number): string {
  const stop = /[\s"'[\],]/;
  let start = offset;
  while (start > 0 && !stop.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && !stop.test(text[end])) end++;
  return text.slice(start, end).replace(/:$/, '');
}
