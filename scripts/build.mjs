// Bundles the extension client, the language server and the CLI with esbuild.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // ssh2 (under dockerode) loads its native helpers (cpu-features, sshcrypto.node) inside
  // try/catch and falls back to JavaScript, so they stay out of the bundle.
  external: ['vscode', 'cpu-features', '*.node'],
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  // The live view (Traefik API client, dockerode): loaded only when the Gateway view or a
  // scale command is used, so activation stays light.
  build({ ...common, entryPoints: ['live/index.ts'], outfile: 'dist/live.js' }),
  // The Gateway Metrics panel's page (uPlot): a browser bundle, with its CSS beside it.
  build({
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    logLevel: 'warning',
    entryPoints: ['client/src/webview/panel.ts'],
    outfile: 'dist/panel.js',
  }),
  build({
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
]);
