// Tree providers of the Gateway view container, driven by an EventEmitter: each view shows
// one part of the live model (live/tree.ts builds the rows as plain data).
import * as vscode from 'vscode';
import type { LiveModel } from '../../../live/model';
import type { Node } from '../../../live/tree';

type Build = (model: LiveModel) => Node[];

export class GatewayTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: Node[] = [];

  constructor(private readonly build: Build) {}

  private model: LiveModel | undefined;
  /** The rows last shown, as text: a refresh that changes nothing re-renders nothing. */
  private shown: string | undefined;

  update(model: LiveModel | undefined): void {
    this.model = model;
    const roots = model ? this.build(model) : [];
    const shown = JSON.stringify(roots);
    // Re-rendering rows that did not change loses a click on a row's inline action
    // (Reveal in Compose File) when it lands during the render, every refresh interval.
    if (shown === this.shown) return;
    this.shown = shown;
    this.roots = roots;
    this.changed.fire(undefined);
  }

  /** Rebuilds the rows from the last model (new traffic figures). */
  redraw(): void {
    if (this.model) this.update(this.model);
  }

  getChildren(node?: Node): Node[] {
    return node ? node.children : this.roots;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const state =
      node.children.length === 0
        ? vscode.TreeItemCollapsibleState.None
        : node.contextValue === 'entryPoint'
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.contextValue = node.contextValue;
    // Screen readers (and the end-to-end test) read the row as "label, description".
    item.accessibilityInformation = { label: node.description ? `${node.label}, ${node.description}` : node.label };
    if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon, themeColor(node.icon));
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function themeColor(icon: string): vscode.ThemeColor | undefined {
  switch (icon) {
    case 'pass':
      return new vscode.ThemeColor('testing.iconPassed');
    case 'error':
      return new vscode.ThemeColor('testing.iconFailed');
    case 'warning':
      return new vscode.ThemeColor('list.warningForeground');
    default:
      return undefined;
  }
}
