// What the status bar item says, as plain data: the client's state (starting, running,
// crashed) combined with the server's gatewayLens/status notifications.
import type { StatusParams, TraefikVersionStatus } from '../../server/src/protocol';

export type ClientState = 'starting' | 'running' | 'stopped' | 'crashed';

export interface StatusView {
  text: string;
  tooltip: string;
  /** Command run on click. */
  command: string;
  /** Highlights the item (statusBarItem.errorBackground / warningBackground). */
  background?: 'error' | 'warning';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function statusView(client: ClientState, server: StatusParams | undefined): StatusView {
  switch (client) {
    case 'starting':
      return {
        text: '$(loading~spin) Gateway Lens',
        tooltip: 'Gateway Lens: starting the language server',
        command: 'gatewayLens.showOutput',
      };
    case 'stopped':
      return {
        text: '$(circle-slash) Gateway Lens',
        tooltip: 'Gateway Lens: the language server is stopped. Click to restart.',
        command: 'gatewayLens.restartServer',
      };
    case 'crashed':
      return {
        text: '$(error) Gateway Lens',
        tooltip:
          'Gateway Lens: the language server stopped unexpectedly. Click to restart; see the output for details.',
        command: 'gatewayLens.restartServer',
        background: 'error',
      };
  }
  if (server?.state === 'analysing') {
    return { text: '$(sync~spin) Gateway Lens', tooltip: 'Gateway Lens: analysing', command: 'gatewayLens.showOutput' };
  }
  const p = server?.problems ?? { errors: 0, warnings: 0, infos: 0 };
  const total = p.errors + p.warnings + p.infos;
  const versions = versionLines(server?.traefikVersions ?? []);
  if (total === 0) {
    return {
      text: '$(check) Gateway Lens',
      tooltip: `Gateway Lens: no problems${versions}`,
      command: 'gatewayLens.showOutput',
    };
  }
  const icon = p.errors > 0 ? '$(error)' : p.warnings > 0 ? '$(warning)' : '$(info)';
  return {
    text: `${icon} Gateway Lens: ${total}`,
    tooltip: `Gateway Lens: ${plural(p.errors, 'error')}, ${plural(p.warnings, 'warning')}, ${plural(p.infos, 'info')} in ${plural(server?.projects ?? 0, 'project')}${versions}`,
    command: 'workbench.actions.view.problems',
  };
}

/** One line per project: the Traefik version it is judged for and why (one line when there is one project). */
function versionLines(versions: readonly TraefikVersionStatus[]): string {
  const line = (v: TraefikVersionStatus): string =>
    v.source === 'unknown'
      ? `Traefik version unknown (${v.why}): judged as ${v.assumed}, what only ${v.assumed} rejects is a warning`
      : `Traefik ${v.assumed} assumed: ${v.why}`;
  if (versions.length === 1) return `\n${line(versions[0])}`;
  return versions.map((v) => `\n${basename(v.folder)}: ${line(v)}`).join('');
}

function basename(folder: string): string {
  return (
    folder
      .replace(/[\\/]+$/, '')
      .split(/[\\/]/)
      .pop() ?? folder
  );
}
