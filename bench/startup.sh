#!/usr/bin/env bash
# Time from process start to an interactive main window (first frame drawn
# after the cache answered), against a bare Qt Quick window as the reference,
# under Xvfb. Usage: bench/startup.sh [BUILD_DIR] [RUNS]   (default build/release, 10)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
runs=${2:-10}
app=$build/app/desktop/spoke
data=$(mktemp -d)
display=:$((200 + RANDOM % 100))
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$data"' EXIT
sleep 1
export DISPLAY=$display

# The first run seeds the demo cache (the app seeds only when asked, as
# scripts/run asks); it is measured apart ("first run").
first=$("$app" --data-dir "$data" --seed-demo-if-empty --bench-startup 2>/dev/null | tail -1)
spoke=() reference=()
for _ in $(seq "$runs"); do
  spoke+=("$("$app" --data-dir "$data" --bench-startup 2>/dev/null | tail -1)")
  reference+=("$("$app" --bench-startup-reference 2>/dev/null | tail -1)")
done
python3 - "$first" "${spoke[@]}" "--" "${reference[@]}" <<'PY'
import json, statistics, sys
args = sys.argv[1:]
first = json.loads(args[0])
split = args.index("--")
spoke = [json.loads(a)["interactive_ms"] for a in args[1:split]]
ref = [json.loads(a)["interactive_ms"] for a in args[split + 1:]]
m, r = statistics.median(spoke), statistics.median(ref)
print(json.dumps({"runs": len(spoke), "first_run_interactive_ms": first["interactive_ms"],
                  "interactive_ms_median": m, "interactive_ms_max": max(spoke),
                  "reference_bare_window_ms_median": r, "ratio_to_reference": round(m / r, 2)}, indent=2))
PY
