#!/usr/bin/env bash
# Opens a Nadir report folder in headless Chromium (Debian `chromium`) and checks that every page loads with no
# console messages (errors, CSP refusals of network fetches), that the DOM holds the charts, and takes screenshots
# for a person to look at.
#
# Usage: scripts/check-report-html.sh [REPORT_DIR] [SCREENSHOT_DIR]
#   REPORT_DIR      a folder written by ReportWriter (index.html, patients/*/report.html). Without it the demo
#                   report is generated first: NADIR_REPORT_DEMO_DIR=... swift test --filter DemoReportTests.
#   SCREENSHOT_DIR  where index.png and the first patient's report.png go (default: REPORT_DIR/screenshots).
# Exit status: 0 all pages clean; 1 a page failed; 77 Chromium is not installed (skip).
set -euo pipefail

CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [[ -z "$CHROMIUM" ]]; then
    echo "check-report-html: chromium not found (apt-get install -y chromium); skipping" >&2
    exit 77
fi

REPORT_DIR=${1:-}
if [[ -z "$REPORT_DIR" ]]; then
    REPORT_DIR=$(mktemp -d /tmp/nadir-report-check.XXXXXX)
    root=$(cd "$(dirname "$0")/.." && pwd)
    echo "check-report-html: generating the demo report in $REPORT_DIR"
    (cd "$root" && NADIR_REPORT_DEMO_DIR="$REPORT_DIR" swift test --filter DemoReportTests >/dev/null)
fi
REPORT_DIR=$(cd "$REPORT_DIR" && pwd)
SHOTS=${2:-$REPORT_DIR/screenshots}
mkdir -p "$SHOTS"

run_chromium() {
    # --user-data-dir keeps runs independent; --v=0 with --enable-logging=stderr prints console messages as
    # "CONSOLE(...)" lines.
    local profile
    profile=$(mktemp -d /tmp/nadir-chromium.XXXXXX)
    "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --user-data-dir="$profile" \
        --enable-logging=stderr --v=0 "$@"
    rm -rf "$profile"
}

status=0
pages=("$REPORT_DIR/index.html")
while IFS= read -r page; do pages+=("$page"); done < <(find "$REPORT_DIR/patients" -name report.html | sort)

for page in "${pages[@]}"; do
    log=$(mktemp)
    dom=$(run_chromium --dump-dom "file://$page" 2>"$log" || true)
    problems=$(grep -E "CONSOLE|Uncaught|Refused to|Failed to load|net::ERR" "$log" || true)
    svgs=$(grep -o "<svg" <<<"$dom" | wc -l)
    if [[ -n "$problems" ]]; then
        echo "FAIL $page: console output:"; echo "$problems"; status=1
    elif [[ "$svgs" -lt 1 ]]; then
        echo "FAIL $page: no <svg> in the rendered DOM"; status=1
    else
        echo "ok   $page ($svgs charts)"
    fi
    rm -f "$log"
done

first_patient=$(find "$REPORT_DIR/patients" -name report.html | sort | head -1)
run_chromium --window-size=1280,2000 --screenshot="$SHOTS/index.png" "file://$REPORT_DIR/index.html" 2>/dev/null || status=1
run_chromium --window-size=1280,5200 --screenshot="$SHOTS/report.png" "file://$first_patient" 2>/dev/null || status=1
run_chromium --no-pdf-header-footer --print-to-pdf="$SHOTS/report.pdf" "file://$first_patient" 2>/dev/null || status=1
for shot in "$SHOTS/index.png" "$SHOTS/report.png" "$SHOTS/report.pdf"; do
    if [[ ! -s "$shot" ]]; then echo "FAIL no output $shot"; status=1; else echo "wrote $shot"; fi
done
exit $status
