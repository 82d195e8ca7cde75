// `gatewayLens/project`: "Gateway Lens: Show Compose Project", the compose project the server
// assembled for a compose file as text (compose/project/describe.ts; the text `gateway-lens
// project` prints, with the editor's reasons: the compose files of the folder, no shell
// environment, since the editor cannot see the shell that runs compose).
import * as path from 'path';
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_OVERRIDE_NAMES, describeProject, formatProject } from './analysis/compose/project';
import { describe, errorMessage } from './analysis/errors';
import type { Projects } from './projects';
import { ProjectRequest, type ProjectAnswer, type ProjectParams } from './protocol';

export function registerComposeProject(connection: Connection, projects: Projects, log: (m: string) => void): void {
  connection.onRequest(ProjectRequest, async (params: ProjectParams): Promise<ProjectAnswer> => {
    try {
      const file = await projects.composeFileOf(params?.uri);
      const model = file ? await projects.model(file) : undefined;
      if (!file || !model) return { problem: 'Not a compose file of a project Gateway Lens reads.' };
      const folder = path.dirname(model.project.files[0]?.file ?? file);
      const description = describeProject(model.project, {
        given: (f) =>
          DEFAULT_OVERRIDE_NAMES.includes(path.basename(f))
            ? 'an override file in this folder'
            : 'a compose file in this folder',
        profiles: model.input.profiles ?? [],
        shell: false,
      });
      return { text: formatProject(description, (f) => path.relative(folder, f) || f) };
    } catch (err) {
      log(`project: ${describe(err)}`);
      return { problem: `Describing the project failed: ${errorMessage(err)}` };
    }
  });
}
