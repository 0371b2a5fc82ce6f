#!/usr/bin/env bash
# npm run test:mutation: Stryker over every non-test file of src/ with the
# unit suite (stryker.config.json). Stryker 10 refuses Node < 22, so it runs
# under Node 24.21.0 from the same cache as .ci/run's (scripts/install-node.sh).
# Extra arguments go to `stryker run`, e.g. `-- --incremental` or
# `-- --mutate src/internal/call.ts`.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(scripts/install-node.sh 24.21.0)"
PATH="$bin:$PATH" exec node node_modules/@stryker-mutator/core/bin/stryker.js run "$@"
