"""Shared helpers for Descent's Python reference benchmarks.

Every script imports this module before numpy or torch: OpenBLAS and libgomp read
their thread and kernel settings from the environment only once, when they are
loaded, so the settings must be in place before the first `import numpy`.

Environment knobs (all optional; run_references.sh sets them explicitly):
  DESCENT_BENCH_THREADS  thread count (default: the CPUs this process may use)
  OPENBLAS_CORETYPE      defaults to SkylakeX when /proc/cpuinfo has avx512f,
                         because OpenBLAS has been seen to pick its AVX2 kernels on
                         AVX-512 machines it does not recognise (about half speed)
  OMP_WAIT_POLICY        defaults to PASSIVE: torch's spinning OpenMP workers
                         otherwise compete with OpenBLAS's threads for the cores
"""
import json
import os
import platform
import statistics
import sys
import time


def _cpu_count():
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _cpu_flags():
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("flags"):
                    return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


def _cpu_model():
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


THREADS = int(os.environ.get("DESCENT_BENCH_THREADS") or _cpu_count())
HAS_AVX512F = "avx512f" in _cpu_flags()

# setdefault: an explicit choice by the caller (e.g. the driver) always wins.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, str(THREADS))
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
if HAS_AVX512F:
    os.environ.setdefault("OPENBLAS_CORETYPE", "SkylakeX")


# --------------------------------------------------------------------------
# command line
# --------------------------------------------------------------------------
def base_parser(description, impls=("numpy", "torch")):
    """Argument parser with the options every script shares."""
    import argparse
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--quick", action="store_true",
                    help="smoke-test sizes: a few seconds per script")
    ap.add_argument("--impl", choices=list(impls) + ["all"], default="all",
                    help="which implementation(s) to run (default all); the driver "
                         "runs each in its own process so they cannot disturb each other")
    return ap


def selected_impls(args, impls=("numpy", "torch")):
    return list(impls) if args.impl == "all" else [args.impl]


# --------------------------------------------------------------------------
# libraries and what they actually loaded
# --------------------------------------------------------------------------
_torch = None


def import_torch():
    """Import torch with its intra-op pool pinned to THREADS."""
    global _torch
    if _torch is None:
        import torch
        torch.set_num_threads(THREADS)
        _torch = torch
    return _torch


def blas_info():
    """Which BLAS library and kernel (core type) the process has loaded.

    threadpoolctl reads OpenBLAS's own openblas_get_corename(); without it we ask
    OpenBLAS directly through ctypes.  Only meaningful after numpy/torch import.
    """
    try:
        from threadpoolctl import threadpool_info
        for lib in threadpool_info():
            if lib.get("user_api") == "blas":
                return {"blas": lib.get("internal_api"),
                        "blas_version": lib.get("version"),
                        "blas_core": lib.get("architecture"),
                        "blas_threads": lib.get("num_threads"),
                        "blas_threading": lib.get("threading_layer")}
    except Exception:  # threadpoolctl missing or too old: fall through
        pass
    try:
        import ctypes
        import re
        with open("/proc/self/maps") as fh:
            paths = sorted(set(re.findall(r"/\S*openblas\S*\.so\S*", fh.read())))
        if paths:
            lib = ctypes.CDLL(paths[-1])
            lib.openblas_get_corename.restype = ctypes.c_char_p
            return {"blas": "openblas", "blas_version": None,
                    "blas_core": lib.openblas_get_corename().decode(),
                    "blas_threads": lib.openblas_get_num_threads(),
                    "blas_threading": None}
    except Exception:
        pass
    return {"blas": "unknown", "blas_version": None,
            "blas_core": "unknown (OPENBLAS_CORETYPE=%s)" % os.environ.get("OPENBLAS_CORETYPE"),
            "blas_threads": None, "blas_threading": None}


_env_cache = {}


def env_fields(impl):
    """Fields recorded on every result line so a number never travels without
    the conditions it was measured under."""
    if impl not in _env_cache:
        import numpy as np
        rec = {"threads": THREADS,
               "cpu": _cpu_model(),
               "avx512f": HAS_AVX512F,
               "python": platform.python_version(),
               "numpy_version": np.__version__}
        if impl == "torch":
            torch = import_torch()
            rec["torch_version"] = torch.__version__
            rec["torch_threads"] = torch.get_num_threads()
        rec.update(blas_info())
        rec["OPENBLAS_CORETYPE"] = os.environ.get("OPENBLAS_CORETYPE")
        rec["OMP_WAIT_POLICY"] = os.environ.get("OMP_WAIT_POLICY")
        _env_cache[impl] = rec
    return dict(_env_cache[impl])


def emit(suite, name, impl, value, unit, **extra):
    """Print one result as a JSON line (flushed: partial output survives a crash)."""
    rec = {"suite": suite, "name": name, "impl": impl, "value": value, "unit": unit}
    rec.update(extra)
    rec.update(env_fields(impl))
    rec["loadavg_1m"] = _loadavg()  # others' load on a shared machine explains outliers
    print(json.dumps(rec), flush=True)


def _loadavg():
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def log(msg):
    """Progress goes to stderr so stdout stays pure JSON lines."""
    print(msg, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# timing
# --------------------------------------------------------------------------
def now():
    return time.perf_counter()


def spread(values):
    """median/min/max of repeated measurements, for the extra fields."""
    return {"median": statistics.median(values), "min": min(values),
            "max": max(values), "runs": len(values)}


# --------------------------------------------------------------------------
# data (the course's datasets come from scikit-learn with fixed seeds)
# --------------------------------------------------------------------------
def moons():
    """Course optimization data: 300 points, examples as COLUMNS (2 x m), labels 1 x m."""
    import numpy as np
    from sklearn.datasets import make_moons
    X, y = make_moons(n_samples=300, noise=0.2, random_state=3)
    return np.ascontiguousarray(X.T), y.reshape(1, -1).astype(np.float64)


def circles(n_samples=300, seed=1):
    """Course initialization data (train: 300, seed 1; test: 100, seed 2)."""
    import numpy as np
    from sklearn.datasets import make_circles
    X, y = make_circles(n_samples=n_samples, noise=0.05, random_state=seed)
    return np.ascontiguousarray(X.T), y.reshape(1, -1).astype(np.float64)


def he_init(layers, seed=3):
    """He initialisation exactly as the course draws it: one RandomState(seed),
    W_l = randn(n_l, n_{l-1}) * sqrt(2 / n_{l-1}) layer by layer, b_l = 0.
    Returns [W1, b1, W2, b2, ...] in float64, W as (out, in), b as (out, 1)."""
    import numpy as np
    rs = np.random.RandomState(seed)
    params = []
    for l in range(1, len(layers)):
        params.append(rs.randn(layers[l], layers[l - 1]) * np.sqrt(2.0 / layers[l - 1]))
        params.append(np.zeros((layers[l], 1)))
    return params


def synthetic_classification(n, features=784, classes=10, seed=42):
    """Seeded float32 inputs with labels from a random linear teacher, so the
    MLP benchmark's loss really goes down (a sanity check that it trains)."""
    import numpy as np
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, features), dtype=np.float32)
    teacher = rng.standard_normal((features, classes), dtype=np.float32)
    y = np.argmax(X @ teacher, axis=1).astype(np.int64)
    return X, y
