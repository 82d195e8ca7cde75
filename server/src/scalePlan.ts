// `gatewayLens/scalePlan`: the Scale commands ask the server whether and how compose scales a
// service, so the compose files are parsed in one process only. The files are those the running
// project's containers name (com.docker.compose.project.config_files), read from disk as compose
// reads them, within the workspace boundary; a file that cannot be read is left out.
import type { Connection } from 'vscode-languageserver';
import { ComposeParser } from './analysis/compose/parse';
import { composeScalePlan, type ComposeScalePlan } from './analysis/compose/scale';
import type { ComposeFile } from './analysis/compose/model';
import { describe, errorMessage } from './analysis/errors';
import type { Boundary } from './boundary';
import { ScalePlanRequest, type ScalePlanParams } from './protocol';
import { readRegularFile } from './readText';

/** The readable compose files among `files`, parsed. */
export function readComposeFiles(files: string[], read: (file: string) => string | undefined): ComposeFile[] {
  const parser = new ComposeParser();
  return files.flatMap((file) => {
    const text = read(file);
    return text === undefined ? [] : [parser.parse(file, text)];
  });
}

export function registerScalePlan(connection: Connection, boundary: Boundary, log: (m: string) => void): void {
  const read = (file: string): string | undefined => {
    if (!boundary.allows(file, 'project')) {
      log(boundary.refusal(file, 'project'));
      return undefined;
    }
    try {
      return readRegularFile(file);
    } catch (err) {
      log(`scalePlan: not reading ${file}: ${errorMessage(err)}`);
      return undefined;
    }
  };
  connection.onRequest(ScalePlanRequest, (params: ScalePlanParams): ComposeScalePlan => {
    try {
      const configFiles = Array.isArray(params?.configFiles)
        ? params.configFiles.filter((f) => typeof f === 'string')
        : [];
      const target = { ...params, configFiles };
      return composeScalePlan(target, readComposeFiles(configFiles, read), params.replicas, params.max);
    } catch (err) {
      log(`scalePlan failed: ${describe(err)}`);
      return { refuse: `Gateway Lens could not read the compose files: ${errorMessage(err)}` };
    }
  });
}
