#!/usr/bin/env bash
# VP8 encode throughput of Spoke's encoder against vpxenc on the same frames
# with the same real-time settings, side by side in one run.
#
#   bench/vp8-vs-vpxenc.sh [SPOKE_CLI] [SECONDS]
#
# For 640x360 and 1280x720: writes the stamped test pattern as Y4M (tmpfs),
# encodes it with vpxenc and with `spoke-cli bench encode --input`, each
# three times, and prints the median fps of both and their ratio. Both time
# only the encoder calls (vpxenc's own "(N fps)" figure), 1 thread, CBR,
# cpu-used -6, static threshold 1 (vpxenc's; Spoke's live default is 1000), no
# frame dropping.
set -euo pipefail

cli=${1:-build/release/app/cli/spoke-cli}
seconds=${2:-10}
work=$(mktemp -d /dev/shm/spoke-vp8-XXXXXX 2>/dev/null || mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '%-10s %8s %12s %12s %7s %10s %10s\n' size kbps vpxenc_fps spoke_fps ratio vpx_psnr spoke_psnr
for case in 640x360:500 1280x720:1200; do
  size=${case%%:*}
  kbps=${case##*:}
  w=${size%x*}
  h=${size#*x}
  src="$work/src_$size.y4m"
  "$cli" bench encode --size "$size" --fps 30 --seconds "$seconds" --write-y4m "$src" >/dev/null

  vpx() {
    vpxenc --codec=vp8 --rt --cpu-used=-6 --threads=1 --end-usage=cbr --target-bitrate="$kbps" \
      --lag-in-frames=0 --error-resilient=1 --drop-frame=0 --buf-sz=1000 --buf-initial-sz=500 \
      --buf-optimal-sz=600 --undershoot-pct=100 --overshoot-pct=15 --min-q=2 --max-q=56 \
      --kf-max-dist=3000 --static-thresh=1 --max-intra-rate=300 --noise-sensitivity=0 --token-parts=0 \
      "$@" -o "$work/out.ivf" --ivf "$src" 2>&1 | tr '\r' '\n'
  }
  spoke() {
    "$cli" bench encode --codec vp8 --size "$size" --fps 30 --seconds "$seconds" --bitrate "$((kbps * 1000))" --static-thresh 1 \
      --input "$src" --json
  }
  # Run 0 measures quality (vpxenc --psnr costs time) and is not timed.
  vpx_psnr=$(vpx --psnr | awk '/Stream 0 PSNR/ {print $6}')  # the per-frame average, like spoke's
  spoke_psnr=$(spoke | grep '"psnr_db"' | tr -dc '0-9.')
  vpx_runs=()
  spoke_runs=()
  for run in 1 2 3; do
    vpx_runs+=("$(vpx | grep -o '([0-9.]* fps)' | tail -1 | tr -d '(' | awk '{print $1}')")
    spoke_runs+=("$(spoke | grep '"fps"' | tr -dc '0-9.')")
  done
  vpx=$(printf '%s\n' "${vpx_runs[@]}" | median)
  spoke=$(printf '%s\n' "${spoke_runs[@]}" | median)
  ratio=$(awk -v a="$spoke" -v b="$vpx" 'BEGIN {printf "%.2f", a / b}')
  printf '%-10s %8s %12.1f %12.1f %7s %10s %10.2f\n' "$size" "$kbps" "$vpx" "$spoke" "$ratio" "${vpx_psnr:-?}" "$spoke_psnr"
  echo "  runs: vpxenc ${vpx_runs[*]} | spoke ${spoke_runs[*]}"
done
