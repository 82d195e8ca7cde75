// The CI formats of `gateway-lens check`: GitHub workflow commands (annotations on the pull
// request) and GitLab's code-quality report. Suppressed findings are left out of both.
import { createHash } from 'crypto';
import type { Severity } from '../analysis';
import { artifact, type Located } from './report';

const GITHUB: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Workflow-command escaping: message data escapes % CR LF; properties also : and ,. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message` per finding (GitHub's
 * "workflow commands for GitHub Actions"; col and endColumn only when the finding is on one line).
 */
export function formatGithub(located: Located[]): string {
  const lines = located
    .filter((l) => !l.suppressed)
    .map((l) => {
      const props: [string, string | number][] = [
        ['file', l.file.split('\\').join('/')],
        ['line', l.line],
        ['endLine', l.endLine],
      ];
      if (l.line === l.endLine) props.push(['col', l.column], ['endColumn', l.endColumn]);
      props.push(['title', `gateway-lens ${l.code}`]);
      const head = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
      const notes = l.related.map((r) => `\n${r.file}:${r.line}:${r.column}: ${r.message}`).join('');
      const why = l.explanation ? `\n${l.explanation}` : '';
      return `::${GITHUB[l.severity]} ${head}::${escapeData(l.message + why + notes)}`;
    });
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

const GITLAB: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info' };

/**
 * GitLab's code-quality report (docs.gitlab.com/ci/testing/code_quality, "Code Quality report
 * format"): a JSON array of {description, check_name, fingerprint, severity, location}. The
 * fingerprint leaves the line out, so a finding moved by an edit above it stays the same issue;
 * equal findings in one file are told apart by their order.
 */
export function formatGitlab(located: Located[], cwd: string): string {
  const seen = new Map<string, number>();
  const issues = located
    .filter((l) => !l.suppressed)
    .map((l) => {
      const where = artifact(l.file, cwd);
      const file = where.uriBaseId ? decodeURIComponent(where.uri) : l.file;
      const base = `${file}\0${l.code}\0${l.message}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return {
        description: l.message,
        check_name: l.code,
        fingerprint: createHash('sha256').update(`${base}\0${n}`).digest('hex').slice(0, 32),
        severity: GITLAB[l.severity],
        location: { path: file, lines: { begin: l.line, end: l.endLine } },
      };
    });
  return JSON.stringify(issues, null, 2) + '\n';
}
