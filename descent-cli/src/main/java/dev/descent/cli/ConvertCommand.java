package dev.descent.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.DescentException;
import dev.descent.data.io.Conversion;
import dev.descent.data.io.ConversionProgress;
import dev.descent.data.io.ConversionResult;
import dev.descent.data.io.ExamplesDirectory;
import dev.descent.data.io.LoadOptions;
import dev.descent.data.io.OutputChannels;
import dev.descent.run.ClusterBackend;
import dev.descent.run.ClusterConversion;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code descent convert}: a data file to a directory of {@code .npy} arrays that {@code train
 * --data DIR} memory-maps, in one streaming pass (docs/data-format.md).
 */
@Command(name = "convert", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Convert a CSV, HDF5, MAT or IDX file, in one streaming pass with constant memory, into a"
        + " directory of .npy arrays (features.npy, labels.npy, dataset.json) to train on with --data DIR;"
        + " or a CSV, through Spark, into a Parquet directory to train on with --spark MASTER --data DIR.")
public final class ConvertCommand implements Callable<Integer> {
  static final List<String> TARGETS = List.of("npy", "parquet");
  private final OutputChannels channels;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The data file (.csv, .h5, .hdf5, .mat, .idx, MNIST's -ubyte[.gz]).")
  Path file;

  @Option(names = "--to", paramLabel = "FORMAT", defaultValue = "npy",
      description = "The output format: npy, or parquet (through Spark, for train --spark; ./descent adds the Spark module) (default: ${DEFAULT-VALUE}).")
  String to;

  @Option(names = "--spark", paramLabel = "MASTER", defaultValue = "local[*]",
      description = "With --to parquet: the Spark master whose executors read FILE and write --out (local[N], spark://HOST:7077, yarn) "
          + "(default: ${DEFAULT-VALUE}).")
  String spark;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "The directory to create.")
  Path out;

  @Option(names = "--force", description = "Replace --out if it exists and is not empty (only once the new one is complete).")
  boolean force;

  @Option(names = "--dtype", paramLabel = "f32|f64", defaultValue = "f32", description = "Precision of the features (default: ${DEFAULT-VALUE}).")
  String dtype;

  @Option(names = "--format", paramLabel = "NAME", description = "Read FILE as this format instead of guessing from the extension: csv, hdf5, mat, idx.")
  String format;

  @Option(names = "--label", paramLabel = "COLUMN", description = "CSV label column, by name or 1-based index (default: the last column).")
  String label;

  @Option(names = "--labels", paramLabel = "FILE", description = "Labels in a separate file (IDX), one per example of FILE.")
  Path labelsFile;

  @Option(names = "--classes", paramLabel = "NAMES", split = ",", description = "Class names in order (labels outside them are an error).")
  List<String> classes;

  @Option(names = "--regression", description = "Numeric targets (written as float64) instead of classes.")
  boolean regression;

  @Option(names = "--hdf5-features", paramLabel = "NAME", description = "HDF5 dataset of the features (default: the *_set_x one).")
  String hdf5Features;

  @Option(names = "--hdf5-labels", paramLabel = "NAME", description = "HDF5 dataset of the labels (default: the *_set_y one).")
  String hdf5Labels;

  @Option(names = "--json", description = "Print one JSON object on stdout instead of the human summary.")
  boolean json;

  @Option(names = "--debug", description = "Show stack traces of errors.")
  boolean debug;

  public ConvertCommand() {
    this(OutputChannels.FILES);
  }

  /** A command writing through {@code channels} (tests inject a full disk). */
  ConvertCommand(OutputChannels channels) {
    this.channels = channels;
  }

  @Override
  public Integer call() {
    if (!TARGETS.contains(to)) {
      throw new UsageException("--to " + to + ": accepted formats are " + String.join(", ", TARGETS));
    }
    if (!dtype.equals("f32") && !dtype.equals("f64")) {
      throw new UsageException("--dtype " + dtype + ": accepted are f32, f64");
    }
    if (to.equals("parquet")) {
      return toParquet();
    }
    if (spec.commandLine().getParseResult().hasMatchedOption("--spark")) {
      throw new UsageException("--spark " + spark + ": only --to parquet converts through Spark; drop --spark for --to npy");
    }
    Conversion conversion = new Conversion(file, Optional.ofNullable(format), options(), dtype.equals("f64"), out, force);
    PrintWriter err = spec.commandLine().getErr();
    ConversionMeter meter = ConversionMeter.forTerminal(err);
    long start = System.nanoTime();
    ConversionResult result = ExamplesDirectory.write(conversion, meter == null ? ConversionProgress.NONE : meter, channels);
    if (meter != null) {
      meter.clear();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    print(spec.commandLine().getOut(), result, seconds);
    return Main.OK;
  }

  /** {@code --to parquet}: through the Spark module, found on the class path (./descent adds it for --to parquet). */
  private int toParquet() {
    if (label != null || labelsFile != null || classes != null || regression || hdf5Features != null || hdf5Labels != null
        || (format != null && !format.equals("csv"))) {
      throw new UsageException("--to parquet converts a numeric CSV whose label is its last column; --format, --label, --labels, "
          + "--classes, --regression and --hdf5-* are for --to npy");
    }
    ClusterBackend backend = null;
    for (ClusterBackend b : ServiceLoader.load(ClusterBackend.class)) {
      backend = b.name().equals("spark") ? b : backend;
    }
    if (backend == null) {
      throw new DescentException("--to parquet: the Spark module (descent-spark) is not on the class path; run through ./descent, "
          + "which builds and loads it for --to parquet, or spark-submit descent-spark/target/descent-spark-app.jar");
    }
    long start = System.nanoTime();
    ClusterConversion.Result r = backend.convert(spark, new ClusterConversion(file.toString(), out.toString(), force, dtype.equals("f64")));
    double seconds = (System.nanoTime() - start) / 1e9;
    PrintWriter printer = spec.commandLine().getOut();
    String train = "descent train --spark " + spark + " --data " + r.out();
    if (json) {
      ObjectNode node = Report.object();
      node.put("command", "convert");
      node.put("source", file.toString());
      node.put("directory", r.out());
      node.put("format", "parquet");
      node.put("examples", r.examples());
      node.put("features", r.featureNames().size());
      node.put("files", r.files());
      node.put("dtype", dtype.equals("f64") ? "float64" : "float32");
      node.put("spark", spark);
      node.put("seconds", seconds);
      node.put("train", train);
      Report.print(printer, node);
      return Main.OK;
    }
    printer.println("converted " + file + " to " + r.out() + " (Parquet, through Spark " + spark + ")");
    printer.printf("examples  %d%n", r.examples());
    printer.printf("features  %d (%s), then the label%n", r.featureNames().size(), dtype.equals("f64") ? "float64" : "float32");
    printer.printf("files     %d Parquet part files%n", r.files());
    printer.printf("time      %.2f s%n", seconds);
    printer.println("train     " + train);
    printer.flush();
    return Main.OK;
  }

  private LoadOptions options() {
    LoadOptions options = LoadOptions.defaults().withRegression(regression);
    if (label != null) {
      options = options.withLabelColumn(label);
    }
    if (classes != null) {
      options = options.withClassNames(classes);
    }
    if (labelsFile != null) {
      options = options.withLabelsFile(labelsFile);
    }
    if (hdf5Features != null || hdf5Labels != null) {
      options = options.withHdf5(hdf5Features, hdf5Labels);
    }
    return options;
  }

  private void print(PrintWriter out, ConversionResult r, double seconds) {
    double mbPerSecond = r.bytesRead() / 1e6 / Math.max(seconds, 1e-9);
    String train = "descent train --data " + r.directory();
    if (json) {
      ObjectNode node = Report.object();
      node.put("command", "convert");
      node.put("source", file.toString());
      node.put("directory", r.directory().toString());
      node.put("examples", r.examples());
      node.put("features", r.features());
      ArrayNode names = node.putArray("classes");
      r.classNames().forEach(names::add);
      node.put("regression", regression);
      node.put("dtype", dtype.equals("f64") ? "float64" : "float32");
      node.put("bytes_read", r.bytesRead());
      node.put("bytes_written", r.bytesWritten());
      node.put("seconds", seconds);
      node.put("mb_per_second", mbPerSecond);
      node.put("train", train);
      Report.print(out, node);
      return;
    }
    out.println("converted " + file + " to " + r.directory());
    out.printf("examples  %d%n", r.examples());
    out.printf("features  %d%s%n", r.features(), r.imageShape().map(s -> " (" + s.height() + "×" + s.width() + "×"
        + s.channels() + " images)").orElse(""));
    out.println("classes   " + (regression ? "none (regression)" : r.classNames().size() + " ("
        + String.join(", ", r.classNames()) + ")"));
    out.printf("written   %.1f MB (%s features)%n", r.bytesWritten() / 1e6, dtype.equals("f64") ? "float64" : "float32");
    out.printf("time      %.2f s, %.1f MB/s read%n", seconds, mbPerSecond);
    out.println("train     " + train);
    out.flush();
  }
}
