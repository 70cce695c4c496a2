#!/usr/bin/env bash
# The suite's harnesses skip (exit 77) when a part cannot run on this
# machine, and fail instead under SPOKE_TESTS_REQUIRE_ALL=1, which
# scripts/test sets. This checks both answers of tests/janus/janus-netns
# with Janus hidden from PATH (a PATH of links to every other program).
#
#   tests/docs/skips-forbidden.sh SOURCE_DIR
set -euo pipefail

root=${1:?usage: skips-forbidden.sh SOURCE_DIR}
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
for program in /usr/bin/* /bin/*; do
    name=${program##*/}
    [[ $name == janus ]] || ln -sf "$program" "$bin/$name"
done

run() {
    env -u SPOKE_TESTS_REQUIRE_ALL PATH="$bin" "$@" bash "$root/tests/janus/janus-netns" "$bin/run" -- true \
        >/dev/null 2>&1 && return 0 || return $?
}

status=0
run || status=$?
if ((status != 77)); then
    echo "without SPOKE_TESTS_REQUIRE_ALL, a missing janus should skip (77), got $status"
    exit 1
fi
status=0
run SPOKE_TESTS_REQUIRE_ALL=1 || status=$?
if ((status != 1)); then
    echo "under SPOKE_TESTS_REQUIRE_ALL=1, a missing janus should fail (1), got $status"
    exit 1
fi
echo "janus-netns skips (77) by default and fails (1) when skips are forbidden"
