package dev.descent.data.generate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A synthetic directory in the layout {@code descent convert} writes ({@code features.npy}
 * float32 m × n, {@code labels.npy} int32, {@code dataset.json}), of any size at no heap cost:
 * written in 4 MiB slices. Example i has class i mod K; its feature j is uniform noise in
 * [−0.5, 0.5), plus 2/√n when j mod K is its class: a learnable, noisy boundary whose margin does
 * not grow with n (a larger shift made 784 features so separable that the cost reached 0 and
 * the steps slowed on subnormal numbers). Deterministic: the same arguments give the same bytes.
 *
 * <pre>
 * java -cp descent-cli/target/descent.jar dev.descent.data.generate.ConvertedFixture /tmp/big 5000000 784 10
 * </pre>
 */
public final class ConvertedFixture {
  private static final int SLICE = 4 << 20;

  private ConvertedFixture() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      throw new IllegalArgumentException("usage: ConvertedFixture DIR EXAMPLES FEATURES CLASSES");
    }
    write(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
  }

  /** Creates {@code dir} (which must not hold the files yet) with m examples of n features in K classes; returns it. */
  public static Path write(Path dir, int m, int n, int classes) throws IOException {
    if (m < 1 || n < 1 || classes < 2) {
      throw new IllegalArgumentException("a converted fixture of " + m + " × " + n + " in " + classes
          + " classes: needs at least 1 example, 1 feature and 2 classes");
    }
    Files.createDirectories(dir);
    float shift = (float) (2 / Math.sqrt(n));
    writeNpy(dir.resolve("features.npy"), "<f4", "(" + m + ", " + n + ")", (long) m * n * 4, (buffer, first) -> {
      long state = 0x9E3779B97F4A7C15L ^ first;
      while (buffer.remaining() >= 4) {
        long k = first++;
        int label = (int) (k / n % classes);
        int j = (int) (k % n);
        // one LCG step per value (Knuth's MMIX constants): cheap enough to write gigabytes
        state = state * 6364136223846793005L + 1442695040888963407L;
        float noise = ((state >>> 40) / (float) (1 << 24)) - 0.5f;
        buffer.putFloat((j % classes == label ? shift : 0) + noise);
      }
    });
    writeNpy(dir.resolve("labels.npy"), "<i4", "(" + m + ",)", (long) m * 4, (buffer, first) -> {
      while (buffer.remaining() >= 4) {
        buffer.putInt((int) (first++ % classes));
      }
    });
    StringBuilder names = new StringBuilder();
    for (int c = 0; c < classes; c++) {
      names.append(c == 0 ? "" : ", ").append("\"c").append(c).append('"');
    }
    Files.writeString(dir.resolve("dataset.json"), "{\"format\": \"descent-examples\", \"version\": 1, \"examples\": "
        + m + ", \"features\": " + n + ", \"feature_names\": [], \"class_names\": [" + names + "],"
        + " \"regression\": false, \"dtype\": \"float32\", \"source\": \"generated\"}");
    return dir;
  }

  private interface Filler {
    /** Fills {@code buffer} with the values from value index {@code firstValue} on. */
    void fill(ByteBuffer buffer, long firstValue);
  }

  private static void writeNpy(Path file, String descr, String shape, long bytes, Filler filler) throws IOException {
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    // .npy 1.0: magic, version, header length, then the header padded so the data start on 64 bytes
    String header = dict + " ".repeat((64 - (11 + dict.length()) % 64) % 64) + "\n";
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer head = ByteBuffer.allocate(10 + header.length()).order(ByteOrder.LITTLE_ENDIAN);
      head.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
      head.put(header.getBytes(StandardCharsets.US_ASCII)).flip();
      channel.write(head);
      ByteBuffer slice = ByteBuffer.allocateDirect(SLICE).order(ByteOrder.LITTLE_ENDIAN);
      for (long done = 0; done < bytes; ) {
        slice.clear().limit((int) Math.min(slice.capacity(), bytes - done));
        filler.fill(slice, done / 4);
        slice.flip();
        while (slice.hasRemaining()) {
          done += channel.write(slice);
        }
      }
    }
  }
}
