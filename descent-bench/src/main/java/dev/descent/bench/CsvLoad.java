package dev.descent.bench;

import dev.descent.data.Dataset;
import dev.descent.data.io.DataLoaders;
import dev.descent.data.io.LoadOptions;
import dev.descent.io.ProcStatus;
import dev.descent.tensor.Precision;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads a CSV in float32 as {@code descent train} does and prints one line, {@code examples
 * features seconds vm_hwm_kib}: the body of a child JVM whose peak resident set is the figure
 * (the process's own VmHWM, read after the load, so no sample can miss the peak).
 *
 * <pre>
 * java -XX:+UseSerialGC -cp descent.jar:descent-bench.jar dev.descent.bench.CsvLoad /tmp/big.csv
 * 1000000 50 1.84 712340
 * </pre>
 */
public final class CsvLoad {
  private CsvLoad() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: CsvLoad FILE.csv");
    }
    long start = System.nanoTime();
    Dataset d = load(Path.of(args[0]));
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "%d %d %.6f %d%n", d.size(), d.featureCount(), seconds, ProcStatus.self().vmHwmKib());
  }

  static Dataset load(Path csv) {
    return DataLoaders.read(csv, LoadOptions.defaults().withPrecision(Precision.F32)).dataset();
  }
}
