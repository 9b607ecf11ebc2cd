#!/usr/bin/python3
"""Writes docs/performance.md from the results that descent-bench/compare.sh collected.

  performance_report.py --dir DIR --out FILE [--quick] [--threads N]
                        SUITES...
  performance_report.py --dir DIR --out FILE --update [--stretch JSON] data

Blocks between "<!-- by hand: WHAT -->" and "<!-- end by hand -->" lines (measurements that
compare.sh does not take) are kept, each at the end of the section it followed (hand_blocks.py).

--update rewrites only the named suites' sections of an existing FILE and their rows of its
targets table, keeping everything else (the data suite's files can be measured without
rerunning the other suites). --stretch JSON: a `descent bench data --json --epoch-examples
5000000` report whose npy-epoch-beyond-heap is shown as the issue's stretch, measured once (with
--update and no --stretch, the stretch paragraph already on the page is kept).

DIR holds descent-SUITE.json (`./descent bench SUITE --json`), references-SUITE.jsonl
(run_references.sh), loadavg-start, loadavg-end and started; with several rounds,
descent-SUITE.rN.json and references-SUITE.rN.jsonl (N from 1), merged as each side's best
result of its rounds (memory and allocation: the worst). Standard library only.

Ratios are "how many times Descent's performance the best reference's": for rates
(samples/s, GFLOPS) Descent / reference, for times reference / Descent, so above 1x
always means Descent is faster.
"""
import argparse
import glob
import json
import os
import sys

import data_report
import hand_blocks

SUITES = ("course", "mlp", "gemm", "gradcheck", "search", "data")
IMPLS = ("numpy", "torch")
IMPL_NAMES = {"numpy": "numpy", "torch": "PyTorch"}

# The targets.
COURSE_VS_NUMPY = 30.0
MLP_VS_BEST = 1.3
MLP_CEILING_FRACTION = 0.70
COURSE_RSS_MIB = 150.0
MLP_RSS_OVER_DATA_MIB = 300.0
GRADCHECK_VS_NUMPY = 10.0
SEARCH_SECONDS = 1.25      # "about a second" for 64 trials on 2 cores
SEARCH_SPEEDUP = 1.8
CSV_MB_PER_S = 150.0
CSV_RSS_OVER_TWICE_DATA_MIB = 300.0
EPOCH_RSS_ANON_MIB = 400.0
STRETCH_SECONDS = 75.0     # "about a minute" for 5 000 000 x 784 on 2 cores


def round_files(dirname, prefix, suite, ext):
    """PREFIX-SUITE.rN.EXT of every round in round order, else the single PREFIX-SUITE.EXT."""
    found = glob.glob(os.path.join(dirname, "%s-%s.r*.%s" % (prefix, suite, ext)))
    found.sort(key=lambda f: int(f[len(os.path.join(dirname, "%s-%s.r" % (prefix, suite))):-len(ext) - 1]))
    single = os.path.join(dirname, "%s-%s.%s" % (prefix, suite, ext))
    return found or ([single] if os.path.exists(single) else [])


def load_round(descent_path, refs_path):
    """(Descent's report or None, {(name, impl): reference line}) of one round."""
    descent = None
    if descent_path and os.path.exists(descent_path) and os.path.getsize(descent_path) > 0:
        with open(descent_path) as fh:
            descent = json.load(fh)
    refs = {}
    if refs_path and os.path.exists(refs_path):
        with open(refs_path) as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    refs[(rec["name"], rec["impl"])] = rec
    return descent, refs


def better(a, b):
    """The faster of two result records of the same workload (lower time, else higher rate)."""
    if a is None:
        return b
    if b is None:
        return a
    if a["unit"] == "s":
        return a if a["value"] <= b["value"] else b
    return a if a["value"] >= b["value"] else b


WORST_OF_ROUNDS = ("alloc_bytes_per_step", "fit_alloc_bytes_per_step")


def merge(rounds, suite):
    """(descent, refs) from several rounds: each result the best of its rounds, on both sides alike;
    memory and allocation the worst of them, as limits are judged. The search suite's figures are
    ratios within a round (2 threads over 1), so its best round is kept whole."""
    if len(rounds) == 1:
        return rounds[0]
    if suite == "search":
        def two_threads(rnd):
            many = [r["value"] for r in results(rnd[0]).values() if r["name"] != "search-1t"]
            return min(many) if many else float("inf")
        return min(rounds, key=two_threads)
    descents = [d for d, _ in rounds if d]
    descent = None
    if descents:
        descent = dict(descents[0])
        best = {}
        for d in descents:
            for r in d["results"]:
                best[r["name"]] = better(best.get(r["name"]), r)
        merged = []
        for name, r in best.items():
            r = dict(r)
            for key in WORST_OF_ROUNDS:
                seen = [x.get(key) for d in descents for x in d["results"] if x["name"] == name and x.get(key) is not None]
                if seen:
                    r[key] = max(seen)
            merged.append(r)
        descent["results"] = merged
        rss = [d["peak_rss_mib"] for d in descents if d.get("peak_rss_mib") is not None]
        if rss:
            descent["peak_rss_mib"] = max(rss)
    refs = {}
    for _, r in rounds:
        for key, rec in r.items():
            refs[key] = better(refs.get(key), rec)
    return descent, refs


def load(dirname, suite):
    """[(descent, refs)] for every round of `suite`, Descent's round r beside the references' round r."""
    descents = round_files(dirname, "descent", suite, "json")
    references = round_files(dirname, "references", suite, "jsonl")
    n = max(len(descents), len(references), 1)
    return [load_round(descents[i] if i < len(descents) else None,
                       references[i] if i < len(references) else None) for i in range(n)]


def results(descent):
    return {r["name"]: r for r in descent["results"]} if descent else {}


def num(v, digits=3):
    """A number with `digits` significant digits, thousands separated; '–' when missing."""
    if v is None:
        return "–"
    if abs(v) >= 10 ** digits:
        return "{:,.0f}".format(v).replace(",", " ")
    return "{:.{p}g}".format(v, p=digits) if abs(v) >= 1e-3 or v == 0 else "{:.2e}".format(v)


def speedup(descent, ref, unit):
    """Descent's performance over the reference's: >1 means Descent is faster."""
    if descent is None or ref is None or descent <= 0 or ref <= 0:
        return None
    return ref / descent if unit == "s" else descent / ref


def times(x):
    return "–" if x is None else "%.2f×" % x


def best_ref(refs, name, unit):
    """(impl, line) of the faster reference for `name`, or (None, None)."""
    found = [(impl, refs[(name, impl)]) for impl in IMPLS if (name, impl) in refs]
    if not found:
        return None, None
    pick = min if unit == "s" else max
    return pick(found, key=lambda p: p[1]["value"])


def ref_value(refs, name, impl):
    rec = refs.get((name, impl))
    return rec["value"] if rec else None


def met(ok):
    return "–" if ok is None else ("yes" if ok else "**no**")


class Report:
    def __init__(self, args):
        self.args = args
        self.rounds = {s: load(args.dir, s) for s in args.suites}
        self.data = {s: merge(r, s) for s, r in self.rounds.items()}
        self.targets = []   # (target, measured, met?)
        self.lines = []
        self.kept_stretch = []

    def w(self, text=""):
        self.lines.append(text)

    def table(self, header, rows):
        self.w("| " + " | ".join(header) + " |")
        self.w("|" + "|".join("---" for _ in header) + "|")
        for r in rows:
            self.w("| " + " | ".join(r) + " |")
        self.w()

    # ---------------------------------------------------------------- suites
    def course(self):
        descent, refs = self.data["course"]
        d = results(descent)
        rows, ratios = [], []
        for name in ("optimization-gd", "optimization-adam", "init-he"):
            r = d.get(name, {})
            v = r.get("value")
            _, best = best_ref(refs, name, "s")
            vs_numpy = speedup(v, ref_value(refs, name, "numpy"), "s")
            ratios.append((name, vs_numpy))
            acc = " / ".join(num(x, 3) for x in (r.get("train_accuracy"),
                             (refs.get((name, "numpy")) or {}).get("train_accuracy"),
                             (refs.get((name, "torch")) or {}).get("train_accuracy")))
            rows.append([name, num(v), num(ref_value(refs, name, "numpy")), num(ref_value(refs, name, "torch")),
                         times(vs_numpy), times(speedup(v, best["value"] if best else None, "s")), acc,
                         num(r.get("us_per_step")), "%s / %s" % (num(r.get("alloc_bytes_per_step")),
                                                                 num(r.get("fit_alloc_bytes_per_step")))])
        self.w("## course: the course's experiments (seconds of training, lower is better)")
        self.w()
        if descent:
            self.w(descent["workloads"] + ".")
            self.w()
        self.table(["workload", "Descent s", "numpy s", "PyTorch s", "× numpy", "× best", "train accuracy D / np / pt",
                    "Descent µs/step", "Descent B/step (step loop / whole fit)"], rows)
        self.w("numpy is float64 with examples as columns (the course's code), PyTorch float32; Descent trains in "
               "float32 through its `Trainer`. The accuracies differ because the data sets come from different "
               "generators (Descent's seeded `Generators` vs scikit-learn) and so do the initial weights.")
        self.w()
        self.per_round("course", ("optimization-gd", "optimization-adam", "init-he"), "× numpy",
                       lambda rec, refs, name: speedup(rec, ref_value(refs, name, "numpy"), "s"))
        got = [x for _, x in ratios if x is not None]
        self.targets.append(("course ≥ %g× faster than numpy (every workload)" % COURSE_VS_NUMPY,
                             ", ".join("%s %s" % (n, times(x)) for n, x in ratios),
                             None if len(got) < len(ratios) else all(x >= COURSE_VS_NUMPY for x in got)))
        rss = descent.get("peak_rss_mib") if descent else None
        self.targets.append(("course peak RSS ≤ %g MiB" % COURSE_RSS_MIB, num(rss) + " MiB" if rss else "–",
                             None if rss is None else rss <= COURSE_RSS_MIB))

    def per_round(self, suite, names, label, ratio):
        """With several rounds: each round's ratio (Descent's round r against the references' round r)."""
        rounds = self.rounds[suite]
        if len(rounds) < 2:
            return
        parts = []
        for name in names:
            each = []
            for descent, refs in rounds:
                rec = results(descent).get(name)
                each.append(times(ratio(rec["value"] if rec else None, refs, name)))
            parts.append("%s %s" % (name, " / ".join(each)))
        self.w("%s in each of the %d rounds: %s." % (label, len(rounds), "; ".join(parts)))
        self.w()

    def ceiling(self):
        """The best float32 GEMM rate of any implementation in this run, and where it came from."""
        if "gemm" not in self.data:
            return None, None
        descent, refs = self.data["gemm"]
        found = [(r["value"], "Descent " + r["name"]) for r in (descent or {}).get("results", [])
                 if r["name"].startswith("sgemm")]
        found += [(rec["value"], "%s %s" % (IMPL_NAMES[impl], name)) for (name, impl), rec in refs.items()
                  if name.startswith("sgemm")]
        return max(found) if found else (None, None)

    def mlp(self):
        descent, refs = self.data["mlp"]
        d = results(descent)
        rows, ratios, bounds = [], [], []
        for name in ("mlp-b32", "mlp-b128", "mlp-b1024"):
            r = d.get(name, {})
            v = r.get("value")
            impl, best = best_ref(refs, name, "samples/s")
            ratio = speedup(v, best["value"] if best else None, "samples/s")
            ratios.append((name, ratio))
            alone = r.get("products_ms")
            bounds.append(speedup(1000.0 * r["batch"] / alone if alone else None,
                                  best["value"] if best else None, "samples/s"))
            torch = refs.get((name, "torch"))
            torch_text = num(torch["value"]) + (" (%s)" % torch.get("adam_impl") if torch.get("adam_impl") else "") \
                if torch else "–"
            alone_text = "%s (%s)" % (num(alone), num(r.get("products_gflops"))) if alone is not None else "–"
            rows.append([name, num(v), num(ref_value(refs, name, "numpy")), torch_text, times(ratio),
                         num(r.get("ms_per_step")), num(r.get("model_gflops")), alone_text,
                         num(r.get("alloc_bytes_per_step"))])
        self.w("## mlp: 784-512-256-10 training throughput (samples/s, higher is better)")
        self.w()
        if descent:
            self.w(descent["workloads"] + ".")
            self.w()
        self.table(["batch", "Descent", "numpy", "PyTorch (Adam impl)", "× best", "Descent ms/step",
                    "Descent GFLOPS", "products alone ms (GFLOPS)", "Descent B/step"], rows)
        self.w("Descent GFLOPS counts the products of a step, 2 407 424 FLOP per example (forward Z = A·Wᵀ "
               "and dW for all three layers, dA for the last two). \"Products alone\" times those eight "
               "products by themselves, on operands of the step's shapes through the same OpenBLAS: a step can "
               "be no faster, so it is the bound to read the step against. numpy gets its best (float32, "
               "preallocated, in-place Adam); PyTorch's faster Adam (loop or foreach) is shown.")
        self.w()
        self.per_round("mlp", ("mlp-b32", "mlp-b128", "mlp-b1024"), "× best",
                       lambda rec, refs, name: speedup(rec, (best_ref(refs, name, "samples/s")[1] or {}).get("value"),
                                                       "samples/s"))
        got = [x for _, x in ratios if x is not None]
        self.targets.append(("mlp ≥ %g× the best of numpy and PyTorch (every batch size)" % MLP_VS_BEST,
                             ", ".join("%s %s" % (n, times(x)) for n, x in ratios)
                             + ("" if None in bounds else " (at most %s if a step were its products alone)"
                                % " / ".join(times(x) for x in bounds)),
                             None if len(got) < len(ratios) else all(x >= MLP_VS_BEST for x in got)))
        gflops = d.get("mlp-b1024", {}).get("model_gflops")
        ceiling, source = self.ceiling()
        if gflops is None or ceiling is None:
            self.targets.append(("mlp batch 1024 ≥ %d %% of the float32 GEMM ceiling" % (100 * MLP_CEILING_FRACTION),
                                 "not measured (run the mlp and gemm suites together)", None))
        else:
            alone = d.get("mlp-b1024", {}).get("products_gflops")
            bound = "" if alone is None else "; the step's products alone: %s GFLOPS = %.0f %%" % (
                num(alone), 100 * alone / ceiling)
            self.targets.append(("mlp batch 1024 ≥ %d %% of the float32 GEMM ceiling" % (100 * MLP_CEILING_FRACTION),
                                 "%s of %s GFLOPS (%s) = %.0f %%%s" % (num(gflops), num(ceiling), source,
                                                                       100 * gflops / ceiling, bound),
                                 gflops >= MLP_CEILING_FRACTION * ceiling))
        rss = descent.get("peak_rss_mib") if descent else None
        data_mib = d.get("mlp-b32", {}).get("data_mib")
        self.targets.append(("mlp peak RSS ≤ data + %g MiB" % MLP_RSS_OVER_DATA_MIB,
                             "%s MiB (data %s MiB)" % (num(rss), num(data_mib)) if rss else "–",
                             None if rss is None or data_mib is None else rss <= data_mib + MLP_RSS_OVER_DATA_MIB))

    def gemm(self):
        descent, refs = self.data["gemm"]
        rows = []
        for r in (descent or {}).get("results", []):
            name = r["name"]
            _, best = best_ref(refs, name, "GFLOPS")
            rows.append([name, num(r["value"]), num(ref_value(refs, name, "numpy")), num(ref_value(refs, name, "torch")),
                         times(speedup(r["value"], best["value"] if best else None, "GFLOPS")),
                         "%.1e%s" % (r["rel_error"], "" if r["correct"] else " **wrong**")])
        self.w("## gemm: square matrix products (GFLOPS, higher is better)")
        self.w()
        if descent:
            self.w(descent["workloads"] + ".")
            self.w()
        self.table(["product", "Descent", "numpy", "PyTorch", "× best", "Descent rel. error"], rows)
        if descent and "in place" in str(descent.get("blas", "")):
            how = "the Java arrays handed to it in place through netlib's JNI binding"
        else:
            how = "operands copied between the Java heap and native staging buffers, O(n²) per call"
        self.w("Descent calls its bundled OpenBLAS through `OpenBlasGemm` (%s); numpy and PyTorch call Debian's "
               "system OpenBLAS." % how)
        self.w()

    def gradcheck(self):
        descent, refs = self.data["gradcheck"]
        d = results(descent)
        rows = []
        for name in ("gradcheck-full", "gradcheck-directional"):
            r = d.get(name, {})
            np_rec = refs.get((name, "numpy")) or {}
            rows.append([name, num(r.get("value")), num(np_rec.get("value")),
                         times(speedup(r.get("value"), np_rec.get("value"), "s")),
                         "%s (%s)" % (r.get("verdict", "–"), num(r.get("difference"))),
                         num(np_rec.get("rel_diff")),
                         "%s / %s" % (r.get("negative_control_verdict", "–"),
                                      num(np_rec.get("negative_control_rel_diff")))])
        self.w("## gradcheck: cost of a gradient check (seconds, lower is better)")
        self.w()
        if descent:
            self.w(descent["workloads"] + ".")
            self.w()
        self.table(["check", "Descent s", "numpy s", "× numpy", "Descent verdict (difference)", "numpy difference",
                    "negative control: Descent verdict / numpy difference"], rows)
        self.w("Descent's time is one whole check as a user runs it (`GradientCheck.of(net, X, Y).run()`: the float64 "
               "copy, backprop and the evaluations); Descent's negative control is the course lab's corruption "
               "(dW2 × 2, db1 × 4), numpy's a backprop without layer 1's ReLU derivative; both must be rejected.")
        self.w()
        v = d.get("gradcheck-full", {}).get("value")
        ref = ref_value(refs, "gradcheck-full", "numpy")
        x = speedup(v, ref, "s")
        self.targets.append(("gradcheck full ≤ 1/%g of numpy's time" % GRADCHECK_VS_NUMPY,
                             "%s s vs %s s (%s)" % (num(v), num(ref), times(x)),
                             None if x is None else x >= GRADCHECK_VS_NUMPY))

    def search(self):
        descent, _ = self.data["search"]
        d = results(descent)
        rows = []
        for name, r in sorted(d.items()):
            rows.append([name, num(r.get("value")), num(r.get("trials_per_second")),
                         times(r.get("speedup_over_1_thread")), "yes" if r.get("same_trials") else "**no**",
                         num(r.get("busy_cores")), num(r.get("cpu_ms_per_trial"))])
        self.w("## search: parallel random-search trials (seconds, lower is better)")
        self.w()
        if descent:
            self.w(descent["workloads"] + ".")
            self.w()
        self.table(["run", "Descent s", "trials/s", "speed-up over 1 thread", "same trials as 1 thread",
                    "busy cores (process CPU ÷ wall)", "CPU ms per trial"], rows)
        self.w("No numpy or PyTorch reference runs here: the target is absolute (the issue quotes about 20 s for a "
               "numpy loop). Each trial trains its own network on its own thread; seeds, not threads, decide every "
               "number, so both runs must give the same trials. What the cores did: busy cores near the thread count "
               "means the run had them to itself (fewer: other processes, or a worker idle at the end); CPU per "
               "trial above the 1-thread run's means each trial ran slower side by side (shared cache, memory), not "
               "on fewer cores.")
        self.w()
        if len(self.rounds["search"]) > 1:
            each = [times(r.get("speedup_over_1_thread")) for descent_round, _ in self.rounds["search"]
                    for n, r in sorted(results(descent_round).items()) if n != "search-1t"]
            self.w("The round with the faster 2-thread run is shown; the speed-up over 1 thread in each of the %d "
                   "rounds: %s." % (len(self.rounds["search"]), " / ".join(each)))
            self.w()
        many = [r for n, r in d.items() if n != "search-1t"]
        if many:
            r = many[0]
            v = r.get("value")
            self.targets.append(("search: 64 trials × 1 000 epochs in about a second (≤ %g s) on 2 cores" % SEARCH_SECONDS,
                                 "%s s (%s trials × %s epochs, %s threads)" % (
                                     num(v), r.get("trials"), r.get("epochs"), r["name"][len("search-"):-1]),
                                 None if v is None else v <= SEARCH_SECONDS))
            x = r.get("speedup_over_1_thread")
            self.targets.append(("search: ≥ %g× from 1 thread to 2" % SEARCH_SPEEDUP, times(x),
                                 None if x is None else x >= SEARCH_SPEEDUP))

    def data(self):
        data_report.section(self, self.args.stretch)

    def started(self):
        path = os.path.join(self.args.dir, "started")
        return open(path).read().strip() if os.path.exists(path) else "?"

    def loadavg(self, which):
        path = os.path.join(self.args.dir, "loadavg-" + which)
        return open(path).read().split() if os.path.exists(path) else []

    def allocation(self):
        per_step = []
        for suite in ("course", "mlp"):
            if suite in self.data:
                for r in results(self.data[suite][0]).values():
                    if r.get("alloc_bytes_per_step") is not None:
                        per_step.append((r["name"], r["alloc_bytes_per_step"]))
        if not per_step:
            return
        worst = max(per_step, key=lambda p: p[1])
        self.targets.append(("steady-state allocation 0 bytes/step (course, mlp)",
                             "worst %s B/step (%s); %d of %d workloads at 0 (HotSpot's per-thread counter in "
                             "process, the steady loop's thread only; a nonzero figure below 1 B/step has so far been HotSpot resolving string "
                             "constants for a late C2 compilation, once, not the step: see descent-bench/README.md)" % (
                                 num(worst[1]), worst[0], sum(1 for _, b in per_step if b == 0), len(per_step)),
                             all(b == 0 for _, b in per_step)))

    # ---------------------------------------------------------------- page
    def conditions(self):
        def read(name):
            path = os.path.join(self.args.dir, name)
            return open(path).read().strip() if os.path.exists(path) else ""
        start, end = read("loadavg-start").split(), read("loadavg-end").split()
        descent = next((self.data[s][0] for s in self.args.suites if self.data[s][0]), None)
        refs = next((rec for s in self.args.suites for rec in self.data[s][1].values()), None)
        torch = next((rec for s in self.args.suites for (n, i), rec in self.data[s][1].items() if i == "torch"), None)
        cores = descent["machine"]["cores"] if descent else os.cpu_count()
        # the end figure counts the benchmark's own threads (mlp and gemm keep every core busy), so
        # only the start tells whether something else was running
        busy = bool(start) and float(start[0]) > 0.5 * cores
        return descent, refs, torch, start, end, cores, busy

    def write(self):
        descent, refs, torch, start, end, cores, busy = self.conditions()
        body_start = len(self.lines)
        for suite in self.args.suites:
            getattr(self, suite)()
        self.allocation()
        body = self.lines[body_start:]
        self.lines = self.lines[:body_start]

        w = self.w
        w("# Descent performance")
        w()
        w("Descent's benchmark suites (`descent bench`) beside the numpy and PyTorch references "
          "(`descent-bench/python/`), run one after another on the same machine by `descent-bench/compare.sh`"
          + (" --quick" if self.args.quick else "") + " on %s." % open(os.path.join(self.args.dir, "started")).read().strip())
        w()
        rounds = max(len(r) for r in self.rounds.values()) if self.rounds else 1
        if rounds > 1:
            w("Each suite ran %d rounds, Descent and the references taking turns; every figure is each side's best "
              "of its rounds (the same rule for both), peak memory and allocation the worst. The ratio each round "
              "gave on its own follows each table." % rounds)
            w()
        if self.args.quick:
            w("> **Quick run**: smoke-test sizes (fewer epochs, 2 048 MLP examples, products up to 512, one repeat). "
              "The numbers show that the pipeline works; they are not comparable with full runs, and the "
              "targets below are evaluated on them only for illustration.")
            w()
        if busy:
            w("> **Shared machine**: the load average was %s at the start and %s at the end on %d cores: something "
              "else was competing for the cores (other processes or, on a virtual machine, other tenants), so every "
              "number here may be disturbed (small steps and multi-threaded products suffer most). Rerun `descent-bench/compare.sh` on a quiet machine before drawing conclusions."
              % (start[0], end[0] if end else "?", cores))
            w()
        w("## Targets")
        w()
        w("Ratios are Descent's performance over the reference's (times: reference ÷ Descent; rates: Descent ÷ "
          "reference), so above 1× means Descent is faster.")
        w()
        self.table(["target", "measured", "met"], [[t, m, met(ok)] for t, m, ok in self.targets])
        self.lines.extend(body)
        self.machine(descent, refs, torch, start, end)
        self.reproduce()
        # the page's hand-written blocks (spark, startup, profiles) go back where they were
        self.lines = hand_blocks.insert(self.lines, hand_blocks.read(self.args.out))
        with open(self.args.out, "w") as fh:
            fh.write("\n".join(self.lines).rstrip() + "\n")

    def machine(self, descent, refs, torch, start, end):
        w = self.w
        w("## Machine, versions and settings")
        w()
        rows = []
        if descent:
            m = descent["machine"]
            rows.append(["machine", "%s, %d cores, %s" % (m["cpu"], m["cores"], m["os"])])
            rows.append(["Descent", "%s on %s %s" % (descent["descent_version"], descent["jvm"]["version"],
                                                      " ".join(descent["jvm"]["options"]))])
            rows.append(["Descent's BLAS", descent["blas"]["description"]])
        if refs:
            rows.append(["numpy", "%s (Python %s), BLAS: %s %s, kernel %s, %s threads" % (
                refs.get("numpy_version"), refs.get("python"), refs.get("blas"), refs.get("blas_version") or "",
                refs.get("blas_core"), refs.get("blas_threads"))])
        if torch:
            rows.append(["PyTorch", "%s, %s intra-op threads" % (torch.get("torch_version"), torch.get("torch_threads"))])
        rows.append(["threads", "%d for Descent's OpenBLAS (`--threads`) and for the references "
                                "(`DESCENT_BENCH_THREADS`)" % self.args.threads])
        rows.append(["OPENBLAS_CORETYPE", "Descent: %s; references: %s" % (
            ((descent or {}).get("blas") or {}).get("OPENBLAS_CORETYPE") or "not set",
            (refs or {}).get("OPENBLAS_CORETYPE") or "not set (auto-detected)")])
        rows.append(["OMP_WAIT_POLICY", "%s for the references (PyTorch's OpenMP pool); Descent's OpenBLAS is a pthreads build, no OpenMP"
                     % ((refs or {}).get("OMP_WAIT_POLICY") or "not set")])
        rows.append(["load average (1, 5, 15 min)", "start %s, end %s (the end counts the benchmark's own threads)" % (" ".join(start[:3]) or "?",
                                                                         " ".join(end[:3]) or "?")])
        self.table(["", ""], rows)

    def reproduce(self):
        w = self.w
        w("## Reproduce")
        w()
        w("```sh")
        w("apt-get install -y python3-numpy python3-torch python3-sklearn   # the references (Debian)")
        w("descent-bench/compare.sh --rounds 2     # every suite at full size twice, taking turns, then this page (about 16 minutes on 2 cores)")
        w("descent-bench/compare.sh                # every suite once (about 8 minutes)")
        w("descent-bench/compare.sh --quick mlp    # smoke-test sizes, chosen suites")
        w("./descent bench course --json           # one suite of Descent alone (also: mlp, gemm, gradcheck, search)")
        w("descent-bench/python/run_references.sh course   # the references alone (JSON lines)")
        w("./mvnw -q package -DskipTests -pl descent-bench -am")
        w("java -jar descent-bench/target/benchmarks.jar -prof gc   # JMH: µs per step part, gc.alloc.rate.norm")
        w("```")
        w()
        w("Raw results of this run: `descent-bench/target/compare/` (not committed). `DESCENT_BENCH_THREADS=N` "
          "changes the thread count on both sides.")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--update", action="store_true",
                    help="replace only the named suites' sections (data) of an existing --out page")
    ap.add_argument("--stretch", help="a descent bench data JSON of the stretch (--epoch-examples 5000000)")
    ap.add_argument("suites", nargs="*", help="any of %s (default: all)" % ", ".join(SUITES))
    args = ap.parse_args()
    if args.update and args.suites != ["data"]:
        ap.error("--update rewrites the data section only; name the suite: --update data")
    unknown = [s for s in args.suites if s not in SUITES]
    if unknown:
        ap.error("unknown suite(s) %s; expected any of %s" % (", ".join(unknown), ", ".join(SUITES)))
    args.suites = [s for s in SUITES if s in (args.suites or SUITES)]
    if args.update:
        data_report.update(Report(args), args.out)
    else:
        Report(args).write()
    return 0


if __name__ == "__main__":
    sys.exit(main())
