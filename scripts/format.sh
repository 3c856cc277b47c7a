#!/usr/bin/env bash
# Formats every C++ file git knows with the root .clang-format (clang-format 14, Debian 12).
#   scripts/format.sh          rewrite in place
#   scripts/format.sh --check  list the files that differ and exit 1 if any does (CI)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.h')
if [ "${1:-}" = "--check" ]; then
    bad=0
    for f in "${files[@]}"; do
        if ! clang-format --dry-run -Werror "$f" >/dev/null 2>&1; then
            echo "not formatted: $f"
            bad=1
        fi
    done
    exit $bad
fi
clang-format -i "${files[@]}"
