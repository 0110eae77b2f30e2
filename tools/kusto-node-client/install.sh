#!/usr/bin/env bash
# Installs Microsoft's Kusto SDK for Node.js beside this script, once; the emulator's build calls it before the tests.
set -euo pipefail
cd "$(dirname "$0")"
if [ -f node_modules/azure-kusto-data/package.json ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "kusto-node-client: npm is not installed; the tests need Node.js and npm (apt-get install nodejs npm)" >&2
  exit 1
fi
npm ci --no-audit --no-fund --loglevel=error
