#!/usr/bin/env bash
# A live call's footprint over time: CLIENTS `spoke-cli join` processes in
# one room of a private Janus (tests/janus/janus-netns, its own network
# namespace), for SECONDS. Every 10 s it samples each client's resident
# memory (VmRSS), CPU time (utime+stime) and context switches summed over its
# threads (voluntary + involuntary: each is a wakeup). Prints one JSON object:
# per client, RSS at the first sample after warm-up, at the end and its
# maximum (KiB), the RSS slope (KiB per minute, least squares after warm-up),
# wakeups/s and CPU share of one core over the run after warm-up, and the
# same figures per named thread (busiest first).
#
# Usage: bench/call-soak.sh SPOKE_CLI [CLIENTS] [SECONDS] [MODE] [EXTRA JOIN ARGS...]
#   MODE talk:  test pattern + tone (the default, what the call tests send)
#        quiet: an audio-only call with nobody talking: a paced silent
#               microphone (synthetic:silence, processed like a real one), so
#               Opus sends DTX; what a connected call costs when nothing happens
# Give two SPOKE_CLI binaries side by side by running the script twice in
# one shell command; figures: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
cli=$(realpath "${1:?usage: bench/call-soak.sh SPOKE_CLI [CLIENTS] [SECONDS] [MODE] [JOIN ARGS...]}")
clients=${2:-3}
seconds=${3:-120}
mode=${4:-talk}
shift $(($# < 4 ? $# : 4))
extra=("$@")
warmup=${SOAK_WARMUP_S:-20}

if [[ ${SOAK_INSIDE:-} != 1 ]]; then
    run=$(mktemp -d)
    trap 'rm -rf "$run"' EXIT
    SOAK_INSIDE=1 SOAK_RUN=$run tests/janus/janus-netns "$run/janus" -- \
        "$0" "$cli" "$clients" "$seconds" "$mode" "${extra[@]}"
    exit $?
fi

case $mode in
    talk) media=(--video test --audio tone) ;;
    quiet) media=(--video none --audio silence) ;;
    *) echo "call-soak: MODE is talk or quiet" >&2; exit 2 ;;
esac

pids=()
for ((i = 1; i <= clients; i++)); do
    "$cli" --data-dir "$SOAK_RUN/c$i" join --janus "$SPOKE_JANUS_WS" --room "$SPOKE_JANUS_ROOM" \
        --display "soak-$i" --seconds "$seconds" --ice-iface "$SPOKE_ICE_IFACE" \
        --stats "$SOAK_RUN/c$i.json" "${media[@]}" "${extra[@]}" >/dev/null 2>"$SOAK_RUN/c$i.log" &
    pids+=($!)
done

# One line per sample: client, seconds, rss KiB, cpu ticks, then per thread
# "name=ticks:switches".
sample() {
    local i=$1 pid=$2 t=$3
    [[ -r /proc/$pid/status ]] || return 0
    local rss ticks threads=""
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null) || return 0
    ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null) || return 0
    for task in /proc/"$pid"/task/*; do
        local name tt sw
        name=$(tr ' ' '_' <"$task/comm" 2>/dev/null) || continue
        tt=$(awk '{print $14 + $15}' "$task/stat" 2>/dev/null) || continue
        sw=$(awk '/ctxt_switches/ {s += $2} END {print s}' "$task/status" 2>/dev/null) || continue
        threads+=" $name=$tt:$sw"
    done
    echo "$i $t $rss $ticks$threads"
}

start=$(date +%s)
: >"$SOAK_RUN/samples"
while :; do
    now=$(($(date +%s) - start))
    alive=0
    for ((i = 0; i < clients; i++)); do
        if kill -0 "${pids[$i]}" 2>/dev/null; then
            alive=1
            sample $((i + 1)) "${pids[$i]}" "$now" >>"$SOAK_RUN/samples"
        fi
    done
    ((alive)) || break
    ((now < seconds - 5)) || break
    sleep 10
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
((status == 0)) || { tail -n 5 "$SOAK_RUN"/c*.log >&2; echo "call-soak: a client failed" >&2; }

python3 - "$SOAK_RUN/samples" "$warmup" "$(getconf CLK_TCK)" "$mode" "$clients" "$seconds" <<'EOF'
import json, sys, collections
path, warmup, hz, mode, clients, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
rows = collections.defaultdict(list)
for line in open(path):
    parts = line.split()
    client, t, rss, ticks = int(parts[0]), int(parts[1]), int(parts[2]), int(parts[3])
    threads = {}
    for item in parts[4:]:
        name, _, values = item.rpartition('=')
        tt, sw = values.split(':')
        entry = threads.setdefault(name, [0, 0])  # same-named threads add up
        entry[0] += int(tt); entry[1] += int(sw)
    rows[client].append((t, rss, ticks, threads))
out = {"mode": mode, "clients": int(clients), "seconds": int(seconds), "warmup_s": warmup, "client": []}
for client, samples in sorted(rows.items()):
    after = [s for s in samples if s[0] >= warmup] or samples
    first, last = after[0], after[-1]
    span = max(last[0] - first[0], 1)
    n = len(after)
    mt = sum(s[0] for s in after) / n; mr = sum(s[1] for s in after) / n
    var = sum((s[0] - mt) ** 2 for s in after)
    slope = sum((s[0] - mt) * (s[1] - mr) for s in after) / var * 60 if var else 0.0
    threads = []
    for name in last[3]:
        if name in first[3]:
            tt = (last[3][name][0] - first[3][name][0]) / hz / span
            sw = (last[3][name][1] - first[3][name][1]) / span
            threads.append({"thread": name, "cpu_share": round(tt, 4), "wakeups_per_s": round(sw, 1)})
    threads.sort(key=lambda x: -x["wakeups_per_s"])
    out["client"].append({
        "client": client,
        "rss_kib_first": first[1], "rss_kib_last": last[1], "rss_kib_max": max(s[1] for s in after),
        "rss_slope_kib_per_min": round(slope, 1),
        "cpu_share": round((last[2] - first[2]) / hz / span, 4),
        "wakeups_per_s": round(sum(x["wakeups_per_s"] for x in threads), 1),
        "threads": threads,
    })
print(json.dumps(out, indent=1))
EOF
