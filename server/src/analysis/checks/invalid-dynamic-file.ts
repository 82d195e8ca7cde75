// Traefik's file provider decodes each of its files as YAML or TOML (paerser file.DecodeContent,
// pkg/provider/file/file.go decodeConfiguration); a file that does not parse gives an error, and
// Traefik loads nothing from it; in a directory, collectFileConfigs returns the first error and
// the provider sends nothing at all. Reported where the parser stops. Templated files are not
// judged (what Traefik decodes is the rendered text), but one Go's template parser refuses is
// (fileProvider/read.ts templateError): Traefik fails on it before decoding.
import { whatIsLost } from './dynamicFiles';
import type { Check } from './check';

export const check: Check<'invalid-dynamic-file'> = {
  code: 'invalid-dynamic-file',
  severity: 'error',
  description:
    'A file the file provider reads is not valid YAML or TOML: Traefik loads nothing from it (in a directory, nothing from any file there).',
  run(ctx) {
    const fp = ctx.project.fileProvider;
    if (fp.state !== 'read') return;
    for (const file of fp.files) {
      const template = file.read.templateError;
      if (template) {
        const lost = whatIsLost(file, fp.mode === 'directory' ? fp.path : undefined);
        ctx.report({
          file: file.file,
          range: template.range,
          message: `Traefik cannot render ${file.containerPath} as a Go template: ${template.message}`,
          explanation: `Traefik runs each file of its file provider as a Go template before decoding it (pkg/provider/file/file.go CreateConfiguration), and Go's template parser refuses this one: inside {{ }} a string is written with plain quotes, {{ env "DOMAIN" }}, even within a quoted YAML or TOML string, since the template is rendered before YAML or TOML reads the text. Traefik loads nothing from it: ${lost.long}`,
        });
        continue;
      }
      const error = file.read.syntaxError;
      if (!error || file.read.templated || file.read.unread) continue;
      const format = file.read.format === 'toml' ? 'TOML' : 'YAML';
      const lost = whatIsLost(file, fp.mode === 'directory' ? fp.path : undefined);
      ctx.report({
        file: file.file,
        range: error.range,
        message: `Traefik cannot decode ${file.containerPath}: ${error.message}`,
        explanation: `${file.containerPath} is not valid ${format}, so Traefik's file provider fails on it (pkg/provider/file/file.go decodeConfiguration) and loads nothing from it: ${lost.long}`,
      });
    }
  },
};
