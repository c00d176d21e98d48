#!/usr/bin/env bash
# Checks the Mermaid diagrams in export's golden postmortems with the real
# mermaid parser from npm (installed here on first use, from the lock file).
# Usage: bash export/testdata/mermaid/check.sh [FILE.md ...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -d "$here/node_modules/mermaid" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ "$#" -eq 0 ]; then
  set -- "$here"/../*.golden
fi
node "$here/check.mjs" "$@"
