#!/usr/bin/env bash
# Fails when a function in the call engine runs over MAX lines. A stream's
# whole work in one function (the old 366-line receive loop) is what the
# clock-free stages of core/call/send and core/call/receive replaced; this
# keeps it that way (docs/architecture.md, "Threads").
#
#   tests/docs/function-length.sh SOURCE_DIR [MAX] [DIR...]
#
# A function is what clang-format lays out in the house style: a body opened
# by "{" alone at column 0 and closed by "}" alone at column 0; lambdas count
# towards the function they are written in. Exit 0 clean, 1 with the list.
set -euo pipefail

root=${1:?usage: function-length.sh SOURCE_DIR [MAX] [DIR...]}
max=${2:-120}
shift $(($# < 2 ? $# : 2))
dirs=("$@")
((${#dirs[@]})) || dirs=(core/call)
cd "$root"

long=$(find "${dirs[@]}" -name '*.cpp' -print0 | sort -z | xargs -0 awk -v max="$max" '
    FNR == 1 { start = 0 }
    /^\{$/ { start = FNR; signature = previous }
    /^\}$/ && start {
        lines = FNR - start + 1
        if (lines > max) printf "%s:%d: %d lines: %s\n", FILENAME, start, lines, signature
        start = 0
    }
    { previous = $0 }')

if [[ -n $long ]]; then
    echo "Functions over $max lines (split them into named stages that take the time as a parameter):"
    echo "$long"
    exit 1
fi
echo "no function in ${dirs[*]} is over $max lines"
