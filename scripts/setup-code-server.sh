#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100 on Node 20) into a cache folder for the
# end-to-end tests from Debian packages and npm only: its npm postinstall would download
# ripgrep, so it is installed with --ignore-scripts and the pieces are put together by hand.
# Skips everything when the cache is complete; fails loudly with the step that broke.
# Usage: scripts/setup-code-server.sh [CACHE_DIR]   (prints the entry.js path on success)
set -euo pipefail

VERSION=4.100.3
CACHE=${1:-${GATEWAY_LENS_CACHE:-$HOME/.cache/gateway-lens}/code-server-$VERSION}
ENTRY=$CACHE/node_modules/code-server/out/node/entry.js
MARK=$CACHE/.complete

step() { echo "[setup-code-server] $*" >&2; }

if [ -f "$MARK" ] && [ -f "$ENTRY" ]; then
  step "code-server $VERSION already installed in $CACHE"
  echo "$ENTRY"
  exit 0
fi
step "installing code-server $VERSION into $CACHE (a few minutes)"

fail() { echo "[setup-code-server] FAILED at: $CURRENT" >&2; exit 1; }
trap fail ERR

CURRENT="system packages"
need=()
for pkg in libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep chromium; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  step "apt-get install ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

rm -rf "$CACHE"
mkdir -p "$CACHE"
cd "$CACHE"
echo '{"name":"code-server-cache","private":true}' > package.json

CURRENT="npm install code-server@$VERSION --ignore-scripts"
step "$CURRENT"
npm install --no-audit --no-fund --ignore-scripts "code-server@$VERSION" >&2

CURRENT="npm rebuild argon2"
step "$CURRENT"
npm rebuild argon2 >&2

VS=$CACHE/node_modules/code-server/lib/vscode
CURRENT="npm install in lib/vscode"
step "$CURRENT"
(cd "$VS" && npm install --omit=dev --ignore-scripts --no-audit --no-fund >&2)

CURRENT="ripgrep link"
mkdir -p "$VS/node_modules/@vscode/ripgrep/bin"
ln -sf /usr/bin/rg "$VS/node_modules/@vscode/ripgrep/bin/rg"

CURRENT="npm rebuild native modules in lib/vscode"
step "$CURRENT"
(cd "$VS" && npm_config_yes=true npm rebuild >&2)

CURRENT="links"
ln -sfn node_modules "$VS/node_modules.asar"
(cd "$VS/bin/remote-cli" && ln -sf code-linux.sh code-server)
(cd "$VS/bin/helpers" && ln -sf browser-linux.sh browser.sh)

CURRENT="npm install in lib/vscode/extensions"
step "$CURRENT"
(cd "$VS/extensions" && npm install --omit=dev --no-audit --no-fund >&2)

CURRENT="check entry.js"
test -f "$ENTRY"
touch "$MARK"
step "ready"
echo "$ENTRY"
