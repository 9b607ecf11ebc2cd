#!/usr/bin/python3
"""Data input: CSV parsing (MB/s, peak RSS) and training from a memory-mapped .npy.

--impl numpy:  numpy.loadtxt(float32) of the CSV's 50 feature columns (the label column
               skipped). loadtxt is slow, so it parses a scaled-down file of the same format
               (--loadtxt-rows, default 100 000 rows, 48 MB) and its MB/s is extrapolated to
               the full file from that (the parse is linear in the bytes).
--impl pandas: pandas.read_csv(dtype float32 for the features) of the full 1 000 000 x 50 file,
               its C parser, one thread.
               For both: value = median MB/s (10^6 bytes a second) of 3 loads after an untimed
               one; `csv-peak-rss` = the max RSS (getrusage) of a child process that loads the
               file once, beside the bound Descent is held to (2 x float32 data + 300 MiB).
--impl torch:  the 784-512-256-10 MLP (mlp.py's weights, Adam foreach, float32) trained from
               np.load(..., mmap_mode='r') gathered per batch with fancy indexing (PyTorch's usual
               DataLoader-free pattern, uniform shuffle), and from the same array resident; fixed
               spans of steps after warm-up, as Descent's data suite.

The CSV has Descent's CsvFixture format (header, 50 numbers of 7 significant digits, a cat/dog
label). Files go to a temporary directory that is removed at the end.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
import common  # first: sets thread/kernel environment before numpy loads
from common import emit, log, now

import numpy as np

FEATURES = 50
CSV_ROWS = 1_000_000
MLP_INPUTS, MLP_CLASSES = 784, 10
MLP_EXAMPLES = 100_000
RSS_OVER_TWICE_DATA_MIB = 300.0


def write_csv(path, rows, seed=1):
    """CsvFixture's format, written in vectorized chunks: '-' on about half the numbers, then
    d.dddddd, 50 per row, then cat or dog."""
    rng = np.random.default_rng(seed)
    header = ",".join("x%d" % j for j in range(1, FEATURES + 1)) + ",label\n"
    width = FEATURES * 10 + 4  # per number: sign, d, '.', 6 digits, ','; then 'cat\n'
    with open(path, "wb") as fh:
        fh.write(header.encode("ascii"))
        for start in range(0, rows, 50_000):
            n = min(50_000, rows - start)
            mantissa = rng.integers(0, 10_000_000, size=(n, FEATURES))
            negative = rng.random((n, FEATURES)) < 0.5
            cells = np.empty((n, FEATURES, 10), np.uint8)
            cells[:, :, 0] = ord("-")
            for k in range(7):
                digit = (mantissa // 10 ** (6 - k)) % 10 + ord("0")
                cells[:, :, 1 + k + (k > 0)] = digit
            cells[:, :, 2] = ord(".")
            cells[:, :, 9] = ord(",")
            keep = np.ones((n, FEATURES, 10), bool)
            keep[:, :, 0] = negative
            label = np.where(rng.random(n) < 0.5, 0, 1)
            tail = np.array([list(b"cat\n"), list(b"dog\n")], np.uint8)[label]
            body = np.concatenate([cells.reshape(n, -1), tail], axis=1)
            mask = np.concatenate([keep.reshape(n, -1), np.ones((n, 4), bool)], axis=1)
            assert body.shape[1] == width
            fh.write(body[mask].tobytes())
    return os.path.getsize(path)


def load_csv(impl, path):
    if impl == "numpy":
        return np.loadtxt(path, delimiter=",", skiprows=1, usecols=range(FEATURES), dtype=np.float32)
    import pandas as pd
    dtypes = {"x%d" % j: np.float32 for j in range(1, FEATURES + 1)}
    return pd.read_csv(path, dtype=dtypes, engine="c")


def child_load(impl, path):
    """Body of the child process: one load, then its own peak RSS in KiB (Linux ru_maxrss)."""
    import resource
    t0 = now()
    load_csv(impl, path)
    print("%.6f %d" % (now() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


def csv_bench(impl, tmp, quick, loadtxt_rows):
    full_rows = 20_000 if quick else CSV_ROWS
    rows = min(full_rows, loadtxt_rows) if impl == "numpy" else full_rows
    path = os.path.join(tmp, "bench.csv")
    log("data: %s, writing a %d x %d CSV" % (impl, rows, FEATURES))
    size = write_csv(path, rows)
    mb = size / 1e6
    t0 = now()
    load_csv(impl, path)
    log("data: %s untimed load %.2f s (%.0f MB)" % (impl, now() - t0, mb))
    rates = []
    for r in range(1 if quick else 3):
        t0 = now()
        load_csv(impl, path)
        rates.append(mb / (now() - t0))
        log("data: %s load %d: %.0f MB/s" % (impl, r + 1, rates[-1]))
    extra = {}
    if impl == "pandas":
        import pandas as pd
        extra["pandas_version"] = pd.__version__
    scaled = rows != full_rows
    emit("data", "csv-parse", impl, statistics.median(rates), "MB/s", mb_per_s_best=max(rates),
         mb_per_s_min=min(rates), file_mb=mb, rows=rows, features=FEATURES, timed_runs=len(rates),
         extrapolated_from_rows=rows if scaled else None, full_rows=full_rows, dtype="float32",
         parser="numpy.loadtxt (features only)" if impl == "numpy" else "pandas.read_csv (C engine)",
         quick=quick, **extra)
    out = subprocess.run([sys.executable, os.path.abspath(__file__), "--child-load", impl, path],
                         check=True, capture_output=True, text=True).stdout.split()
    seconds, kib = float(out[0]), int(out[1])
    data_mib = 4.0 * rows * FEATURES / 2 ** 20
    emit("data", "csv-peak-rss", impl, kib / 1024.0, "MiB", bound_mib=2 * data_mib + RSS_OVER_TWICE_DATA_MIB,
         float32_data_mib=data_mib, child_seconds=seconds, rows=rows, features=FEATURES,
         scaled_down=scaled, quick=quick, **extra)
    os.remove(path)


def mlp_model(torch):
    import mlp
    init = mlp.he_init32()
    linears = []
    for i in range(3):
        lin = torch.nn.Linear(mlp.LAYERS[i], mlp.LAYERS[i + 1])
        with torch.no_grad():
            lin.weight.copy_(torch.from_numpy(init[2 * i].T))
            lin.bias.copy_(torch.from_numpy(init[2 * i + 1]))
        linears.append(lin)
    model = torch.nn.Sequential(linears[0], torch.nn.ReLU(inplace=True), linears[1],
                                torch.nn.ReLU(inplace=True), linears[2])
    return model, torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8, foreach=True)


def trainer(X, y, batch):
    """One training step per call on the MLP, fresh weights; each batch is X[idx] for a uniformly
    shuffled idx (a copy out of the memmap when X is mapped). Returns the step's loss."""
    torch = common.import_torch()
    F = torch.nn.functional
    model, opt = mlp_model(torch)
    rng = np.random.default_rng(0)
    state = {"perm": rng.permutation(X.shape[0]), "at": 0}

    def step():
        if state["at"] + batch > len(state["perm"]):
            state["perm"], state["at"] = rng.permutation(X.shape[0]), 0
        idx = state["perm"][state["at"]:state["at"] + batch]
        state["at"] += batch
        xb = torch.from_numpy(np.ascontiguousarray(X[idx]))
        yb = torch.from_numpy(y[idx])
        out = F.cross_entropy(model(xb), yb)
        opt.zero_grad(set_to_none=True)
        out.backward()
        opt.step()
        return out.item()
    return step


def interleaved_rates(steppers, batch, steps, spans, quick):
    """samples/s of each stepper: warm-up (steps/2 steps, and 1.5 s unless quick), then one span of
    `steps` steps of each in turn, `spans` times (as Descent's suite: a burst hits every side)."""
    for step in steppers:
        t0, n = now(), 0
        while n < steps // 2 or (not quick and now() - t0 < 1.5):
            step()
            n += 1
    rates = [[] for _ in steppers]
    loss = None
    for _ in range(spans):
        for i, step in enumerate(steppers):
            t0 = now()
            for _ in range(steps):
                loss = step()
            rates[i].append(steps * batch / (now() - t0))
    return rates, loss


def mlp_bench(tmp, quick):
    m = 4096 if quick else MLP_EXAMPLES
    rng = np.random.default_rng(42)
    X = rng.standard_normal((m, MLP_INPUTS), dtype=np.float32)
    y = (np.arange(m) % MLP_CLASSES).astype(np.int64)
    path = os.path.join(tmp, "features.npy")
    np.save(path, X)
    del X
    resident = np.load(path)
    mapped = np.load(path, mmap_mode="r")
    spans = 1 if quick else 3
    for batch in (128, 1024):
        steps = 4 if quick else (200 if batch <= 128 else 30)
        (r_rates, m_rates), loss = interleaved_rates([trainer(resident, y, batch), trainer(mapped, y, batch)],
                                                     batch, steps, spans, quick)
        r, v = statistics.median(r_rates), statistics.median(m_rates)
        log("data: torch batch %d: resident %.0f, mapped %.0f samples/s" % (batch, r, v))
        emit("data", "npy-mlp-b%d" % batch, "torch", v, "samples/s", resident_samples_per_s=r,
             mapped_over_resident=v / r, samples_per_s_min=min(m_rates), samples_per_s_max=max(m_rates),
             shuffle="uniform (np.load mmap_mode='r', X[idx] per batch)", steps_per_span=steps,
             timed_spans=spans, warmup_steps=steps // 2, examples=m, batch=batch, dtype="float32",
             last_loss=loss, adam_impl="foreach", quick=quick)
    del mapped


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--child-load":
        child_load(sys.argv[2], sys.argv[3])
        return
    ap = common.base_parser(__doc__.split("\n")[0], impls=("numpy", "pandas", "torch"))
    ap.add_argument("--loadtxt-rows", type=int, default=100_000,
                    help="rows of the scaled-down CSV numpy.loadtxt parses (default 100000)")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="descent-bench-data-py")
    try:
        for impl in common.selected_impls(args, ("numpy", "pandas", "torch")):
            if impl == "torch":
                mlp_bench(tmp, args.quick)
            else:
                csv_bench(impl, tmp, args.quick, args.loadtxt_rows)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
