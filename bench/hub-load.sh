#!/usr/bin/env bash
# Load on one hub: CLIENTS simulated clinics syncing at RATE requests/s for
# SECONDS, against a spoke-hub on SQLite or on a throwaway PostgreSQL, all on
# 127.0.0.1. Prints spoke-bench-hub's JSON (p50/p99 against a /healthz
# reference at the same rate, hub RSS). Figures: docs/benchmarks.md.
# Usage: bench/hub-load.sh BUILD_DIR [sqlite|postgresql] [CLIENTS] [RATE] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: bench/hub-load.sh BUILD_DIR [sqlite|postgresql] [CLIENTS] [RATE] [SECONDS]}
database=${2:-sqlite}
clients=${3:-500}
rate=${4:-200}
seconds=${5:-30}
hub=$build/app/hub/spoke-hub
bench=$build/bench/spoke-bench-hub

work=$(mktemp -d)
hub_pid=
cleanup() {
    [[ -n $hub_pid ]] && kill "$hub_pid" 2>/dev/null && wait "$hub_pid" 2>/dev/null
    [[ $database == postgresql ]] && scripts/hub-postgres --stop "$work/pg" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT

where=(--data-dir "$work/hub")
if [[ $database == postgresql ]]; then
    url=$(scripts/hub-postgres "$work/pg")
    where=(--database "$url")
fi
mkdir -p "$work/hub"
programme=$("$hub" admin "${where[@]}" programme add --name "Load test TB" --kind tb | sed -E 's/.*"id":([0-9]+).*/\1/')
for week in 1 2 3 4; do
    "$hub" admin "${where[@]}" session add --programme "$programme" --title "Week $week" \
        --starts "2027-01-0${week}T14:00:00Z" --minutes 90 >/dev/null
done
for ((i = 0; i < clients; i++)); do
    "$hub" admin "${where[@]}" member invite --programme "$programme" --role clinician |
        sed -E 's/.*"code":"([^"]+)".*/\1/'
done >"$work/invites.txt"

"$hub" serve "${where[@]}" --listen 127.0.0.1:0 >"$work/hub.out" 2>"$work/hub.log" &
hub_pid=$!
for _ in $(seq 100); do grep -q listening "$work/hub.out" && break; sleep 0.1; done
hub_url=$(sed -E 's/.*"url":"([^"]+)".*/\1/' "$work/hub.out" | head -1)

"$bench" --url "$hub_url" --invites "$work/invites.txt" --clients "$clients" --rate "$rate" \
    --seconds "$seconds" --hub-pid "$hub_pid" --case tests/cases/fixtures/clean_tb_kenya.json --json
