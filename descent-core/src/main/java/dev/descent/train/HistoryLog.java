package dev.descent.train;

import dev.descent.DescentException;
import dev.descent.autodiff.Tape;
import dev.descent.autodiff.Variable;
import dev.descent.data.Dataset;
import dev.descent.nn.CostTerm;
import dev.descent.nn.Network;
import dev.descent.tensor.Matrix;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Writes a run's per-epoch {@link HistoryRow}s to {@code history.jsonl} and {@code history.csv}
 * in a directory as training goes, like Keras's CSVLogger: appended and flushed at least once a
 * second and at the end, so a killed run keeps its history up to the last second.
 *
 * <p>Every epoch gets the values the trainer already has (train cost, dev cost and accuracy),
 * the wall time and the learning rate. The <em>probe</em> values cost passes of their own (train
 * accuracy: a pass over the training set; gradient norms: the {@link GradientProbe}; update
 * ratios: a copy of the parameters one epoch before), so they are measured on the first and
 * the last epoch and on as many others as {@value #BUDGET_PERCENT} % of the training thread's CPU
 * time allows: every epoch when epochs are slow (a 60 000-example MLP), a few epochs in a long
 * course run of microsecond epochs. The others have NaN there. The budget counts CPU time, not wall
 * time: on a loaded machine the wall time of an epoch grows while a probe's CPU cost does not.
 * Which epochs are probed depends on the clock; the values do not.
 *
 * <p>The files are opened, formatted, written and closed on one background thread, which would
 * otherwise be a large share of a course epoch (measured: docs/design.md, "The history is written
 * as training goes"). The training thread keeps the epochs in primitive columns ({@link
 * EpochColumns}) and hands over the epochs of the last second; the writer flushes both files
 * after each hand-over (handing over more often cost the training thread more).
 *
 * <pre>{@code
 * HistoryLog log = HistoryLog.to(Path.of("out"), List.of());
 * trainer.fit(train, dev, List.of(log));   // out/history.jsonl: {"epoch":1,"seconds":0.003,…}
 * log.rows();                              // the same rows in memory
 * }</pre>
 */
public final class HistoryLog implements Callback {
  /** The file names in the run's directory. */
  public static final String JSONL = "history.jsonl";
  public static final String CSV = "history.csv";
  /** Probes take at most this share of the training thread's CPU time. */
  static final double BUDGET_PERCENT = 0.25;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  /** How often rows are handed over to the writer, which flushes after each. */
  private static final long HAND_OVER_NANOS = 1_000_000_000L;

  private final Path directory;
  private final List<HistoryRow> prior;
  private final EpochColumns epochs = new EpochColumns();
  private int handedOver;
  private ExecutorService writer;
  private Writer json;
  private Writer csv;
  private volatile IOException failure;
  private GradientProbe probe;
  private Matrix[] before;
  private int lastEpoch;
  private boolean probeNext;
  /** The epoch (0-based) of the next probe, and when the last one ended: epoch and CPU time. */
  private int nextProbe;
  private int markEpoch;
  private long markCpu;
  private long snapshotCpu;
  private long start;
  private long lastFlush;
  private double secondsBefore;
  private int layers;
  /** The course's layers as indices into the network's parameters (see {@link GradientNorms#layers}). */
  private List<int[]> groups;

  private HistoryLog(Path directory, List<HistoryRow> prior) {
    this.directory = directory;
    this.prior = List.copyOf(prior);
  }

  /**
   * A log that starts {@code directory}'s history files afresh with {@code prior} (the epochs a
   * resumed run has done; empty for a new run), then appends this run's epochs.
   */
  public static HistoryLog to(Path directory, List<HistoryRow> prior) {
    return new HistoryLog(directory, prior);
  }

  public Path jsonFile() {
    return directory.resolve(JSONL);
  }

  public Path csvFile() {
    return directory.resolve(CSV);
  }

  /** The prior rows and every epoch so far. */
  public List<HistoryRow> rows() {
    List<HistoryRow> all = new ArrayList<>(prior);
    all.addAll(epochs.slice(0, epochs.size()).rows());
    return all;
  }

  @Override
  public void onStart(TrainingContext context) {
    probe = new GradientProbe(GradientNorms.Limits.defaults());
    lastEpoch = context.config().epochs() - 1;
    probeNext = true;
    markEpoch = -1;
    snapshotCpu = 0;
    before = snapshot(context.network(), null);
    secondsBefore = prior.isEmpty() || Double.isNaN(prior.get(prior.size() - 1).seconds()) ? 0 : prior.get(prior.size() - 1).seconds();
    groups = GradientNorms.layers(context.network());
    layers = groups.size();
    writer = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "descent-history");
      t.setDaemon(true);
      return t;
    });
    writer.execute(() -> {
      try {
        Files.createDirectories(directory);
        json = Files.newBufferedWriter(jsonFile(), StandardCharsets.UTF_8);
        csv = Files.newBufferedWriter(csvFile(), StandardCharsets.UTF_8);
        csv.append(HistoryFile.csvHeader(layers)).append('\n');
        write(prior);
      } catch (IOException e) {
        failure = e;
      }
    });
    markCpu = cpuNanos();
    start = System.nanoTime();
    lastFlush = start;
  }

  @Override
  public boolean onEpochEnd(EpochResult r, TrainingContext context) {
    long now = System.nanoTime();
    int e = r.epoch();
    Network network = context.network();
    double trainAccuracy = Double.NaN;
    double[] norms = null;
    double[] ratios = null;
    if (probeNext || e == lastEpoch) {
      long probeStart = cpuNanos();
      if (context.train() instanceof Dataset resident && resident.isClassification()) {
        trainAccuracy = Evaluation.score(network, resident).accuracy();
      }
      probe.backward(context);
      norms = gradientNorms(network);
      ratios = updateRatios(network, before);
      long probeEnd = cpuNanos();
      // the CPU time of a training epoch since the last probe, the first epoch's alone at the start
      double epochCpu = (double) (probeStart - markCpu - snapshotCpu) / (e - markEpoch);
      double gap = 100 / BUDGET_PERCENT * (probeEnd - probeStart + snapshotCpu) / Math.max(epochCpu, 1);
      nextProbe = e + (int) Math.min(Integer.MAX_VALUE / 2, Math.max(1, Math.ceil(gap)));
      markEpoch = e;
      markCpu = probeEnd;
      snapshotCpu = 0;
    }
    // the parameters the probed epoch starts from, and the last epoch is always probed
    probeNext = e + 1 == nextProbe || e + 1 == lastEpoch;
    if (probeNext) {
      long snapshotStart = cpuNanos();
      before = snapshot(network, before);
      snapshotCpu = cpuNanos() - snapshotStart;
    }
    epochs.append(e + 1, secondsBefore + (now - start) / 1e9, context.optimizer().learningRate(), r.trainCost(), trainAccuracy,
        r.devCost(), r.devAccuracy(), regularization(network, context.train().size()), norms, ratios);
    if (now - lastFlush >= HAND_OVER_NANOS) {
      lastFlush = now;
      handOver();
    }
    return false;
  }

  /** The training thread's CPU time (its wall time where the JVM cannot tell). */
  private static long cpuNanos() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }

  @Override
  public void onEnd(TrainingContext context) {
    handOver();
    writer.execute(() -> {
      try {
        if (json != null) {
          json.close();
        }
        if (csv != null) {
          csv.close();
        }
      } catch (IOException e) {
        failure = e;
      }
    });
    writer.shutdown();
    try {
      if (!writer.awaitTermination(1, TimeUnit.MINUTES)) {
        throw new DescentException(jsonFile() + ": the history writer did not finish within a minute");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DescentException(jsonFile() + ": interrupted while writing the history", e);
    }
    rethrow();
  }

  private void handOver() {
    rethrow();
    EpochColumns.Slice batch = epochs.slice(handedOver, epochs.size());
    handedOver = epochs.size();
    writer.execute(() -> {
      try {
        if (failure == null) {
          write(batch.rows());
        }
      } catch (IOException e) {
        failure = e;
      }
    });
  }

  private void rethrow() {
    if (failure != null) {
      throw new DescentException(directory + ": cannot write the history: " + failure.getMessage(), failure);
    }
  }

  /** Appends {@code batch} to both files and flushes them (on the writer thread, or before it starts). */
  private void write(List<HistoryRow> batch) throws IOException {
    StringBuilder j = new StringBuilder(batch.size() * 200);
    StringBuilder c = new StringBuilder(batch.size() * 120);
    StringBuilder scratch = new StringBuilder(32);
    for (HistoryRow row : batch) {
      HistoryFile.appendBoth(j, c, row, layers, scratch);
    }
    json.append(j);
    json.flush();
    csv.append(c);
    csv.flush();
  }

  /** λ/2m·Σ‖W‖² (and the like) for the whole training set: each cost term recorded once on a scratch tape. */
  private static double regularization(Network network, int m) {
    double sum = 0;
    for (CostTerm term : network.costTerms()) {
      Variable v = term.apply(new Tape(), network.weights(), m);
      sum += v.scalar();
    }
    return sum;
  }

  private static Matrix[] snapshot(Network network, Matrix[] into) {
    List<Variable> params = network.parameters();
    Matrix[] out = into != null ? into : new Matrix[params.size()];
    for (int i = 0; i < out.length; i++) {
      if (out[i] == null) {
        out[i] = params.get(i).value().copy();
      } else {
        out[i].copyFrom(params.get(i).value());
      }
    }
    return out;
  }

  /** Per course layer: ‖(dW, db)‖ (with dγ, dβ) as {@link GradientNorms} has it, without its labels and warnings. */
  private double[] gradientNorms(Network network) {
    List<Variable> params = network.parameters();
    double[] out = new double[layers];
    for (int l = 0; l < layers; l++) {
      double sum = 0;
      for (int k : groups.get(l)) {
        Matrix g = params.get(k).grad();
        sum += g == null ? 0 : g.squaredNorm();
      }
      out[l] = Math.sqrt(sum);
    }
    return out;
  }

  /** Per course layer: ‖now − before‖ / ‖now‖ over all its parameters. */
  private double[] updateRatios(Network network, Matrix[] before) {
    List<Variable> params = network.parameters();
    double[] out = new double[layers];
    for (int l = 0; l < layers; l++) {
      double delta = 0;
      double size = 0;
      for (int k : groups.get(l)) {
        Matrix now = params.get(k).value();
        for (int f = 0, count = now.size(); f < count; f++) {
          double v = now.getFlat(f);
          double d = v - before[k].getFlat(f);
          delta += d * d;
          size += v * v;
        }
      }
      out[l] = Math.sqrt(delta) / Math.sqrt(size);
    }
    return out;
  }
}
