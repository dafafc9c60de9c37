#!/usr/bin/env bash
# Build kube-apiserver VERSION into OUTPUT from the Go module proxy (../shared/reference/kubernetes.md):
# k8s.io/kubernetes points its staging modules at ./staging, so a scratch module replaces each one
# with its published v0.<minor>.<patch>. Cold: a few minutes; the Go build cache makes later builds fast.
set -euo pipefail
version=$1 output=$(realpath -m "$2")
work=$(dirname "$output")/module
mkdir -p "$work" && cd "$work"
export GOFLAGS="-mod=mod -buildvcs=false"
rm -f go.mod go.sum
go mod init smguard-tools/kube >/dev/null 2>&1
gomod=$(go mod download -json "k8s.io/kubernetes@v$version" | python3 -c 'import json, sys; print(json.load(sys.stdin)["GoMod"])')
grep -E '^\s*k8s.io/[a-z0-9-]+ => ./staging' "$gomod" \
  | awk -v v="0.${version#1.}" '{print "replace " $1 " => " $1 " v" v}' >> go.mod
go get "k8s.io/kubernetes/cmd/kube-apiserver@v$version"
go build -ldflags "-s -w -X k8s.io/component-base/version.gitVersion=v$version" -o "$output" k8s.io/kubernetes/cmd/kube-apiserver
