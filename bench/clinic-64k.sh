#!/usr/bin/env bash
# What a 64 kbit/s clinic spends in a session, and how fast it follows the
# slides: a real spoke-hub (SQLite) with one session, a presenter (the
# stamped test pattern and the marked tone) who shares a PDF deck through
# the hub and turns a page every TURN_EVERY seconds (20, as in a didactic),
# and a clinic whose link is capped at 64 kbit/s with 100 ms delay and 3 %
# loss each way (`spoke-cli join --impair`): every PeerConnection's
# datagrams (core/transport's Impairment) and its hub connection (the deck
# download, the event socket: sync::HubLinkRelay, a budget of its own next to
# the PeerConnections'), all in a private Janus's namespace
# (tests/janus/janus-netns), for SECONDS (default 300). The clinic joins
# first, the presenter 3 s later, and the presenter leaves 5 s before the
# clinic, so that every turn has time to arrive.
#
# Reads the clinic's data meter (stats `bytes_sent`/`bytes_received`: every
# PeerConnection's DTLS and SRTP datagrams as UDP payloads, plus the hub
# connection's TCP payloads, retransmissions included, which `hub_bytes_*`
# show apart; ICE's STUN checks are not counted) and prints one JSON object:
# bytes each way, the mean kbit/s, the MB (10^6 bytes) per 90 minutes (the
# target is under 60 MB) both as the run's total scaled to 90 minutes and as
# the deck once plus everything else scaled, the page-turn latencies (max,
# p95: the hub's at_ms against the clinic's receive time, both on this
# machine's clock), whether the clinic stopped receiving video, and the
# presenter's audio as the clinic heard it (lost packets, time in gaps over
# 60 ms).
#
# Usage: bench/clinic-64k.sh SPOKE_CLI [SECONDS] [EXTRA CLINIC JOIN ARGS...]
# (e.g. --audio-only). spoke-hub is taken next to spoke-cli in the build
# (app/hub/spoke-hub) unless SPOKE_HUB names it. CLINIC_DECK_BYTES (default
# 500000) sizes the deck, CLINIC_TURN_EVERY (20) the seconds between turns.
# Figures: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
cli=$(realpath "${1:?usage: bench/clinic-64k.sh SPOKE_CLI [SECONDS] [CLINIC JOIN ARGS...]}")
hub_bin=$(realpath "${SPOKE_HUB:-$(dirname "$cli")/../hub/spoke-hub}")
seconds=${2:-300}
shift $(($# < 2 ? $# : 2))
extra=("$@")
link=${CLINIC_LINK:-rate=64kbit,delay=100ms,loss=3%,seed=11}
deck_bytes=${CLINIC_DECK_BYTES:-500000}
turn_every=${CLINIC_TURN_EVERY:-20}
presenter_late=3

if [[ ${CLINIC_INSIDE:-} != 1 ]]; then
    run=$(mktemp -d)
    trap 'rm -rf "$run"' EXIT
    CLINIC_INSIDE=1 CLINIC_RUN=$run SPOKE_HUB=$hub_bin tests/janus/janus-netns "$run/janus" -- \
        "$0" "$cli" "$seconds" "${extra[@]}"
    exit $?
fi

run=$CLINIC_RUN
last_json() { tail -n 1; }
admin() { "$hub_bin" admin --data-dir "$run/hub" "$@" | last_json; }
field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

# The hub: one programme, one session starting now, on the harness's Janus.
programme=$(admin programme add --name "Namibia HIV ECHO" --kind hiv | field id)
session=$(admin session add --programme "$programme" --title "Week 14" \
    --starts "$(date -u +%Y-%m-%dT%H:%M:%SZ)" | field id)
printf '%s\n' "$SPOKE_JANUS_ADMIN_SECRET" >"$run/janus-admin-key"
"$hub_bin" serve --data-dir "$run/hub" --listen 127.0.0.1:0 \
    --janus "main=$SPOKE_JANUS_HTTP/janus,$SPOKE_JANUS_WS" --janus-admin-key-file "$run/janus-admin-key" \
    >"$run/hub.out" 2>"$run/hub.log" &
hub_pid=$!
trap 'kill "$hub_pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do [[ -s $run/hub.out ]] && break; sleep 0.1; done
url=$(head -n 1 "$run/hub.out" | field url)

# The presenter and the clinic, each signed in from its own data dir.
printf 'correct horse battery staple\n' >"$run/password"
for member in presenter:specialist clinic:clinician; do
    name=${member%%:*}
    code=$(admin member invite --programme "$programme" --role "${member##*:}" | field code)
    "$cli" --data-dir "$run/$name" hub join "$url" --invite "$code" --email "$name@clinic.example" \
        --name "$name" --password-file "$run/password" >/dev/null
done

# The deck: 20 pages padded to deck_bytes with random bytes (pictures that no
# compression shrinks), as tests/call/call_clinic_test.cpp builds its own.
python3 - "$run/didactic.pdf" "$deck_bytes" <<'PY'
import os, sys
path, size = sys.argv[1], int(sys.argv[2])
pages = 20
objects = ["<< /Type /Catalog /Pages 2 0 R >>",
           "<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join("%d 0 R" % (3 + 2 * i) for i in range(pages)), pages)]
for i in range(pages):
    content = "%.3f 0.4 0.6 rg 0 0 720 540 re f\n" % (i / pages)
    objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 720 540] /Contents %d 0 R /Resources << >> >>" % (4 + 2 * i))
    objects.append("<< /Length %d >>\nstream\n%sendstream" % (len(content), content))
pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
offsets = []
for number, body in enumerate(objects, 1):
    offsets.append(len(pdf))
    pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body.encode())
padding = os.urandom(max(0, size - len(pdf) - 400))
offsets.append(len(pdf))
pdf += b"%d 0 obj\n<< /Length %d >>\nstream\n" % (len(offsets), len(padding)) + padding + b"\nendstream\nendobj\n"
xref = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
pdf += b"".join(b"%010d 00000 n \n" % o for o in offsets)
pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, xref)
open(path, "wb").write(pdf)
PY

join() {
    local name=$1 seconds=$2
    shift 2
    "$cli" --data-dir "$run/$name" join --hub-session "$session" --device-id "$name" --practice \
        --seconds "$seconds" --ice-iface "$SPOKE_ICE_IFACE" --stats "$run/$name.json" "$@" \
        >/dev/null 2>"$run/$name.log"
}
join clinic "$seconds" --impair "$link" "${extra[@]}" &
clinic=$!
sleep "$presenter_late"
join presenter $((seconds - presenter_late - 5)) --share-slides "$run/didactic.pdf" --turn-every "$turn_every" &
presenter=$!
wait "$presenter" "$clinic"

python3 - "$run/clinic.json" "$run/presenter.json" "$seconds" "$link" "$(stat -c %s "$run/didactic.pdf")" <<'PY'
import json, sys
stats = json.load(open(sys.argv[1]))
shared = json.load(open(sys.argv[2])).get("slides_shared", {})
seconds, deck = int(sys.argv[3]), int(sys.argv[5])
sent, received = stats["bytes_sent"], stats["bytes_received"]
presenter = next((r for r in stats["remote"] if r["display"] == "presenter"), {})
audio = presenter.get("audio", {})
started = stats.get("live_started_unix_ms", 0)
latencies = sorted(started + e["received_ms"] - e["at_ms"] for e in stats.get("slide_events", []))
p95 = latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))] if latencies else None
scale = 5400 / seconds
print(json.dumps({
    "link": sys.argv[4],
    "seconds": seconds,
    "bytes_sent": sent,
    "bytes_received": received,
    "hub_bytes_sent": stats.get("hub_bytes_sent"),
    "hub_bytes_received": stats.get("hub_bytes_received"),
    "deck_bytes": deck,
    "decks_downloaded": stats.get("decks_downloaded"),
    "mean_kbps": round((sent + received) * 8 / seconds / 1000, 1),
    "mb_per_90_min_scaled": round((sent + received) * scale / 1e6, 1),
    "mb_per_90_min_deck_once": round(((sent + received - deck) * scale + deck) / 1e6, 1),
    "turns_sent": shared.get("turns_sent"),
    "turns_received": len(latencies),
    "turn_latency_ms_max": latencies[-1] if latencies else None,
    "turn_latency_ms_p95": p95,
    "live_errors": stats.get("live_errors"),
    "video_paused_at_end": presenter.get("video_paused"),
    "video_events": [e for e in stats["events"] if "video" in e],
    "presenter_audio_lost": [audio.get("lost"), audio.get("packets")],
    "presenter_audio_long_gaps_ms": [audio.get("long_gaps_ms"), audio.get("span_ms")],
}, indent=2))
PY
