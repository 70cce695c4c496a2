#!/usr/bin/env bash
# Fails when a tracked file cites the notes/ folder. Those notes live outside
# the repository, so a reader of the code cannot follow such a citation.
# Comments and docs cite the repository's own docs (docs/janus.md,
# docs/codec-anchors.md, docs/benchmarks.md, module READMEs), RFCs, or
# upstream source files and lines instead.
#
#   tests/docs/no-notes-citations.sh SOURCE_DIR
#
# Exit 0 clean, 1 citations found (listed as file:line: text), 77 skipped
# (SOURCE_DIR is not a git checkout, e.g. a source tarball).
set -euo pipefail

root=${1:?usage: no-notes-citations.sh SOURCE_DIR}
self=tests/docs/no-notes-citations.sh
cd "$root"
if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "skipped: $root is not a git checkout"
  exit 77
fi

# "notes/" as a path component ("notes/x.md", "../shared/notes/x.md"), not
# as the tail of a longer name such as "release-notes/".
pattern='(^|[^[:alnum:]_-])notes/'
hits=$(git ls-files -z -- core app ui tests bench scripts docs README.md \
  | grep -zv "^${self}\$" \
  | xargs -0 grep -sInE "$pattern" -- || true)

if [[ -n $hits ]]; then
  count=$(grep -c . <<<"$hits")
  echo "error: $count citation(s) of notes/, which is not in the repository:" >&2
  echo "$hits" >&2
  echo "Cite the repository's docs instead: docs/janus.md, docs/codec-anchors.md," >&2
  echo "docs/benchmarks.md or a module README (add the fact there first), an RFC," >&2
  echo "or an upstream source file and line." >&2
  exit 1
fi
echo "no citations of notes/ in $(git ls-files -- core app ui tests bench scripts docs README.md | wc -l) tracked files"
