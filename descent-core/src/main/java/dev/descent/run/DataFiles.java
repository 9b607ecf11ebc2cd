package dev.descent.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.descent.DescentException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The identity of the files a {@link DataPlan} reads (data, test set, labels file): absolute path,
 * size in bytes and SHA-256 of the contents (of 64 evenly spread MiB for a file over 256 MiB) ({@code [{"path": …, "size": …, "sha256": …}]}; a
 * directory written by {@code descent convert} counts all its files). A checkpoint and a search
 * journal keep it, so that {@code resume} and {@code search --resume} refuse data that changed
 * since the run began instead of training on it. Built-in sets have no files: their name and
 * options are in the recipe itself.
 *
 * <pre>{@code
 * ArrayNode files = DataFiles.of(plan);   // [{"path":"/data/train.csv","size":5120,"sha256":"9f86…"}]
 * DataFiles.requireUnchanged(files, "checkpoint.descent");
 * }</pre>
 */
public final class DataFiles {
  private DataFiles() {}

  /** The identity of every file {@code plan} reads, hashed now (one pass over each file). */
  public static ArrayNode of(DataPlan plan) {
    ArrayNode files = RunJson.MAPPER.createArrayNode();
    for (Path file : files(plan)) {
      long[] size = {0};
      String hash = hash(file, size);
      files.addObject().put("path", file.toString()).put("size", size[0]).put("sha256", hash);
    }
    return files;
  }

  /**
   * Refuses when a file of {@code saved} (from {@link #of}) is gone, or has another size or
   * content; {@code where} names the checkpoint or journal that recorded it.
   */
  public static void requireUnchanged(JsonNode saved, String where) {
    for (JsonNode f : saved) {
      Path file = Path.of(f.path("path").asText());
      if (!Files.exists(file)) {
        throw new DescentException(where + ": the run's data " + file + " is gone; restore it to continue the run");
      }
      long[] size = {0};
      String hash = hash(file, size);
      long was = f.path("size").asLong();
      if (size[0] != was || !hash.equals(f.path("sha256").asText())) {
        throw new DescentException(where + ": the run's data " + file + " has changed since the run began ("
            + (size[0] != was ? "size " + was + " → " + size[0] + " bytes" : "same size, other contents (SHA-256)")
            + "); restore the file, or start a new run on the new data");
      }
    }
  }

  private static List<Path> files(DataPlan plan) {
    List<Path> files = new ArrayList<>();
    for (DataRequest r : new DataRequest[] {plan.data(), plan.test()}) {
      if (r == null) {
        continue;
      }
      if (!DataSource.isBuiltIn(r.source())) {
        files.add(Path.of(r.source()).toAbsolutePath().normalize());
      }
      if (r.labelsFile() != null) {
        files.add(Path.of(r.labelsFile()).toAbsolutePath().normalize());
      }
    }
    return files;
  }

  /** SHA-256 of a file, or of a directory's files in name order (names, sizes and contents); {@code size[0]} gets the bytes. */
  private static String hash(Path path, long[] size) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      if (Files.isDirectory(path)) {
        List<Path> inside;
        try (Stream<Path> walk = Files.walk(path)) {
          inside = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path p : inside) {
          digest.update(path.relativize(p).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
          size[0] += update(digest, p);
        }
      } else {
        size[0] = update(digest, path);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new DescentException(path + ": cannot read the data to check it: " + DescentException.reason(e), e);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }

  /** Beyond this size a file is hashed by samples: reading 15 GB at every start would cost a minute. */
  static final long WHOLE_HASH_LIMIT = 256L << 20;
  private static final int SAMPLES = 64;
  private static final int SAMPLE_BYTES = 1 << 20;

  private static long update(MessageDigest digest, Path file) throws IOException {
    long length = Files.size(file);
    if (length > WHOLE_HASH_LIMIT) {
      // 64 blocks of 1 MiB spread evenly, the first and last included: any truncation, append or
      // header change and most edits show, at a cost that does not grow with the file
      byte[] block = new byte[SAMPLE_BYTES];
      try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
        for (int k = 0; k < SAMPLES; k++) {
          long at = (length - SAMPLE_BYTES) * k / (SAMPLES - 1);
          java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(block);
          while (b.hasRemaining() && channel.read(b, at + b.position()) > 0) {
            // read the whole block
          }
          digest.update(block, 0, b.position());
        }
      }
      return length;
    }
    byte[] buffer = new byte[1 << 16];
    long total = 0;
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
        total += n;
      }
    }
    return total;
  }
}
