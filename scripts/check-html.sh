#!/usr/bin/env bash
# Opens an HTML report of `jvm-advisor advise --format html` in headless Chromium (Debian's chromium
# package) and checks it: the page renders, its charts are there as SVG, and it asks for nothing from
# outside the file. Writes a screenshot beside the report.
#   scripts/check-html.sh REPORT.html [MIN_CHARTS]
# Exit 0 when the page passes, 1 when it fails, 2 when no browser is installed.
set -euo pipefail
report="${1:?usage: scripts/check-html.sh REPORT.html [MIN_CHARTS]}"
min_charts="${2:-1}"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$browser" ]; then
    echo "check-html: no chromium found (apt-get install chromium)" >&2
    exit 2
fi
abs="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --user-data-dir="$profile" --no-first-run)
dom="$("$browser" "${flags[@]}" --dump-dom "file://$abs" 2>/dev/null)"
"$browser" "${flags[@]}" --window-size=1000,3000 --screenshot="${abs%.html}.png" "file://$abs" >/dev/null 2>&1
fail=0
grep -q '<h1>JVM advice for JDK' <<<"$dom" || { echo "check-html: the page did not render its heading" >&2; fail=1; }
charts="$(grep -o '<svg' <<<"$dom" | wc -l)"
[ "$charts" -ge "$min_charts" ] || { echo "check-html: $charts charts, expected at least $min_charts" >&2; fail=1; }
grep -q '<script' <<<"$dom" && { echo "check-html: the page holds a script element" >&2; fail=1; }
# nothing loaded from outside: no src/href to a URL (the SVG namespace is an identifier, not a load)
grep -Eo '(src|href)="[a-z]+:[^"]*"' <<<"$dom" | grep -v '^href="#' && { echo "check-html: the page refers to outside resources" >&2; fail=1; }
[ -s "${abs%.html}.png" ] || { echo "check-html: no screenshot was written" >&2; fail=1; }
if [ "$fail" -eq 0 ]; then
    echo "check-html: ok, $charts charts, screenshot ${abs%.html}.png"
fi
exit "$fail"
