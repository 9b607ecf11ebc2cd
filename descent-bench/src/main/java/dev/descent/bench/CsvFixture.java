package dev.descent.bench;

import dev.descent.tensor.Rng;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A synthetic CSV for loader benchmarks: a header, then {@code rows} rows of {@code features}
 * numbers with 7 significant digits ({@code -3.141593}) and a text label ({@code cat} or
 * {@code dog}). About 9.5 bytes a number, so 1 000 000 × 50 is about 480 MB. Seeded, so a file
 * can be made again byte for byte.
 *
 * <pre>
 * java -cp descent-cli/target/descent.jar:descent-bench/target/descent-bench.jar dev.descent.bench.CsvFixture /tmp/big.csv 1000000 50
 * </pre>
 */
public final class CsvFixture {
  private CsvFixture() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: CsvFixture FILE ROWS FEATURES");
    }
    write(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), Rng.of(1));
  }

  /** Writes the file and returns its size in bytes. */
  static long write(Path file, int rows, int features, Rng rng) throws IOException {
    byte[] digits = new byte[7];
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      StringBuilder header = new StringBuilder();
      for (int j = 1; j <= features; j++) {
        header.append('x').append(j).append(',');
      }
      out.write(header.append("label\n").toString().getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < features; j++) {
          // d.dddddd written by hand: String.format would dominate the time of a large file
          long mantissa = (long) (rng.nextDouble() * 10_000_000);
          if (rng.nextDouble() < 0.5) {
            out.write('-');
          }
          for (int k = 6; k >= 0; k--) {
            digits[k] = (byte) ('0' + mantissa % 10);
            mantissa /= 10;
          }
          out.write(digits[0]);
          out.write('.');
          out.write(digits, 1, 6);
          out.write(',');
        }
        out.write(rng.nextDouble() < 0.5 ? CAT : DOG);
      }
    }
    return Files.size(file);
  }

  private static final byte[] CAT = {'c', 'a', 't', '\n'};
  private static final byte[] DOG = {'d', 'o', 'g', '\n'};
}
