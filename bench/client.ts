// The activation target: what loading the extension's client bundle costs, and that dockerode
// (with ssh2 under it) stays out of it, in dist/live.js, loaded only when the Gateway view or a
// scale command is used. Load time is measured in a fresh node with a stub `vscode` module:
// the bundle's top level runs, activate() does not (that needs a real VS Code).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export interface ClientBundle {
  bytes: number;
  /** The bundle includes dockerode's modules (esbuild keeps their paths as comments). */
  dockerode: boolean;
  ssh2: boolean;
  /** Median ms to require dist/client.js in a fresh process (top level only). */
  loadMs: number;
}

const LOAD = `
const Module = require('module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
const stub = new Proxy(function () {}, { get: (t, k) => (k === '__esModule' ? false : stub), apply: () => stub, construct: () => stub });
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: stub };
const t = process.hrtime.bigint();
require(process.argv[1]);
console.log(Number(process.hrtime.bigint() - t) / 1e6);
`;

export function clientBundle(file: string): ClientBundle {
  const text = fs.readFileSync(file, 'utf8');
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const out = execFileSync(process.execPath, ['-e', LOAD, path.resolve(file)], { encoding: 'utf8' });
    runs.push(Number(out.trim()));
  }
  runs.sort((a, b) => a - b);
  return {
    bytes: fs.statSync(file).size,
    dockerode: text.includes('node_modules/dockerode/'),
    ssh2: text.includes('node_modules/ssh2/'),
    loadMs: Math.round(runs[2] * 100) / 100,
  };
}
