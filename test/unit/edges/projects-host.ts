// A Projects over one workspace folder on disk, as the server builds it (for the projects tests).
import { Analyzer } from '../../../server/src/analysis';
import { Boundary } from '../../../server/src/boundary';
import { Documents, pathToUri } from '../../../server/src/documents';
import { Projects } from '../../../server/src/projects';
import { SettingsCache } from '../../../server/src/settings';
import { DiskFiles, WorkspaceFolders } from '../../../server/src/workspace';

export function projectsOf(workspace: string, settings: unknown, log: (message: string) => void = () => undefined) {
  const folders = new WorkspaceFolders();
  folders.set([{ uri: pathToUri(workspace), path: workspace }]);
  const documents = new Documents();
  const boundary = new Boundary(folders);
  const projects = new Projects({
    analyzer: new Analyzer(),
    documents,
    disk: new DiskFiles(),
    folders,
    settings: new SettingsCache(async () => settings),
    boundary,
    log,
  });
  return { projects, documents, boundary, folders };
}
