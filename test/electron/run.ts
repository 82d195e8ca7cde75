// The desktop extension-host entry (@vscode/test-electron): runs the end-to-end scenarios'
// assertions through the VS Code API in a desktop VS Code given by VSCODE_EXECUTABLE_PATH.
// It never downloads VS Code: without that variable it stops with a message. Not part of
// npm test (CI has code-server, not a desktop VS Code); run it with `npm run test:electron`.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { build } from 'esbuild';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(__dirname, '..', '..');

async function main(): Promise<number> {
  const executable = process.env.VSCODE_EXECUTABLE_PATH;
  if (!executable) {
    console.error(
      'test:electron needs a desktop VS Code (1.100 or later): set VSCODE_EXECUTABLE_PATH to its executable, e.g.\n' +
        '  VSCODE_EXECUTABLE_PATH=/usr/share/code/code npm run test:electron\n' +
        'Nothing is downloaded. The end-to-end tests in npm test use code-server instead.',
    );
    return 2;
  }
  if (!fs.existsSync(executable)) {
    console.error(`VSCODE_EXECUTABLE_PATH=${executable}: no such file`);
    return 2;
  }
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  // The extension host loads plain JavaScript: bundle the suite (vscode stays external).
  const suite = path.join(ROOT, 'out', 'electron', 'suite.js');
  await build({
    entryPoints: [path.join(__dirname, 'suite', 'index.ts')],
    outfile: suite,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    external: ['vscode'],
    logLevel: 'warning',
  });
  // A throwaway workspace: the scenarios edit files (quick fix, typed labels).
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-electron-'));
  const workspace = path.join(base, 'workspace');
  for (const rel of ['examples/musicshare-broken', 'examples/musicshare', 'test/e2e/fixtures/new-service']) {
    fs.cpSync(path.join(ROOT, rel), path.join(workspace, path.basename(rel)), { recursive: true });
  }
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: suite,
      extensionTestsEnv: { GATEWAY_LENS_ROOT: ROOT },
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${path.join(base, 'user')}`,
      ],
    });
    return 0;
  } catch (err) {
    console.error(`extension-host tests failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
