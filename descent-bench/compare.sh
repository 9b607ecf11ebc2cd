#!/bin/bash
# Runs Descent's benchmark suites and the numpy/PyTorch references one after another on this
# machine, then writes docs/performance.md: a table per suite, the issue's targets and whether
# each is met, the machine, versions and settings.
#
#   descent-bench/compare.sh [--quick] [--out FILE] [SUITES...]
#   descent-bench/compare.sh --update [--stretch JSON] data
#
# SUITES: any of course mlp gemm gradcheck search data (default: all, in that order). For each suite,
# `./descent bench SUITE --json` runs first, then descent-bench/python/run_references.sh for the
# same suite, so both see the same machine minutes apart (search has no reference: its target
# is absolute).
# --quick: smoke-test sizes on both sides (a minute or two in all); not comparable with full runs.
# --rounds K: run each suite K times, Descent and the references taking turns, and report each
#   side's best (memory and allocation: the worst) with every round's ratio beside it; on a shared
#   or virtual machine a neighbour's burst then spoils one round, not the comparison (default 1).
# --out FILE: the report (default docs/performance.md).
# --update: rewrite only the data section of FILE and its rows of the targets table, keeping the
#   other suites' figures (data only). --stretch JSON: a `descent bench data --json
#   --epoch-examples 5000000` report to show as the stretch, measured once (else the one on the page stays).
# Threads: DESCENT_BENCH_THREADS (default: nproc) for Descent's OpenBLAS and for the references.
# Raw results: descent-bench/target/compare/ (descent-SUITE.json, references-SUITE.jsonl, logs).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
quick=()
update=()
stretch=()
rounds=1
out="$root/docs/performance.md"
suites=()
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=(--quick) ;;
        --out) out=${2:?--out needs a file}; shift ;;
        --out=*) out=${1#--out=} ;;
        --rounds) rounds=${2:?--rounds needs a count}; shift ;;
        --rounds=*) rounds=${1#--rounds=} ;;
        --update) update=(--update) ;;
        --stretch) stretch=(--stretch "$(cd "$(dirname "${2:?--stretch needs a file}")" && pwd)/$(basename "$2")"); shift ;;
        -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
        course|mlp|gemm|gradcheck|search|data) suites+=("$1") ;;
        *) echo "compare: unknown argument '$1'; expected --quick, --rounds K, --out FILE, --update, --stretch JSON or suites course mlp gemm gradcheck search data" >&2
           exit 2 ;;
    esac
    shift
done
[ ${#suites[@]} -eq 0 ] && suites=(course mlp gemm gradcheck search data)
if [ ${#update[@]} -gt 0 ] && [ "${suites[*]}" != data ]; then
    echo "compare: --update rewrites the data section only; run: compare.sh --update data" >&2; exit 2
fi

case "$rounds" in
    ''|*[!0-9]*|0) echo "compare: --rounds '$rounds': expected a whole number of rounds, at least 1" >&2; exit 2 ;;
esac

threads=${DESCENT_BENCH_THREADS:-$(nproc)}
export DESCENT_BENCH_THREADS=$threads
dir="$root/descent-bench/target/compare"
rm -rf "$dir"
mkdir -p "$dir"
cat /proc/loadavg > "$dir/loadavg-start" 2>/dev/null || echo "" > "$dir/loadavg-start"
date -u +%Y-%m-%dT%H:%M:%SZ > "$dir/started"

# Build the command line first, so that compiling does not load the machine during a suite.
echo "compare: building ./descent …" >&2
"$root/descent" --version >&2

status=0
for suite in "${suites[@]}"; do
  for round in $(seq 1 "$rounds"); do
    tag="$suite"; what="$suite"
    if [ "$rounds" -gt 1 ]; then tag="$suite.r$round"; what="$suite, round $round of $rounds"; fi
    echo "compare: $what (Descent, $threads OpenBLAS threads)" >&2
    if ! "$root/descent" bench "$suite" --json --threads "$threads" "${quick[@]}" \
            > "$dir/descent-$tag.json" 2> "$dir/descent-$tag.log"; then
        echo "compare: descent bench $suite FAILED (see $dir/descent-$tag.log)" >&2
        tail -5 "$dir/descent-$tag.log" >&2
        rm -f "$dir/descent-$tag.json"
        status=1
    fi
    if [ "$suite" = search ]; then
        [ "$round" = 1 ] && echo "compare: search has no numpy/PyTorch reference (its target is absolute)" >&2
        continue
    fi
    echo "compare: $what (numpy, PyTorch)" >&2
    if ! "$here/python/run_references.sh" "${quick[@]}" --out "$dir/references-$tag.jsonl" "$suite" \
            2> "$dir/references-$tag.log"; then
        echo "compare: references for $suite FAILED (see $dir/references-$tag.log)" >&2
        tail -5 "$dir/references-$tag.log" >&2
        status=1
    fi
  done
done
cat /proc/loadavg > "$dir/loadavg-end" 2>/dev/null || echo "" > "$dir/loadavg-end"

PY=${DESCENT_BENCH_PYTHON:-/usr/bin/python3}
command -v "$PY" >/dev/null || PY=python3
"$PY" "$here/performance_report.py" --dir "$dir" --out "$out" --threads "$threads" \
    "${quick[@]}" "${update[@]}" "${stretch[@]}" "${suites[@]}"
echo "compare: wrote $out" >&2
exit $status
