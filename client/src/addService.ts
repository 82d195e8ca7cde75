// "Gateway Lens: Add Service to Gateway...": asks, step by step, what to route and how, has the
// language server write the labels (gatewayLens/addService), applies the edit, and says what
// the checks report once the server has re-analysed the file. The plain parts: route/addServiceForm.ts.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  AddServiceChoicesRequest,
  AddServiceRequest,
  type AddServiceChoices,
  type AddServiceParams,
} from '../../server/src/protocol';
import {
  defaultPathPrefix,
  doneMessage,
  entrypointProblem,
  normalizePathPrefix,
  parseReplicas,
  pathPrefixInputProblem,
  portInputProblem,
  replicasInputProblem,
  serviceItems,
  type PickItem,
} from './route/addServiceForm';

const TITLE = 'Add Service to Gateway';

/** How long to wait for the server's diagnostics of the edited file before reporting without them. */
const DIAGNOSTICS_WAIT_MS = 5000;

export async function addServiceToGateway(client: LanguageClient | undefined): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!client?.isRunning()) {
    void vscode.window.showErrorMessage('Gateway Lens: the language server is not running.');
    return;
  }
  if (!editor) {
    void vscode.window.showErrorMessage('Gateway Lens: open the compose file to add the service to.');
    return;
  }
  const uri = editor.document.uri.toString();
  const choices = await client.sendRequest(AddServiceChoicesRequest, { uri });
  if (!choices) {
    void vscode.window.showErrorMessage(`Gateway Lens: ${editor.document.fileName} is not a compose file it checks.`);
    return;
  }
  const request = await ask(choices);
  if (!request) return;
  const params: AddServiceParams = { uri, ...request };
  const result = await client.sendRequest(AddServiceRequest, params);
  if ('error' in result) {
    void vscode.window.showErrorMessage(`Gateway Lens: ${result.error}`);
    return;
  }
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
  const checked = diagnosticsOf(editor.document.uri);
  if (!(await vscode.workspace.applyEdit(edit))) {
    checked.dispose();
    void vscode.window.showErrorMessage('Gateway Lens: the file changed meanwhile; run the command again.');
    return;
  }
  const first = result.edit.changes[uri]?.[0];
  if (result.select) {
    // The cursor on what only the user knows (a new service's image or build folder).
    const range = client.protocol2CodeConverter.asRange(result.select);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  } else if (first) {
    const at = client.protocol2CodeConverter.asRange(first.range).start;
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  const diagnostics = await checked.next;
  const problems = diagnostics.filter((d) => d.source === 'gateway-lens').length;
  void vscode.window.showInformationMessage(`Gateway Lens: ${doneMessage(request, problems)}`);
}

/** The questions in order; undefined when the user cancels any of them. */
async function ask(choices: AddServiceChoices): Promise<Omit<AddServiceParams, 'uri'> | undefined> {
  const picked = await pickService(choices);
  if (!picked) return undefined;
  const existing = choices.services.find((s) => s.name === picked.service);
  const prefix = await vscode.window.showInputBox({
    title: `${TITLE}: public path prefix`,
    prompt: `Requests whose path starts with this prefix reach "${picked.service}".`,
    value: defaultPathPrefix(picked.service),
    validateInput: pathPrefixInputProblem,
  });
  if (prefix === undefined) return undefined;
  const pathPrefix = normalizePathPrefix(prefix);
  const port = await vscode.window.showInputBox({
    title: `${TITLE}: internal port`,
    prompt: `The port "${picked.service}" listens on inside its container.`,
    value: existing?.ports[0] !== undefined ? String(existing.ports[0]) : '',
    validateInput: portInputProblem,
  });
  if (port === undefined) return undefined;
  let strip = false;
  if (pathPrefix !== '/') {
    const answer = await yesNo(
      `${TITLE}: strip ${pathPrefix}?`,
      [`Strip ${pathPrefix}`, `the service receives /x for ${pathPrefix}/x`],
      ['Keep the full path', `the service receives ${pathPrefix}/x`],
      true,
    );
    if (answer === undefined) return undefined;
    strip = answer;
  }
  const entrypoint = await pickEntryPoint(choices);
  if (entrypoint === undefined) return undefined;
  const tls = await yesNo(
    `${TITLE}: TLS on ${entrypoint}?`,
    ['TLS', 'the router serves HTTPS (tls=true)'],
    ['No TLS', 'the router serves plain HTTP'],
    choices.defaults.tls,
  );
  if (tls === undefined) return undefined;
  const replicas = await vscode.window.showInputBox({
    title: `${TITLE}: replicas`,
    prompt: 'How many containers to run (deploy.replicas); leave empty to keep it as it is.',
    value: existing?.replicas !== undefined ? String(existing.replicas) : '',
    validateInput: replicasInputProblem,
  });
  if (replicas === undefined) return undefined;
  const count = parseReplicas(replicas);
  return {
    service: picked.service,
    pathPrefix,
    port: Number(port),
    strip,
    entrypoint,
    tls,
    ...(count !== undefined ? { replicas: count } : {}),
  };
}

/** An existing compose service, or a new name typed into the filter box. */
function pickService(choices: AddServiceChoices): Promise<PickItem | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<PickItem>();
    pick.title = `${TITLE}: compose service`;
    pick.placeholder = 'Pick a service of this file, or type the name of a new one';
    pick.items = serviceItems(choices);
    let done = false;
    const finish = (item: PickItem | undefined): void => {
      if (done) return;
      done = true;
      resolve(item);
      pick.dispose();
    };
    pick.onDidChangeValue((value) => (pick.items = serviceItems(choices, value)));
    pick.onDidAccept(() => finish(pick.selectedItems[0]));
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}

async function pickEntryPoint(choices: AddServiceChoices): Promise<string | undefined> {
  const title = `${TITLE}: entry point`;
  if (choices.entryPoints.length === 0) {
    return vscode.window.showInputBox({
      title,
      prompt: 'No static configuration was found: the entry point name of your Traefik (e.g. websecure).',
      value: choices.defaults.entryPoint ?? 'websecure',
      validateInput: entrypointProblem,
    });
  }
  const items = choices.entryPoints.map((e) => ({
    label: e.name,
    description: [e.address, `${e.routers} router${e.routers === 1 ? '' : 's'}`].filter(Boolean).join(' · '),
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: choices.entryPointsKnown
      ? 'Entry points of the static configuration'
      : 'Entry points the routers of this project use (no static configuration found)',
  });
  return picked?.label;
}

async function yesNo(
  title: string,
  yes: [string, string],
  no: [string, string],
  yesFirst: boolean,
): Promise<boolean | undefined> {
  const items = [
    { label: yes[0], description: yes[1], value: true },
    { label: no[0], description: no[1], value: false },
  ];
  const picked = await vscode.window.showQuickPick(yesFirst ? items : items.reverse(), { title });
  return picked?.value;
}

/** The file's diagnostics once they next change (the server re-analyses after the edit), or now after a bounded wait. */
function diagnosticsOf(uri: vscode.Uri): { next: Promise<vscode.Diagnostic[]>; dispose(): void } {
  let listener: vscode.Disposable | undefined;
  let timer: NodeJS.Timeout | undefined;
  const dispose = (): void => {
    listener?.dispose();
    if (timer) clearTimeout(timer);
  };
  const next = new Promise<vscode.Diagnostic[]>((resolve) => {
    const settle = (): void => {
      dispose();
      resolve(vscode.languages.getDiagnostics(uri));
    };
    listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) settle();
    });
    timer = setTimeout(settle, DIAGNOSTICS_WAIT_MS);
  });
  return { next, dispose };
}
