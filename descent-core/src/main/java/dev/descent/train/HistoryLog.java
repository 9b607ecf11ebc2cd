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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * the last epoch and on as many others as 1 % of the time allows: every epoch when epochs are
 * slow (a 60 000-example MLP), a few dozen in a long course run of microsecond epochs. The
 * others have NaN there. Which epochs are probed depends on the clock; the values do not. Lines
 * are formatted and written on one background thread: a course epoch is so short that formatting
 * a line on the training thread would be a large share of it (measured: docs/design.md, "The
 * history is written as training goes"). The training thread only hands over the rows of the
 * last second.
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
  private static final long FLUSH_NANOS = 1_000_000_000L;
  /** Probes take at most 1 / BUDGET of the training thread's time. */
  private static final long BUDGET = 100;
  private static final double[] NONE = new double[0];

  private final Path directory;
  private final List<HistoryRow> prior;
  private final List<HistoryRow> rows = new ArrayList<>();
  private int handedOver;
  private ExecutorService writer;
  private Writer json;
  private Writer csv;
  private volatile IOException failure;
  private GradientProbe probe;
  private Matrix[] before;
  private int lastEpoch;
  private boolean probeNext;
  private long nextProbe;
  private long probeNanos;
  private long snapshotNanos;
  private long epochEnd;
  private long start;
  private long lastFlush;
  private double secondsBefore;
  private int layers;

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
    all.addAll(rows);
    return all;
  }

  @Override
  public void onStart(TrainingContext context) {
    probe = new GradientProbe(GradientNorms.Limits.defaults());
    lastEpoch = context.config().epochs() - 1;
    probeNext = true;
    nextProbe = 0;
    snapshotNanos = 0;
    before = snapshot(context.network(), null);
    secondsBefore = prior.isEmpty() || Double.isNaN(prior.get(prior.size() - 1).seconds()) ? 0 : prior.get(prior.size() - 1).seconds();
    try {
      Files.createDirectories(directory);
      json = Files.newBufferedWriter(jsonFile(), StandardCharsets.UTF_8);
      csv = Files.newBufferedWriter(csvFile(), StandardCharsets.UTF_8);
      layers = 0;
      for (dev.descent.nn.Layer l : context.network().layers()) {
        layers += l.parameters().isEmpty() ? 0 : 1;
      }
      csv.append(HistoryFile.csvHeader(layers)).append('\n');
      write(prior);
    } catch (IOException e) {
      throw new DescentException(directory + ": cannot write the history: " + e.getMessage(), e);
    }
    writer = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "descent-history");
      t.setDaemon(true);
      return t;
    });
    start = System.nanoTime();
    lastFlush = start;
    epochEnd = start;
  }

  @Override
  public boolean onEpochEnd(EpochResult r, TrainingContext context) {
    long now = System.nanoTime();
    int e = r.epoch();
    Network network = context.network();
    double trainAccuracy = Double.NaN;
    double[] norms = NONE;
    double[] ratios = NONE;
    if (probeNext || e == lastEpoch) {
      long probeStart = System.nanoTime();
      if (context.train() instanceof Dataset resident && resident.isClassification()) {
        trainAccuracy = Evaluation.score(network, resident).accuracy();
      }
      List<GradientNorms.LayerNorms> layerNorms = probe.measure(context).layers();
      norms = new double[layerNorms.size()];
      for (int l = 0; l < norms.length; l++) {
        norms[l] = layerNorms.get(l).gradientNorm();
      }
      ratios = updateRatios(network, before);
      probeNanos = System.nanoTime() - probeStart;
      nextProbe = System.nanoTime() + BUDGET * (probeNanos + snapshotNanos);
    }
    // the next epoch is probed when the budget allows it by its end, and the last one always
    long epochNanos = now - epochEnd;
    epochEnd = now;
    probeNext = e + 1 == lastEpoch || now + epochNanos >= nextProbe;
    if (probeNext) {
      long snapshotStart = System.nanoTime();
      before = snapshot(network, before);   // the parameters the probed epoch starts from
      snapshotNanos = System.nanoTime() - snapshotStart;
    }
    HistoryRow row = new HistoryRow(e + 1, secondsBefore + (now - start) / 1e9, context.optimizer().learningRate(), r.trainCost(),
        trainAccuracy, r.devCost(), r.devAccuracy(), regularization(network, context.train().size()), norms, ratios);
    rows.add(row);
    if (now - lastFlush >= FLUSH_NANOS) {
      lastFlush = now;
      handOver();
    }
    return false;
  }

  @Override
  public void onEnd(TrainingContext context) {
    handOver();
    writer.shutdown();
    try {
      if (!writer.awaitTermination(1, TimeUnit.MINUTES)) {
        throw new DescentException(jsonFile() + ": the history writer did not finish within a minute");
      }
      json.close();
      csv.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DescentException(jsonFile() + ": interrupted while writing the history", e);
    } catch (IOException e) {
      failure = e;
    }
    rethrow();
  }

  private void handOver() {
    rethrow();
    List<HistoryRow> batch = new ArrayList<>(rows.subList(handedOver, rows.size()));
    handedOver = rows.size();
    writer.execute(() -> {
      try {
        write(batch);
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
    for (HistoryRow row : batch) {
      HistoryFile.appendJson(j, row);
      j.append('\n');
      HistoryFile.appendCsv(c, row, layers);
      c.append('\n');
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

  /** Per layer with parameters: ‖now − before‖ / ‖now‖ over all its parameters. */
  private static double[] updateRatios(Network network, Matrix[] before) {
    List<Variable> params = network.parameters();
    List<Double> ratios = new ArrayList<>();
    int i = 0;
    for (dev.descent.nn.Layer layer : network.layers()) {
      int n = layer.parameters().size();
      if (n == 0) {
        continue;
      }
      double delta = 0;
      double size = 0;
      for (int k = i; k < i + n; k++) {
        Matrix now = params.get(k).value();
        for (int f = 0, count = now.size(); f < count; f++) {
          double v = now.getFlat(f);
          double d = v - before[k].getFlat(f);
          delta += d * d;
          size += v * v;
        }
      }
      ratios.add(Math.sqrt(delta) / Math.sqrt(size));
      i += n;
    }
    double[] out = new double[ratios.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = ratios.get(k);
    }
    return out;
  }
}
