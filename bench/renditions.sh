#!/usr/bin/env bash
# Renditions (core/recording makeRendition) against the ffmpeg CLI on the
# same input with like settings, side by side in one run.
#
#   bench/renditions.sh [SPOKE_CLI] [SECONDS]
#
# `spoke-cli bench renditions` writes a SECONDS-long 720p recording the way
# Recorder does (VP8 1.5 Mbit/s + Opus 48 kbit/s, a keyframe every 2 s) and
# times its conversion to light and audio-slides. The same file is then
# converted by ffmpeg with the same targets: VP8 real-time, cpu-used -6, CBR
# 225 kbit/s at 360 lines, one encoder thread, two decoder threads; Opus
# VoIP in 60 ms packets, mono, 32 kbit/s (light) or 15 kbit/s constrained
# VBR (audio-slides). Prints wall and CPU (user + system) seconds of each,
# our CPU time over the recording's length, ours/ffmpeg, and the sizes. CPU
# time is the figure to read on a busy machine; wall time moves with the load.
set -euo pipefail

cli=${1:-build/release/app/cli/spoke-cli}
seconds=${2:-120}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

json=$("$cli" --data-dir "$work/data" bench renditions --seconds "$seconds" --json)
input=$(jq -r .input <<<"$json")

timed() { # prints "wall user+system" seconds of the command
  local TIMEFORMAT='%R %U %S' out
  out=$( { time "$@" >/dev/null 2>&1; } 2>&1 )
  awk '{printf "%s %.3f\n", $1, $2 + $3}' <<<"$out"
}

read -r ff_light_wall ff_light_cpu < <(timed ffmpeg -v error -y -threads 2 -i "$input" -vf scale=-2:360 \
  -c:v libvpx -deadline realtime -cpu-used -6 -threads 1 -b:v 225k -minrate 225k -maxrate 225k -g 60 \
  -c:a libopus -b:a 32k -ac 1 -application voip -frame_duration 60 "$work/ffmpeg-light.webm")
read -r ff_audio_wall ff_audio_cpu < <(timed ffmpeg -v error -y -threads 2 -i "$input" -vn \
  -c:a libopus -b:a 15k -ac 1 -application voip -frame_duration 60 -vbr constrained -compression_level 10 \
  "$work/ffmpeg-audio-slides.webm")

size() { stat -c %s "$1"; }
printf '%-13s %9s %9s %9s %9s %10s %11s %11s %12s %12s\n' rendition ours_wall ff_wall ours_cpu ff_cpu \
  ours_cpu_rt ours/ff_wall ours/ff_cpu ours_bytes ffmpeg_bytes
row() { # name ours_wall ff_wall ours_cpu ff_cpu ours_bytes ff_bytes
  printf '%-13s %9.2f %9.2f %9.2f %9.2f %10.4f %11.2f %11.2f %12d %12d\n' "$1" "$2" "$3" "$4" "$5" \
    "$(echo "$4 / $seconds" | bc -l)" "$(echo "$2 / $3" | bc -l)" "$(echo "$4 / $5" | bc -l)" "$6" "$7"
}
row light "$(jq .light.wall_seconds <<<"$json")" "$ff_light_wall" "$(jq .light.cpu_seconds <<<"$json")" \
  "$ff_light_cpu" "$(jq .light.bytes <<<"$json")" "$(size "$work/ffmpeg-light.webm")"
row audio-slides "$(jq .audio_slides.wall_seconds <<<"$json")" "$ff_audio_wall" \
  "$(jq .audio_slides.cpu_seconds <<<"$json")" "$ff_audio_cpu" "$(jq .audio_slides.bytes <<<"$json")" \
  "$(size "$work/ffmpeg-audio-slides.webm")"
echo "input: $(jq .input_bytes <<<"$json") bytes, ${seconds} s of 720p"
