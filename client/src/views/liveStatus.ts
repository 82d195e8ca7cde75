// Two small pieces of the Gateway view's chrome: the live Traefik state in the status bar, and
// the question where "Set Traefik API URL" keeps the URL (never silently in the repository).
import * as vscode from 'vscode';
import type { TraefikStatusView } from '../../../live/statusItem';

export class TraefikStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('gatewayLens.traefik', vscode.StatusBarAlignment.Left, -1);

  constructor() {
    this.item.name = 'Gateway Lens: Traefik';
    this.item.command = 'workbench.view.extension.gatewayLens';
  }

  render(view: TraefikStatusView): void {
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.backgroundColor = view.background
      ? new vscode.ThemeColor(`statusBarItem.${view.background}Background`)
      : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

/** Where a setting goes: the user's settings, or (asked, never silently) the workspace's .vscode/settings.json. */
export async function askSettingsTarget(
  inWorkspace: string | undefined,
): Promise<vscode.ConfigurationTarget | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) return vscode.ConfigurationTarget.Global;
  const picked = await vscode.window.showQuickPick(
    [
      {
        label: 'User settings',
        description: 'for every workspace, on this machine',
        detail:
          inWorkspace !== undefined
            ? `This workspace sets its own URL (${inWorkspace}), which wins over the user setting.`
            : undefined,
        target: vscode.ConfigurationTarget.Global,
      },
      {
        label: 'Workspace settings',
        description: 'in .vscode/settings.json, shared with everyone who opens this folder',
        target: vscode.ConfigurationTarget.Workspace,
      },
    ],
    { title: 'Store the Traefik API URL in', placeHolder: 'User settings keep it out of the repository' },
  );
  return picked?.target;
}
