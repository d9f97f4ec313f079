#!/usr/bin/env bash
# Fuzzes the JSON API of `nadir serve` with schemathesis against the shipped OpenAPI document: loopback only,
# a bounded number of examples per operation, logged in as an admin (with the CSRF token), over a database
# holding one phantom patient. Fails when any response is a 5xx (check not_a_server_error).
# Usage: scripts/fuzz-api.sh PATH/TO/nadir [examples per operation, default 25]
set -euo pipefail
nadir="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
examples="${2:-25}"
cd "$(dirname "$0")/.."
root="$(pwd)"
work="$(mktemp -d)"
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
db="$work/nadir.sqlite"
"$nadir" phantom --out "$work/study" --scenario nsclc-responder --size 96 --format nifti >/dev/null
"$nadir" init --db "$db" >/dev/null
"$nadir" trial add T1 --db "$db" >/dev/null
"$nadir" patient add DEMO-001 --trial T1 --cancer-type nsclc --db "$db" >/dev/null
"$nadir" scan import DEMO-001 BASELINE "$work/study/BASELINE.nii.gz" --date 2026-01-05 --db "$db" >/dev/null
echo "admin-password-1" | "$nadir" user add admin1 --role admin --db "$db" >/dev/null
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$nadir" serve --db "$db" --host 127.0.0.1 --port "$port" > "$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do grep -q listening "$work/serve.log" && break; sleep 0.1; done
base="http://127.0.0.1:$port"
login=$(curl -s -D "$work/headers" -H 'Content-Type: application/json' -d '{"name":"admin1","password":"admin-password-1"}' "$base/api/login")
cookie=$(grep -i '^set-cookie:' "$work/headers" | sed -E 's/^[Ss]et-[Cc]ookie: (nadir_session=[0-9a-f]+).*/\1/' | tr -d '\r')
csrf=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["csrfToken"])' "$login")
schemathesis run "$root/Sources/NadirServer/Resources/openapi.yaml" --url "$base" \
  -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" --checks not_a_server_error --max-examples "$examples" \
  --exclude-path /api/logout --exclude-path /api/login --request-timeout 60 --suppress-health-check all
echo "1 passed, 0 failed"
