#!/usr/bin/env bash
# What `npm test` needs besides node_modules, installed when missing (the first step of
# `npm test`; .ci/run calls nothing else): Debian packages for a real Docker engine and compose
# (the live-view tests start their own dockerd), busybox (a test image without pulling),
# Chromium and what code-server's native modules build against (the end-to-end tests), then
# code-server itself (scripts/setup-code-server.sh, into ~/.cache/gateway-lens).
# Installed packages are found with dpkg and a complete code-server with its cache marker, so a
# second run installs nothing. Prints what it installs; fails with the reason and the command
# to run when it cannot install (not root, no sudo, no apt).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "[gateway-lens setup] $*" >&2; }
die() {
  say "$*"
  exit 1
}

PACKAGES=(
  docker.io docker-compose busybox-static # a Docker engine, compose v1, busybox for the test image
  chromium                                # the browser the end-to-end tests drive
  build-essential python3 pkg-config      # code-server's native modules build with these ...
  libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev
  ripgrep # ... and its search uses Debian's rg (its postinstall download is skipped)
)
# Commands that stand for the packages where there is no dpkg to ask.
COMMANDS=(dockerd docker docker-compose busybox chromium cc python3 pkg-config rg)

installed() {
  # "ii": installed; a removed package keeps "rc" (config files) and dpkg -s would still succeed.
  [ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null | cut -c1-2)" = "ii" ]
}

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for pkg in "${PACKAGES[@]}"; do installed "$pkg" || missing+=("$pkg"); done
  if [ ${#missing[@]} -eq 0 ]; then
    say "system packages: all ${#PACKAGES[@]} installed"
  else
    if [ "$(id -u)" -eq 0 ]; then
      as_root=()
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      as_root=(sudo -n)
    else
      die "the tests need these Debian packages, which are not installed: ${missing[*]}
[gateway-lens setup] install them as root, then run npm test again:
[gateway-lens setup]   sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}"
    fi
    command -v apt-get >/dev/null 2>&1 || die "missing packages (${missing[*]}) and no apt-get to install them"
    say "installing system packages: ${missing[*]}"
    # Wait for a dpkg lock held by another apt run instead of failing at once.
    apt=(-o DPkg::Lock::Timeout=600 -o Acquire::Retries=3)
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt[@]}" update -qq >&2 ||
      die "apt-get update failed (no network to the Debian mirrors?)"
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt[@]}" install -y -qq --no-install-recommends \
      "${missing[@]}" >&2 || die "apt-get install ${missing[*]} failed (see above)"
    still=()
    for pkg in "${missing[@]}"; do installed "$pkg" || still+=("$pkg"); done
    [ ${#still[@]} -eq 0 ] || die "still not installed after apt-get: ${still[*]}"
    say "installed: ${missing[*]}"
  fi
else
  absent=()
  for cmd in "${COMMANDS[@]}"; do command -v "$cmd" >/dev/null 2>&1 || absent+=("$cmd"); done
  [ ${#absent[@]} -eq 0 ] ||
    die "not a Debian system (no dpkg), and these commands are missing: ${absent[*]}; install their packages (${PACKAGES[*]}) by hand"
  say "no dpkg: the commands the tests use are all on PATH"
fi

# code-server 4.100.3: skipped when its cache is complete; names the step that broke otherwise.
entry=$(bash scripts/setup-code-server.sh) || die "code-server could not be installed (the step is named above)"
say "code-server: ${entry%/out/node/entry.js}"
