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
# VBR (audio-slides). Prints wall seconds, the ratio to real time and
# ours/ffmpeg, and the sizes.
set -euo pipefail

cli=${1:-build/release/app/cli/spoke-cli}
seconds=${2:-120}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

json=$("$cli" --data-dir "$work/data" bench renditions --seconds "$seconds" --json)
input=$(jq -r .input <<<"$json")

timed() { # prints the wall seconds the command took
  local start end
  start=$(date +%s.%N)
  "$@"
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

ffmpeg_light=$(timed ffmpeg -v error -y -threads 2 -i "$input" -vf scale=-2:360 \
  -c:v libvpx -deadline realtime -cpu-used -6 -threads 1 -b:v 225k -minrate 225k -maxrate 225k -g 60 \
  -c:a libopus -b:a 32k -ac 1 -application voip -frame_duration 60 "$work/ffmpeg-light.webm")
ffmpeg_audio=$(timed ffmpeg -v error -y -threads 2 -i "$input" -vn \
  -c:a libopus -b:a 15k -ac 1 -application voip -frame_duration 60 -vbr constrained -compression_level 10 \
  "$work/ffmpeg-audio-slides.webm")

size() { stat -c %s "$1"; }
ours_light=$(jq .light.wall_seconds <<<"$json")
ours_audio=$(jq .audio_slides.wall_seconds <<<"$json")
printf '%-13s %10s %10s %12s %12s %10s %12s %12s\n' rendition ours_s ffmpeg_s ours_x_rt ffmpeg_x_rt ours/ff ours_bytes ffmpeg_bytes
row() {
  printf '%-13s %10.2f %10.2f %12.4f %12.4f %10.2f %12d %12d\n' "$1" "$2" "$3" \
    "$(echo "$2 / $seconds" | bc -l)" "$(echo "$3 / $seconds" | bc -l)" "$(echo "$2 / $3" | bc -l)" "$4" "$5"
}
row light "$ours_light" "$ffmpeg_light" "$(jq .light.bytes <<<"$json")" "$(size "$work/ffmpeg-light.webm")"
row audio-slides "$ours_audio" "$ffmpeg_audio" "$(jq .audio_slides.bytes <<<"$json")" \
  "$(size "$work/ffmpeg-audio-slides.webm")"
echo "input: $(jq .input_bytes <<<"$json") bytes, ${seconds} s of 720p"
