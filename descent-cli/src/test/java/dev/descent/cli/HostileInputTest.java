package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile inputs for every command and loader, driven by {@code hostile/cases.tsv} (one case a
 * line: id, fixture files, arguments, exit code, message). Each case must exit 1 (data/runtime)
 * or 2 (usage/option) with exactly one {@code descent: } line holding the whole expected message,
 * no stack trace, and no file written besides the fixtures. {@code docs/errors.md} is generated
 * from the same list; run with {@code -Dhostile.record=true} to rewrite the expected codes and
 * messages and the doc from the product's actual behaviour (then review the diff).
 */
class HostileInputTest {
  static final Path CASES = Path.of("src/test/resources/hostile/cases.tsv");
  static final Path DOC = Path.of("../docs/errors.md");
  static final boolean RECORD = Boolean.getBoolean("hostile.record");

  @TempDir
  static Path shared;
  static byte[] model;
  static byte[] checkpoint;

  @TempDir
  Path dir;

  /** One row of cases.tsv. */
  record Case(String id, String files, String args, int code, String message) {
    String command() {
      return args.split(" ")[0];
    }

    String line() {
      return String.join("\t", id, files, args, Integer.toString(code), message);
    }

    @Override
    public String toString() {
      return id;
    }
  }

  @BeforeAll
  static void trainFixtures() throws IOException {
    Path out = shared.resolve("out");
    Cli.run("train", "--data", "moons", "--examples", "60", "--hidden", "3", "--epochs", "2",
        "--checkpoint-every", "1", "--out", out.toString()).ok();
    model = Files.readAllBytes(out.resolve("model.descent"));
    checkpoint = Files.readAllBytes(out.resolve("checkpoint.descent"));
  }

  static List<Case> cases() {
    try {
      List<Case> out = new ArrayList<>();
      for (String line : Files.readAllLines(CASES, StandardCharsets.UTF_8)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 5) {
          throw new IllegalStateException("cases.tsv: expected 5 tab-separated fields: " + line);
        }
        out.add(new Case(f[0], f[1], f[2], f[3].equals("?") ? 0 : Integer.parseInt(f[3]), f[4]));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final List<Case> ACTUAL = new ArrayList<>();

  /**
   * The cases of this module's commands. Those of commands other modules provide ({@code bench},
   * {@link DescentCommand#MODULE_COMMANDS}) stay in the table and the doc, and that module's tests
   * run them (descent-bench's BenchHostileInputTest).
   */
  static List<Case> cliCases() {
    return cases().stream().filter(c -> !DescentCommand.MODULE_COMMANDS.contains(c.command())).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cliCases")
  void failsCleanly(Case c) throws IOException {
    for (String spec : c.files().isEmpty() ? new String[0] : c.files().split(";")) {
      int eq = spec.indexOf('=');
      create(dir.resolve(spec.substring(0, eq)), spec.substring(eq + 1));
    }
    Set<Path> before = files(dir);
    String[] args = Arrays.stream(c.args().split(" ")).map(a -> a.replace("$DIR", dir.toString())).toArray(String[]::new);
    Cli.Result r = Cli.run(args);
    List<String> errorLines = r.err().lines().filter(l -> l.startsWith("descent: ")).toList();
    String message = errorLines.isEmpty() ? "" : errorLines.get(0).substring("descent: ".length()).replace(dir.toString(), "$DIR");
    if (RECORD) {
      synchronized (ACTUAL) {
        ACTUAL.add(new Case(c.id(), c.files(), c.args(), r.code(), message));
      }
    }
    assertTrue(r.code() == 1 || r.code() == 2, c.id() + ": exit code " + r.code() + "\n" + r.err());
    assertEquals(1, errorLines.size(), c.id() + ": one 'descent: ' line\n" + r.err());
    assertFalse(r.err().lines().anyMatch(l -> l.matches("\\s+at .*")), c.id() + ": stack trace\n" + r.err());
    assertFalse(message.contains("internal error") || message.contains("Exception"), c.id() + ": unclear message: " + message);
    Set<Path> written = files(dir);
    written.removeAll(before);
    assertEquals(Set.of(), written, c.id() + ": files written by a failed run");
    if (!RECORD) {
      assertEquals(c.code(), r.code(), c.id() + ": exit code\n" + r.err());
      assertEquals(c.message(), message, c.id());
    }
  }

  /**
   * Values near the largest double are standardized without overflow and train (the costs stay
   * finite) and plot: no overflowing figure box. Unstandardized they would not fit float32, which
   * the case csv-beyond-float32 refuses.
   */
  @Test
  void hugeValuesTrainAndSaveACompleteModel() throws IOException {
    StringBuilder csv = new StringBuilder("a,b,y\n");
    for (int i = 0; i < 10; i++) {
      csv.append(i % 2 == 0 ? "1e308" : "-1e308").append(',').append(i % 5).append(',').append(i % 3 == 0 ? 1 : 0).append('\n');
    }
    Files.writeString(dir.resolve("big.csv"), csv);
    Cli.Result r = Cli.run("train", "--data", dir.resolve("big.csv").toString(), "--lr", "0.5",
        "--epochs", "3", "--out", dir.resolve("out").toString(), "--json");
    assertEquals(0, r.code(), r.err());
    assertTrue(Double.isFinite(r.json().at("/train/cost").asDouble()), r.out());
    assertEquals(2, dev.descent.model.ModelFile.read(dir.resolve("out/model.descent")).network().inputs());
    assertTrue(Files.exists(dir.resolve("out/boundary.png")), "standardized, the boundary has a finite span");
    // raw, in float64: the run ends (diverged or not) and no figure is drawn over an overflowing span
    Cli.Result raw = Cli.run("train", "--data", dir.resolve("big.csv").toString(), "--no-normalize", "--precision", "f64",
        "--lr", "0.5", "--epochs", "3", "--out", dir.resolve("raw").toString());
    assertEquals(0, raw.code(), raw.err());
    assertFalse(Files.exists(dir.resolve("raw/boundary.png")), "no boundary figure over an overflowing span");
  }

  @Test
  void everyCaseIsInTheErrorsDoc() throws IOException {
    List<Case> cases = cases();
    assertTrue(cases.size() >= 40, "at least 40 cases, found " + cases.size());
    assertEquals(cases.size(), cases.stream().map(Case::id).distinct().count(), "case ids are unique");
    assertTrue(cases.stream().map(Case::command).collect(Collectors.toSet()).containsAll(
        Set.of("train", "predict", "evaluate", "experiment", "lr-find", "gradcheck", "search", "resume", "bench")),
        "every command has a case");
    if (!RECORD) {
      assertEquals(doc(cases), Files.readString(DOC), "docs/errors.md is stale: run HostileInputTest with -Dhostile.record=true");
    }
  }

  /** In record mode, rewrites cases.tsv and docs/errors.md from what the product did. */
  @org.junit.jupiter.api.AfterAll
  static void record() throws IOException {
    if (!RECORD || ACTUAL.isEmpty()) {
      return;
    }
    List<Case> recorded = new ArrayList<>();
    for (Case c : cases()) {
      recorded.add(ACTUAL.stream().filter(a -> a.id().equals(c.id())).findFirst().orElse(c));
    }
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(CASES, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        lines.add(line);
      } else {
        String id = line.substring(0, line.indexOf('\t'));
        lines.add(recorded.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow().line());
      }
    }
    Files.write(CASES, lines, StandardCharsets.UTF_8);
    Files.writeString(DOC, doc(recorded));
  }

  static String doc(List<Case> cases) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Errors\n\n")
        .append("What `descent` answers to bad input: the exit code (2: a usage or option error, 1: a data, file or\n")
        .append("runtime error) and the one line it prints on stderr after `descent: `. No command prints a\n")
        .append("stack trace unless given `--debug`, and none leaves a partial model, checkpoint, predictions or\n")
        .append("`*.tmp` file behind. `$DIR` stands for the directory of the input files.\n\n")
        .append("Generated from `descent-cli/src/test/resources/hostile/cases.tsv` by `HostileInputTest`\n")
        .append("(which checks that this file is up to date); the input column lists the fixture files\n")
        .append("(`text:` content, `garbage` = random bytes, `model:` a saved model, altered as named).\n\n")
        .append("| # | command | input | arguments | exit | message |\n")
        .append("|---|---|---|---|---|---|\n");
    int n = 0;
    for (Case c : cases) {
      sb.append("| ").append(++n).append(" | ").append(c.command()).append(" | ")
          .append(cell(c.files().isEmpty() ? "(none)" : c.files())).append(" | `")
          .append(cell(c.args())).append("` | ").append(c.code()).append(" | ")
          .append(cell(c.message())).append(" |\n");
    }
    return sb.toString();
  }

  private static String cell(String s) {
    return s.replace("|", "\\|");
  }

  private static Set<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /** Creates one fixture: {@code text:CONTENT} (\n escapes), {@code garbage}, {@code npy:DESCR|SHAPE|FORTRAN|VALUES}, {@code model:VARIANT}, {@code checkpoint:VARIANT}. */
  static void create(Path file, String spec) throws IOException {
    Files.createDirectories(file.getParent());
    if (spec.startsWith("text:")) {
      Files.writeString(file, spec.substring(5).replace("\\n", "\n").replace("\\t", "\t"));
    } else if (spec.equals("garbage")) {
      byte[] b = new byte[4096];
      dev.descent.tensor.Rng rng = dev.descent.tensor.Rng.of(7);
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) rng.nextInt(256);
      }
      Files.write(file, b);
    } else if (spec.startsWith("npy:")) {
      Files.write(file, npy(spec.substring(4).split("\\|")));
    } else if (spec.startsWith("model:") || spec.startsWith("checkpoint:")) {
      byte[] base = spec.startsWith("model:") ? model : checkpoint;
      Files.write(file, variant(base, spec.substring(spec.indexOf(':') + 1)));
    } else {
      throw new IllegalStateException("unknown fixture " + spec);
    }
  }

  /** A version 1.0 .npy from {@code DESCR|SHAPE|FORTRAN|v1 v2 …}: its header says what it says, whatever the data. */
  static byte[] npy(String[] parts) {
    String dict = "{'descr': '" + parts[0] + "', 'fortran_order': " + parts[2] + ", 'shape': " + parts[1] + ", }";
    String header = dict + " ".repeat((64 - (11 + dict.length()) % 64) % 64) + "\n";
    String[] values = parts.length > 3 && !parts[3].isBlank() ? parts[3].trim().split(" ") : new String[0];
    int size = parts[0].charAt(2) - '0';
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(10 + header.length() + size * values.length)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
    b.put(header.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    for (String v : values) {
      switch (parts[0]) {
        case "<f4" -> b.putFloat(Float.parseFloat(v));
        case "<f8" -> b.putDouble(Double.parseDouble(v));
        case "<i4" -> b.putInt(Integer.parseInt(v));
        default -> throw new IllegalStateException("npy fixture dtype " + parts[0]);
      }
    }
    return b.array();
  }

  static byte[] variant(byte[] file, String name) {
    return switch (name) {
      case "ok" -> file;
      case "truncated" -> Arrays.copyOf(file, file.length / 2);
      case "empty" -> new byte[0];
      case "future-version" -> withCrc(patchInt(file, 8, 2));
      case "tensor-beyond-file" -> withHeader(file, "\"rows\":9999", null);
      case "huge-tensor" -> withHeader(file, "\"rows\":4294967296", "\"cols\":4294967296");
      case "bad-crc" -> patchInt(file, file.length - 8, 12345);
      case "precision-f16" -> withHeaderText(file, h -> h.replace("\"precision\":\"F32\"", "\"precision\":\"F16\""), 0);
      case "one-class" -> withHeaderText(file, h -> h.replace("\"classes\":[\"0\",\"1\"]", "\"classes\":[\"only\"]"), 0);
      case "three-classes" -> withHeaderText(file, h -> h.replace("\"classes\":[\"0\",\"1\"]", "\"classes\":[\"a\",\"b\",\"c\"]"), 0);
      case "features-a-b" -> withHeaderText(file, h -> h.replace("\"features\":[\"x1\",\"x2\"]", "\"features\":[\"a\",\"b\"]"), 0);
      case "regression-with-classes" -> withHeaderText(file, h -> h.replace("binary-cross-entropy", "mean-squared-error"), 0);
      case "nan-weight" -> withCrc(patchLong(file, 16 + ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getInt(12),
          Double.doubleToRawLongBits(Double.NaN)));
      case "extra-tensor" -> withHeaderText(file, h -> h.replaceFirst("\\]}$", ",{\"name\":\"W9\",\"rows\":1,\"cols\":1,\"offset\":"
          + dataBytes(file) + "}]}"), 8);
      default -> throw new IllegalStateException("unknown variant " + name);
    };
  }

  /** The file with its first tensor's rows (and, with a 4th argument, cols) replaced, header length and CRC fixed. */
  static byte[] withHeader(byte[] file, String rows, String cols) {
    ByteBuffer bb = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    int length = bb.getInt(12);
    String header = new String(file, 16, length, StandardCharsets.UTF_8);
    int tensors = header.indexOf("\"tensors\":");
    String head = header.substring(0, tensors);
    String tail = header.substring(tensors);
    tail = tail.replaceFirst("\"rows\":\\d+", rows);
    if (cols != null) {
      tail = tail.replaceFirst("\"cols\":\\d+", cols);
    }
    byte[] h = (head + tail).getBytes(StandardCharsets.UTF_8);
    ByteBuffer out = ByteBuffer.allocate(file.length - length + h.length).order(ByteOrder.LITTLE_ENDIAN);
    out.put(file, 0, 12).putInt(h.length).put(h).put(file, 16 + length, file.length - 16 - length);
    return withCrc(out.array());
  }

  /** The file with its header rewritten by {@code edit} and {@code extra} zero bytes of data added, header length and CRC fixed. */
  static byte[] withHeaderText(byte[] file, java.util.function.UnaryOperator<String> edit, int extra) {
    ByteBuffer bb = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    int length = bb.getInt(12);
    String header = new String(file, 16, length, StandardCharsets.UTF_8);
    String edited = edit.apply(header);
    if (edited.equals(header)) {
      throw new IllegalStateException("fixture: the edit changed nothing in " + header);
    }
    byte[] h = edited.getBytes(StandardCharsets.UTF_8);
    int data = file.length - 16 - length - 8;
    ByteBuffer out = ByteBuffer.allocate(16 + h.length + data + extra + 8).order(ByteOrder.LITTLE_ENDIAN);
    out.put(file, 0, 12).putInt(h.length).put(h).put(file, 16 + length, data).put(new byte[extra]).putLong(0);
    return withCrc(out.array());
  }

  static int dataBytes(byte[] file) {
    return file.length - 16 - ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getInt(12) - 8;
  }

  static byte[] patchLong(byte[] file, int at, long value) {
    byte[] copy = file.clone();
    ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putLong(at, value);
    return copy;
  }

  static byte[] patchInt(byte[] file, int at, int value) {
    byte[] copy = file.clone();
    ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
    return copy;
  }

  static byte[] withCrc(byte[] file) {
    CRC32 crc = new CRC32();
    crc.update(file, 0, file.length - 8);
    byte[] copy = file.clone();
    ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putLong(file.length - 8, crc.getValue());
    return copy;
  }
}
