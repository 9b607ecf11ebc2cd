"""The data section of docs/performance.md (performance_report.py's `data` suite), and --update:
the named sections and their target rows replaced in an existing page, the rest kept.
Standard library only."""
import json
import os
import time

import performance_report as pr

STRETCH_HEADING = "### Stretch: the course's scale, measured once"


def section(report, stretch_path):
    """Writes the data section through report.w/report.table and adds its targets."""
    descent, refs = report.data["data"]
    d = pr.results(descent)
    w = report.w
    w("## data: getting examples in (CSV MB/s, peak memory, mapped vs resident training)")
    w()
    if descent:
        m = descent["machine"]
        w(descent["workloads"] + ".")
        w()
        w("Measured on %s, %s, %d cores, load average %s at the start; %s." % (
            report.started(), m["cpu"], m["cores"], " ".join(report.loadavg("start")[:3]) or "?",
            descent["blas"]["description"]))
        w()
    csv(report, d, refs)
    mapped(report, d, refs)
    epoch(report, d.get("npy-epoch-beyond-heap"))
    stretch(report, stretch_path)


def csv(report, d, refs):
    parse, rss = d.get("csv-parse", {}), d.get("csv-peak-rss", {})
    pandas, numpy = refs.get(("csv-parse", "pandas")), refs.get(("csv-parse", "numpy"))
    pandas_rss, numpy_rss = refs.get(("csv-peak-rss", "pandas")), refs.get(("csv-peak-rss", "numpy"))
    w = report.w
    w("### CSV: %s × %s numbers with a text label into float32" % (pr.num(parse.get("rows")), parse.get("features", 50)))
    w()
    rows = [["MB/s (median of %s load(s))" % parse.get("timed_runs", "–"), pr.num(parse.get("value")),
             value(pandas), value(numpy) + (" (on %s rows)" % pr.num(numpy.get("rows")) if numpy and
                                             numpy.get("extrapolated_from_rows") else ""),
             pr.times(pr.speedup(parse.get("value"), (pandas or {}).get("value"), "MB/s")),
             pr.times(pr.speedup(parse.get("value"), (numpy or {}).get("value"), "MB/s"))],
            ["peak RSS of a process that only loads it, MiB", pr.num(rss.get("value")), value(pandas_rss),
             value(numpy_rss) + (" (on %s rows)" % pr.num(numpy_rss.get("rows")) if numpy_rss and
                                  numpy_rss.get("scaled_down") else ""),
             pr.times(pr.speedup(rss.get("value"), (pandas_rss or {}).get("value"), "s")), "–"]]
    report.table(["", "Descent", "pandas.read_csv", "numpy.loadtxt", "× pandas", "× numpy"], rows)
    w("Descent: `DataLoaders.read` with `LoadOptions.withPrecision(F32)` (the parallel two-pass parser), in the "
      "bench's JVM after an untimed load; its peak RSS is the VmHWM of a child JVM (`-XX:+UseSerialGC`, default "
      "heap) that loads the file once. pandas: `read_csv(dtype=float32)`, the C parser, one thread. numpy: "
      "`loadtxt(dtype=float32)` of the 50 feature columns only; it is slow, so it parses a %s-row file of the "
      "same format and its MB/s holds for the full file (parsing is linear in the bytes), but its peak RSS is that "
      "of the smaller file. Peak RSS of the references: `getrusage` max RSS of a child process. For memory, "
      "× is the reference's MiB over Descent's (above 1× Descent uses less)."
      % pr.num((numpy or {}).get("rows") or 100000))
    w()
    if parse.get("value") is not None:
        report.targets.append(("data: CSV parsed ≥ %g MB/s (1 000 000 × 50, float32)" % pr.CSV_MB_PER_S,
                               "%s MB/s (pandas %s, numpy.loadtxt %s)" % (pr.num(parse["value"]), value(pandas),
                                                                           value(numpy)),
                               parse["value"] >= pr.CSV_MB_PER_S))
    if rss.get("value") is not None:
        report.targets.append(("data: CSV load peak RSS ≤ 2 × float32 data + %g MiB" % pr.CSV_RSS_OVER_TWICE_DATA_MIB,
                               "%s MiB ≤ %s MiB (float32 data %s MiB)" % (pr.num(rss["value"]), pr.num(rss.get("bound_mib")),
                                                                          pr.num(rss.get("float32_data_mib"))),
                               rss["value"] <= rss["bound_mib"]))


def value(rec):
    return pr.num(rec["value"]) if rec else "–"


def mapped(report, d, refs):
    w = report.w
    names = ("npy-mlp-b128", "npy-mlp-b1024")
    first = d.get(names[0], {})
    w("### Training from a memory-mapped .npy vs the same examples in the heap (samples/s)")
    w()
    rows, ratios = [], []
    for name in names:
        r = d.get(name, {})
        t = refs.get((name, "torch")) or {}
        ratios.append("b%s %s" % (r.get("batch", name[len("npy-mlp-b"):]), pr.times(r.get("mapped_over_resident"))))
        rows.append([str(r.get("batch", name)), pr.num(r.get("resident_samples_per_s")), pr.num(r.get("value")),
                     pr.times(r.get("mapped_over_resident")), pr.num(r.get("mapped_uniform_samples_per_s")),
                     pr.times(r.get("mapped_uniform_over_resident")), pr.num(t.get("resident_samples_per_s")),
                     pr.num(t.get("value")), pr.times(t.get("mapped_over_resident")),
                     pr.times(pr.speedup(r.get("value"), t.get("value"), "samples/s"))])
    report.table(["batch", "Descent resident", "Descent mapped, blocks", "÷ resident", "Descent mapped, uniform",
                  "÷ resident", "PyTorch resident", "PyTorch mapped", "÷ resident", "Descent blocks × PyTorch mapped"],
                 rows)
    w("784-512-256-10 relu/relu/softmax, Adam lr 1e-3, float32, %s examples × 784 float32 (%s MiB) in a converted "
      "directory. Descent trains through its `Trainer`'s loop and batch loader (`StepLoop`), gathering each batch "
      "from the mapped file into a buffer; \"blocks\" is streaming's default order (%s), \"uniform\" a "
      "Fisher–Yates shuffle of the whole file. PyTorch: `np.load(mmap_mode='r')`, a uniform permutation, `X[idx]` "
      "per batch (no DataLoader), against the same array loaded whole. Each side: a fresh network per run, "
      "warm-up, then %s span(s) of full steps of each run in turn, the median. The file was just written, so "
      "these read it from the page cache: the cost over resident is the gather, not the disk."
      % (pr.num(first.get("examples")), pr.num(first.get("data_mib")), first.get("shuffle", "–"),
         first.get("timed_spans", "–")))
    w()
    if first:
        report.targets.append(("data: mapped .npy training against resident (MLP, block shuffle)",
                               "mapped ÷ resident: " + ", ".join(ratios) + " (the issue asks for the measurement, "
                               "no bound)", None))


def epoch(report, r):
    w = report.w
    w("### One epoch over a mapped file larger than the heap")
    w()
    if not r:
        w("Not measured in this run.")
        w()
        return
    report.table(["file", "child heap", "seconds", "examples/s", "MB/s", "peak RssAnon MiB", "peak RSS MiB (with mapped pages)",
                  "dev accuracy"],
                 [[epoch_file(r), "%s MiB" % r["heap_mib"], pr.num(r["value"]), pr.num(r["examples_per_s"]),
                   pr.num(r["mb_per_s"]), pr.num(r["peak_rss_anon_mib"]), pr.num(r.get("peak_rss_mib")),
                   pr.num(r.get("dev_accuracy"))]])
    w(epoch_text(r))
    w()
    report.targets.append(("data: one epoch over a mapped file beyond the heap, RssAnon ≤ %g MiB" % pr.EPOCH_RSS_ANON_MIB,
                           "%s MiB (%s file, %s MiB heap, %s s)" % (pr.num(r["peak_rss_anon_mib"]), epoch_file(r),
                                                                   r["heap_mib"], pr.num(r["value"])),
                           r["peak_rss_anon_mib"] <= pr.EPOCH_RSS_ANON_MIB if r["file_over_heap"] > 1 else None))


def epoch_file(r):
    return "%s × %s float32, %s MiB" % (pr.num(r["examples"]), r["features"], pr.num(r["file_mib"]))


def epoch_text(r):
    return ("`descent train --stream always --hidden %s --epochs 1 --batch-size %s --split 98,1,1` in a child JVM "
            "(`-Xmx%sm -XX:+UseSerialGC`); seconds from start to exit: JVM start, the standardizer's pass over the "
            "training rows, the epoch (block shuffle), the dev and test evaluations. RssAnon (heap, JIT, OpenBLAS: "
            "what the process owns) sampled every 50 ms from /proc/PID/status; the mapped pages are RssFile, which "
            "the kernel drops under pressure." % (r["hidden"], r["batch"], r["heap_mib"]))


def stretch(report, path):
    """The stretch subsection from a JSON report, or (path None) the lines kept from the old page."""
    if path is None:
        report.lines.extend(report.kept_stretch)
        return
    with open(path) as fh:
        descent = json.load(fh)
    r = pr.results(descent)["npy-epoch-beyond-heap"]
    w = report.w
    w(STRETCH_HEADING)
    w()
    report.table(["file", "child heap", "seconds", "examples/s", "MB/s", "peak RssAnon MiB", "peak RSS MiB (with mapped pages)",
                  "dev accuracy"],
                 [[epoch_file(r), "%s MiB" % r["heap_mib"], pr.num(r["value"]), pr.num(r["examples_per_s"]),
                   pr.num(r["mb_per_s"]), pr.num(r["peak_rss_anon_mib"]), pr.num(r.get("peak_rss_mib")),
                   pr.num(r.get("dev_accuracy"))]])
    w("The issue's stretch, 15.7 GB on disk, measured once (`./descent bench data --epoch-examples 5000000`) on %s, "
      "load average %.2f at its start; compare.sh does not rerun it. %s The file was written just before the "
      "epoch, so part of it may have been read from the page cache rather than the disk." % (
          time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(os.path.getmtime(path))), descent["machine"]["load_average_1m"],
          epoch_text(r)))
    w()
    stretch_target(report, r)


def stretch_target(report, r):
    report.targets.append(("data stretch: 5 000 000 × 784 float32, one epoch in about a minute (≤ %g s), RssAnon ≤ %g MiB"
                           % (pr.STRETCH_SECONDS, pr.EPOCH_RSS_ANON_MIB),
                           "%s s, %s MiB (measured once)" % (pr.num(r["value"]), pr.num(r["peak_rss_anon_mib"])),
                           r["value"] <= pr.STRETCH_SECONDS and r["peak_rss_anon_mib"] <= pr.EPOCH_RSS_ANON_MIB))


def update(report, path):
    """Replaces the data section and the data rows of the targets table of the page at `path`;
    without --stretch, the stretch paragraph and its target row already there are kept."""
    with open(path) as fh:
        old = fh.read().rstrip("\n").split("\n")
    report.kept_stretch = []
    start = next((i for i, l in enumerate(old) if l.startswith("## data:")), None)
    if start is not None:
        end = next((i for i in range(start + 1, len(old)) if old[i].startswith("## ")), len(old))
        at = next((i for i in range(start, end) if old[i] == STRETCH_HEADING), None)
        if at is not None:
            report.kept_stretch = old[at:end]
        old = old[:start] + old[end:]
    report.lines = []
    section(report, report.args.stretch)
    body = report.lines
    stale = ("| data:", "| data stretch:") if report.args.stretch else ("| data:",)
    old = [l for l in old if not l.startswith(stale)]
    rows = ["| %s | %s | %s |" % (t, m, pr.met(ok)) for t, m, ok in report.targets]
    targets = old.index("## Targets")
    last_row = next(i for i in range(targets + 1, len(old))
                    if old[i].startswith("|") and (i + 1 == len(old) or not old[i + 1].startswith("|")))
    old = old[:last_row + 1] + rows + old[last_row + 1:]
    machine = next(i for i, l in enumerate(old) if l.startswith("## Machine"))
    with open(path, "w") as fh:
        fh.write("\n".join(old[:machine] + body + old[machine:]).rstrip() + "\n")
