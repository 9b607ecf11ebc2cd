#!/usr/bin/python3
"""GEMM ceiling: square C = A @ B through numpy and torch (both call the system
OpenBLAS on Debian), float32 (sgemm-N) and float64 (dgemm-N), n = 256..2048.

value = GFLOPS = 2 n^3 / t for the best of --repeats timed samples (after
0.2 s of untimed warm-up calls; small n average several calls per sample);
C is preallocated and written with out=, so allocation
is not measured.  Each product is checked against a float64 product on a few
rows, so a fast wrong kernel cannot go unnoticed.
"""
import sys

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
import common  # first: sets thread/kernel environment before numpy loads
from common import emit, log, now

import numpy as np


def check_rows(A, B, C, rows=4):
    """Worst |C - A@B| on a few rows, relative to (|A| @ |B|), the scale of the
    standard rounding-error bound; computed in float64."""
    A64, B64 = A[:rows].astype(np.float64), B.astype(np.float64)
    err = np.abs(np.asarray(C[:rows], dtype=np.float64) - A64 @ B64)
    return float((err / (np.abs(A64) @ np.abs(B64))).max())


def time_calls(fn, repeats, min_sample_s=0.05):
    """Seconds per call for `repeats` samples.  A sample averages as many calls
    as fill min_sample_s: a single 0.5 ms call is at the mercy of one timer tick
    or one preempted thread on a shared machine."""
    fn()  # first touch of C, thread start-up
    t0 = now()
    calls = 0
    while now() - t0 < 0.2:  # warm-up: lets the OpenBLAS threads and clocks settle
        fn()
        calls += 1
    per_sample = max(1, int(min_sample_s / ((now() - t0) / calls)))
    times = []
    for _ in range(repeats):
        t0 = now()
        for _ in range(per_sample):
            fn()
        times.append((now() - t0) / per_sample)
    return times, per_sample


def main():
    ap = common.base_parser(__doc__.split("\n")[0])
    ap.add_argument("--sizes", default=None, help="comma list (default 256,512,1024,2048; --quick 256,512)")
    ap.add_argument("--repeats", type=int, default=7)
    args = ap.parse_args()
    sizes = [int(s) for s in (args.sizes or ("256,512" if args.quick else "256,512,1024,2048")).split(",")]

    rng = np.random.default_rng(1)
    for impl in common.selected_impls(args):
        for dtype, prefix in ((np.float32, "sgemm"), (np.float64, "dgemm")):
            for n in sizes:
                A = rng.standard_normal((n, n)).astype(dtype)
                B = rng.standard_normal((n, n)).astype(dtype)
                C = np.empty((n, n), dtype)
                if impl == "numpy":
                    times, calls = time_calls(lambda: np.matmul(A, B, out=C), args.repeats)
                    err = check_rows(A, B, C)
                else:
                    torch = common.import_torch()
                    At, Bt, Ct = torch.from_numpy(A), torch.from_numpy(B), torch.from_numpy(C)
                    times, calls = time_calls(lambda: torch.mm(At, Bt, out=Ct), args.repeats)
                    err = check_rows(A, B, Ct.numpy())
                flops = 2.0 * n ** 3
                best = min(times)
                median = sorted(times)[len(times) // 2]
                log("gemm: %s %s-%d %.1f GFLOPS" % (impl, prefix, n, flops / best / 1e9))
                emit("gemm", "%s-%d" % (prefix, n), impl, flops / best / 1e9, "GFLOPS",
                     gflops_median=flops / median / 1e9, best_s=best, repeats=len(times), calls_per_sample=calls,
                     n=n, dtype=np.dtype(dtype).name, rel_error=err,
                     correct=err < (1e-5 if dtype == np.float32 else 1e-13),
                     quick=args.quick)


if __name__ == "__main__":
    main()
