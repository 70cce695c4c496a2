#!/usr/bin/env bash
# What a 64 kbit/s clinic spends in a session: a hub (the stamped test
# pattern and the marked tone, like a presenter) and a clinic whose every
# PeerConnection is capped at 64 kbit/s with 100 ms delay and 3 % loss each
# way (`spoke-cli join --impair`), in one room of a private Janus
# (tests/janus/janus-netns), for SECONDS (default 300). Reads the clinic's
# data meter (stats `bytes_sent`/`bytes_received`: every PeerConnection's
# DTLS and SRTP datagrams as UDP payloads; ICE's STUN checks are not
# counted) and prints one JSON object: bytes each way, the mean kbit/s, the
# MB (10^6 bytes) extrapolated to 90 minutes (the target is under 60 MB),
# whether the clinic stopped receiving video, and the hub's audio as the
# clinic heard it (lost packets, time in gaps over 60 ms).
#
# Usage: bench/clinic-64k.sh SPOKE_CLI [SECONDS] [EXTRA CLINIC JOIN ARGS...]
# (e.g. --audio-only). Figures: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
cli=$(realpath "${1:?usage: bench/clinic-64k.sh SPOKE_CLI [SECONDS] [CLINIC JOIN ARGS...]}")
seconds=${2:-300}
shift $(($# < 2 ? $# : 2))
extra=("$@")
link=${CLINIC_LINK:-rate=64kbit,delay=100ms,loss=3%,seed=11}

if [[ ${CLINIC_INSIDE:-} != 1 ]]; then
    run=$(mktemp -d)
    trap 'rm -rf "$run"' EXIT
    CLINIC_INSIDE=1 CLINIC_RUN=$run tests/janus/janus-netns "$run/janus" -- "$0" "$cli" "$seconds" "${extra[@]}"
    exit $?
fi

join() {
    local name=$1
    shift
    "$cli" --data-dir "$CLINIC_RUN/$name" join --janus "$SPOKE_JANUS_WS" --room "$SPOKE_JANUS_ROOM" \
        --display "$name" --seconds "$seconds" --ice-iface "$SPOKE_ICE_IFACE" \
        --stats "$CLINIC_RUN/$name.json" "$@" >/dev/null 2>"$CLINIC_RUN/$name.log"
}
join hub &
hub=$!
join clinic --impair "$link" "${extra[@]}" &
clinic=$!
wait "$hub" "$clinic"

python3 - "$CLINIC_RUN/clinic.json" "$seconds" "$link" <<'PY'
import json, sys
stats = json.load(open(sys.argv[1]))
seconds = int(sys.argv[2])
sent, received = stats["bytes_sent"], stats["bytes_received"]
hub = next((r for r in stats["remote"] if r["display"] == "hub"), {})
audio = hub.get("audio", {})
print(json.dumps({
    "link": sys.argv[3],
    "seconds": seconds,
    "bytes_sent": sent,
    "bytes_received": received,
    "mean_kbps": round((sent + received) * 8 / seconds / 1000, 1),
    "mb_per_90_min": round((sent + received) * 5400 / seconds / 1e6, 1),
    "video_paused_at_end": hub.get("video_paused"),
    "video_events": [e for e in stats["events"] if "video" in e],
    "hub_audio_lost": [audio.get("lost"), audio.get("packets")],
    "hub_audio_long_gaps_ms": [audio.get("long_gaps_ms"), audio.get("span_ms")],
}, indent=2))
PY
