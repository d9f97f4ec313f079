#!/usr/bin/env bash
# Long-run mutation fuzzing of the DICOM reader: runs the fixed-seed fuzz test in release with a larger count.
# Usage: scripts/fuzz-dicom.sh [COUNT]   (default 100000). Exit status is the test's; a crash fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${1:-100000}"
NADIR_FUZZ_COUNT="$COUNT" swift test -c release --disable-xctest \
    --filter 'DICOMFuzzTests/thousandsOfMutatedFilesNeverCrashTheReader' 2>&1 | grep -E "fuzz:|✔|✘|passed|failed|error|Fatal|crash"
