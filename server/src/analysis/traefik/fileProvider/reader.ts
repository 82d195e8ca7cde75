// Reads the file provider again on every analysis, parsing each dynamic file once per text, and
// hands back the same view while the static configuration and every file read are unchanged,
// so checks can key their reused findings on it.
import type { MajorVersion, StaticConfig } from '../static';
import type { TraefikService } from '../staticConfig/service';
import { parseDynamicFile, readFileProvider } from './index';
import type { DynamicFile, FileProvider, FileProviderIo } from './model';

export class FileProviderReader {
  private parsed = new Map<
    string,
    { text: string; containerPath: string; version: MajorVersion | undefined; parsed: DynamicFile }
  >();
  private last:
    | { token: object; version: MajorVersion | undefined; reads: Map<string, string | undefined>; view: FileProvider }
    | undefined;

  read(
    config: StaticConfig,
    token: object,
    service: TraefikService | undefined,
    io: FileProviderIo,
    version: MajorVersion | undefined,
  ): FileProvider {
    const reads = new Map<string, string | undefined>();
    const recorded: FileProviderIo = {
      readFile: io.readFile
        ? (file) => {
            const text = io.readFile!(file);
            reads.set(file, text);
            return text;
          }
        : undefined,
      listDir: io.listDir
        ? (dir) => {
            const entries = io.listDir!(dir);
            reads.set(`${dir}/`, entries?.map((e) => `${e.name}${e.directory ? '/' : ''}`).join('\n'));
            return entries;
          }
        : undefined,
    };
    const parse = (file: string, containerPath: string, text: string): DynamicFile => {
      const known = this.parsed.get(file);
      if (known && known.text === text && known.containerPath === containerPath && known.version === version)
        return known.parsed;
      const parsed = parseDynamicFile(file, containerPath, text, version);
      this.parsed.set(file, { text, containerPath, version, parsed });
      return parsed;
    };
    const view = readFileProvider(config, service, recorded, parse);
    const last = this.last;
    if (
      last &&
      last.token === token &&
      last.version === version &&
      last.reads.size === reads.size &&
      [...reads].every(([k, v]) => last.reads.has(k) && last.reads.get(k) === v)
    )
      return last.view;
    this.last = { token, version, reads, view };
    return view;
  }
}
