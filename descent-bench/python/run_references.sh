#!/bin/bash
# Runs Descent's Python reference benchmarks and collects their JSON lines.
#
#   run_references.sh [--quick] [--out FILE] [SUITES...]
#
# SUITES: any of course mlp gemm gradcheck data (default: all, in that order).
# --out FILE: where the JSON lines go (default descent-bench/target/references.jsonl;
#             the file is overwritten).  Progress goes to stderr.
# --quick: smoke-test sizes, a few seconds per script.
#
# Every (suite, implementation) pair runs in its own process: a process that has
# loaded torch (libgomp, its thread pool) measurably slows numpy afterwards, and
# each library must read the thread settings below when it is first loaded.
# A missing numpy or torch is reported and skipped (exit 0), so this can run on
# machines without the Python stack; a script that fails makes the exit code 1.
set -u

here=$(cd "$(dirname "$0")" && pwd)
# Debian's python, which python3-numpy/torch/sklearn install into (overridable for tests).
PY=${DESCENT_BENCH_PYTHON:-/usr/bin/python3}
quick=()
out="$here/../target/references.jsonl"
suites=()
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=(--quick) ;;
        --out) out=${2:?--out needs a file}; shift ;;
        --out=*) out=${1#--out=} ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        course|mlp|gemm|gradcheck|data) suites+=("$1") ;;
        *) echo "run_references: unknown argument '$1'" >&2; exit 2 ;;
    esac
    shift
done
[ ${#suites[@]} -eq 0 ] && suites=(course mlp gemm gradcheck data)

if [ ! -x "$PY" ]; then
    echo "run_references: $PY not found; skipping the Python references" \
         "(apt-get install python3-numpy python3-torch python3-sklearn)" >&2
    exit 0
fi

# Best settings for the references: one thread per core, for both BLAS and OpenMP.
threads=${DESCENT_BENCH_THREADS:-$(nproc)}
export DESCENT_BENCH_THREADS=$threads OMP_NUM_THREADS=$threads \
       OPENBLAS_NUM_THREADS=$threads MKL_NUM_THREADS=$threads
# PASSIVE: idle OpenMP workers sleep instead of spinning; otherwise torch's pool
# fights OpenBLAS's threads for the cores (2-4x slower at small batches).
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
# OpenBLAS can miss AVX-512 on CPUs it does not know and fall back to AVX2 kernels.
if [ -z "${OPENBLAS_CORETYPE:-}" ] && grep -qw avx512f /proc/cpuinfo 2>/dev/null; then
    export OPENBLAS_CORETYPE=SkylakeX
fi
export PYTHONDONTWRITEBYTECODE=1

have() { "$PY" -c "import $1" >/dev/null 2>&1; }
impls=()
if have numpy; then impls+=(numpy); else
    # torch's scripts need numpy too (data, initial weights), so nothing can run.
    echo "run_references: numpy is not importable by $PY; skipping every reference" \
         "(apt-get install python3-numpy)" >&2
fi
if [ ${#impls[@]} -eq 0 ]; then :
elif have torch; then impls+=(torch); else
    echo "run_references: torch is not importable by $PY; skipping the torch references" \
         "(apt-get install python3-torch)" >&2
fi
have sklearn || sklearn_missing=1
# the data suite's CSV references: numpy.loadtxt and pandas.read_csv; its training reference: torch
data_impls=()
for impl in "${impls[@]}"; do
    data_impls+=("$impl")
    if [ "$impl" = numpy ]; then
        if have pandas; then data_impls+=(pandas); else
            echo "run_references: pandas is not importable; the data suite runs without it" \
                 "(apt-get install python3-pandas)" >&2
        fi
    fi
done

mkdir -p "$(dirname "$out")"
: > "$out"
echo "run_references: threads=$threads OMP_WAIT_POLICY=$OMP_WAIT_POLICY" \
     "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-<auto>} suites=${suites[*]} ${quick[*]:-}" >&2

status=0
for suite in "${suites[@]}"; do
    if [ "$suite" = course ] && [ -n "${sklearn_missing:-}" ]; then
        echo "run_references: scikit-learn is not importable; skipping course" \
             "(apt-get install python3-sklearn)" >&2
        continue
    fi
    suite_impls=("${impls[@]}")
    [ "$suite" = data ] && suite_impls=("${data_impls[@]}")
    for impl in "${suite_impls[@]}"; do
        [ "$suite" = gradcheck ] && [ "$impl" != numpy ] && continue  # numpy-only workload
        echo "run_references: $suite ($impl)" >&2
        if ! "$PY" "$here/$suite.py" --impl "$impl" "${quick[@]}" >> "$out"; then
            echo "run_references: $suite ($impl) FAILED" >&2
            status=1
        fi
    done
done
echo "run_references: $(wc -l < "$out") result lines in $out" >&2
exit $status
