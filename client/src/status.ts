// What the status bar item says, as plain data: the client's state (starting, running,
// crashed) combined with the server's gatewayLens/status notifications.
import type { StatusParams } from '../../server/src/protocol';

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
  if (total === 0) {
    return { text: '$(check) Gateway Lens', tooltip: 'Gateway Lens: no problems', command: 'gatewayLens.showOutput' };
  }
  const icon = p.errors > 0 ? '$(error)' : p.warnings > 0 ? '$(warning)' : '$(info)';
  return {
    text: `${icon} Gateway Lens: ${total}`,
    tooltip: `Gateway Lens: ${plural(p.errors, 'error')}, ${plural(p.warnings, 'warning')}, ${plural(p.infos, 'info')} in ${plural(server?.projects ?? 0, 'project')}`,
    command: 'workbench.actions.view.problems',
  };
}
