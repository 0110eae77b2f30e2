#!/usr/bin/env bash
# Installs Microsoft's KQL parser beside this script, once; the build calls it before the tests.
set -euo pipefail
cd "$(dirname "$0")"
if [ -f node_modules/@kusto/language-service-next/bridge.js ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "kql-oracle: npm is not installed; the tests need Node.js and npm (apt-get install nodejs npm)" >&2
  exit 1
fi
npm ci --no-audit --no-fund --loglevel=error
