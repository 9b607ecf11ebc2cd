package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.data.Dataset;
import dev.descent.data.io.DataLoaders;
import dev.descent.data.io.LoadOptions;
import dev.descent.data.io.LoadedData;
import dev.descent.data.io.NpyLoader;
import dev.descent.data.io.OutputChannels;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Matrix;

/**
 * {@code descent convert}: each format's directory read back with the .npy loader holds exactly
 * the features (after float32 rounding) and labels the resident loader gives for the original.
 */
class ConvertCommandTest {
  @TempDir
  Path dir;

  Path csv(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  Cli.Result convert(Object... args) {
    return Cli.run(Stream.concat(Stream.of("convert"), Stream.of(args).map(Object::toString)).toArray(String[]::new));
  }

  /** The converted directory as the .npy loader reads it. */
  static Dataset readBack(Path out, boolean regression) {
    return new NpyLoader().load(out.resolve("features.npy"),
        LoadOptions.defaults().withLabelsFile(out.resolve("labels.npy")).withRegression(regression));
  }

  static JsonNode description(Path out) throws IOException {
    return new ObjectMapper().readTree(out.resolve("dataset.json").toFile());
  }

  /** Features equal after rounding to float32 (or exactly for f64), labels and targets exactly. */
  static void assertSameExamples(Dataset original, Dataset back, boolean float64) {
    assertEquals(original.size(), back.size());
    assertEquals(original.featureCount(), back.featureCount());
    for (int i = 0; i < original.size(); i++) {
      for (int j = 0; j < original.featureCount(); j++) {
        double v = original.features().get(i, j);
        assertEquals(float64 ? v : (float) v, back.features().get(i, j), "example " + i + " feature " + j);
      }
    }
    if (original.isClassification()) {
      assertArrayEquals(original.labels(), back.labels());
    } else {
      assertEquals(original.targets().get(0, 0), back.targets().get(0, 0));
      for (int i = 0; i < original.size(); i++) {
        assertEquals(original.targets().get(i, 0), back.targets().get(i, 0), "target " + i);
      }
    }
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void csvWithHeaderAndTextLabelsKeepsClassesInOrderOfAppearance() throws IOException {
    Path file = csv("pets.csv", "\uFEFFweight,height,species\n4.1,0.3,cat\n30.5,0.7,dog\n3.9,0.25,cat\n0.1,0.05,bird\n0.3333333333,1e-3,dog\n");
    Path out = dir.resolve("pets");
    Cli.Result r = convert(file, "--out", out, "--json").ok();
    assertEquals(5, r.json().get("examples").asInt());
    assertEquals(List.of("cat", "dog", "bird"), texts(r.json().get("classes")));
    assertEquals("descent train --data " + out.toAbsolutePath(), r.json().get("train").asText());
    JsonNode json = description(out);
    assertEquals("descent-examples", json.get("format").asText());
    assertEquals(1, json.get("version").asInt());
    assertEquals(2, json.get("features").asInt());
    assertEquals(List.of("weight", "height"), texts(json.get("feature_names")));
    assertEquals(List.of("cat", "dog", "bird"), texts(json.get("class_names")));
    assertFalse(json.get("regression").asBoolean());
    assertEquals("float32", json.get("dtype").asText());
    assertEquals(file.toString(), json.get("source").asText());
    assertFalse(json.has("image_shape"));
    Dataset original = DataLoaders.read(file, LoadOptions.defaults()).dataset();
    assertEquals(original.classNames(), texts(json.get("class_names")));
    assertSameExamples(original, readBack(out, false), false);
    assertEquals(List.of(out.getFileName()), listing(dir).stream().filter(p -> !p.toString().endsWith(".csv")).toList(),
        "no temporary directory left");
  }

  @Test
  void wholeNumberLabelsAreSortedAsTheLoaderSortsThem() throws IOException {
    Path file = csv("digits.csv", "1,2,10\n3,4,2\n5,6,7\n7,8,2\n9,0,10\n");
    Path out = dir.resolve("digits");
    convert(file, "--out", out).ok();
    assertEquals(List.of("2", "7", "10"), texts(description(out).get("class_names")));
    Dataset back = readBack(out, false);
    assertArrayEquals(new int[] {2, 0, 1, 0, 2}, back.labels());
    assertSameExamples(DataLoaders.read(file, LoadOptions.defaults()).dataset(), back, false);
  }

  @Test
  void regressionCsvInFloat64IsExact() throws IOException {
    Path file = csv("houses.csv", "price,rooms,area\n0.1,3,0.30000000000000004\n1e-300,2,123456.789\n7,1,-2.5\n");
    Path out = dir.resolve("houses");
    Cli.Result r = convert(file, "--out", out, "--regression", "--label", "price", "--dtype", "f64", "--json").ok();
    assertEquals("float64", r.json().get("dtype").asText());
    JsonNode json = description(out);
    assertTrue(json.get("regression").asBoolean());
    assertEquals(List.of(), texts(json.get("class_names")));
    assertEquals(List.of("rooms", "area"), texts(json.get("feature_names")));
    Dataset original = DataLoaders.read(file, LoadOptions.defaults().withRegression(true).withLabelColumn("price")).dataset();
    Dataset back = readBack(out, true);
    assertSameExamples(original, back, true);
    assertEquals(1e-300, back.targets().get(1, 0));
  }

  @Test
  void courseCatImagesConvertWithTheirClassesAndImageShape() throws IOException {
    Path cats = SharedData.file("datasets", "train_catvnoncat.h5");
    Assumptions.assumeTrue(cats != null, "../shared/datasets/train_catvnoncat.h5 is absent; skipping the cat conversion");
    Path out = dir.resolve("cats");
    Cli.Result r = convert(cats, "--out", out, "--json").ok();
    assertEquals(209, r.json().get("examples").asInt());
    JsonNode json = description(out);
    assertEquals(List.of("non-cat", "cat"), texts(json.get("class_names")));
    assertEquals("[64,64,3]", json.get("image_shape").toString());
    LoadedData original = DataLoaders.read(cats, LoadOptions.defaults());
    assertSameExamples(original.dataset(), readBack(out, false), false);
  }

  static byte[] idx(int magic, int[] dims, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
    b.putInt(magic);
    for (int d : dims) {
      b.putInt(d);
    }
    return b.put(data).array();
  }

  @Test
  void idxImagesAndLabelsConvert() throws IOException {
    byte[] pixels = new byte[5 * 3 * 2];
    for (int k = 0; k < pixels.length; k++) {
      pixels[k] = (byte) (k * 37);
    }
    Path images = dir.resolve("train-images-idx3-ubyte");
    Path labels = dir.resolve("train-labels-idx1-ubyte");
    Files.write(images, idx(0x00000803, new int[] {5, 3, 2}, pixels));
    Files.write(labels, idx(0x00000801, new int[] {5}, new byte[] {9, 1, 4, 1, 9}));
    Path out = dir.resolve("mnist");
    convert(images, "--labels", labels, "--out", out).ok();
    JsonNode json = description(out);
    assertEquals(List.of("1", "4", "9"), texts(json.get("class_names")));
    assertEquals("[3,2,1]", json.get("image_shape").toString());
    Dataset original = DataLoaders.read(images, LoadOptions.defaults().withLabelsFile(labels)).dataset();
    assertSameExamples(original, readBack(out, false), false);
  }

  @Test
  void matVariablesConvert() throws IOException {
    Matrix x = Mat5.newMatrix(4, 3);
    Matrix y = Mat5.newMatrix(4, 1);
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 3; j++) {
        x.setDouble(i, j, i * 0.1 - j / 3.0);
      }
      y.setDouble(i, 0, i % 2);
    }
    Path file = dir.resolve("data.mat");
    Mat5.writeToFile(Mat5.newMatFile().addArray("X", x).addArray("y", y), file.toFile());
    Path out = dir.resolve("mat");
    convert(file, "--out", out).ok();
    assertEquals(List.of("0", "1"), texts(description(out).get("class_names")));
    assertSameExamples(DataLoaders.read(file, LoadOptions.defaults()).dataset(), readBack(out, false), false);
  }

  @Test
  void headerIsRewrittenInPlaceAndDataStartAtA64ByteBoundary() throws IOException {
    Path file = csv("d.csv", "1,2,0\n3,4,1\n5,6,0\n");
    Path out = dir.resolve("d");
    convert(file, "--out", out).ok();
    byte[] bytes = Files.readAllBytes(out.resolve("features.npy"));
    int headerLength = ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
    String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
    assertEquals(0, (10 + headerLength) % 64);
    assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }", header.stripTrailing());
    assertTrue(header.endsWith(" \n"));
    assertEquals(10 + headerLength + 3 * 2 * 4, bytes.length);
    byte[] labels = Files.readAllBytes(out.resolve("labels.npy"));
    int labelsHeader = ByteBuffer.wrap(labels, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
    assertEquals("{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }",
        new String(labels, 10, labelsHeader, StandardCharsets.US_ASCII).stripTrailing());
  }

  @Test
  void existingDirectoryIsRefusedUnlessForced() throws IOException {
    Path file = csv("d.csv", "1,2,0\n3,4,1\n");
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("notes.txt"), "keep");
    Cli.Result refused = convert(file, "--out", out);
    assertEquals(1, refused.code());
    assertEquals("--out " + out + ": the directory exists and is not empty; add --force to replace it once the"
        + " conversion is complete, or choose another --out", refused.error());
    assertTrue(Files.exists(out.resolve("notes.txt")));
    convert(file, "--out", out, "--force").ok();
    assertFalse(Files.exists(out.resolve("notes.txt")));
    assertEquals(2, readBack(out, false).size());
    assertEquals(List.of("d.csv", "out"), listing(dir).stream().map(Path::toString).sorted().toList());
  }

  @Test
  void fullDiskFailsInOneLineAndLeavesNothing() throws IOException {
    StringBuilder text = new StringBuilder("a,b,y\n");
    for (int i = 0; i < 100_000; i++) {
      text.append(i).append(',').append(i * 0.5).append(',').append(i % 3).append('\n');
    }
    Path file = csv("big.csv", text.toString());
    Path out = dir.resolve("out");
    OutputChannels full = path -> new DiskFullChannel(OutputChannels.FILES.open(path), 300_000);
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        return type == ConvertCommand.class ? type.cast(new ConvertCommand(full)) : CommandLine.defaultFactory().create(type);
      }
    };
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"convert", file.toString(), "--out", out.toString()}, new PrintWriter(new StringWriter()),
        new PrintWriter(err), factory);
    assertEquals(1, code);
    assertEquals("descent: --out " + out + ": cannot write the converted data (No space left on device); nothing was"
        + " written, free some space or choose another --out\n", err.toString());
    assertEquals(List.of("big.csv"), listing(dir).stream().map(Path::toString).toList());
  }

  @Test
  void onlyNpyAndParquetAreAcceptedAsTargets() throws IOException {
    Path file = csv("d.csv", "1,2,0\n3,4,1\n");
    Cli.Result r = convert(file, "--to", "xlsx", "--out", dir.resolve("out"));
    assertEquals(2, r.code());
    assertEquals("--to xlsx: accepted formats are npy, parquet", r.error());
    assertFalse(Files.exists(dir.resolve("out")));
    // parquet goes through the Spark module, which the descent jar leaves out (descent-spark's ParquetTest converts)
    Cli.Result parquet = convert(file, "--to", "parquet", "--out", dir.resolve("out"));
    assertEquals(1, parquet.code());
    assertEquals("--to parquet: the Spark module (descent-spark) is not on the class path; run through ./descent, which builds and "
        + "loads it for --to parquet, or spark-submit descent-spark/target/descent-spark-app.jar", parquet.error());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void badRowFailsWithItsLineAndLeavesNothing() throws IOException {
    Path file = csv("bad.csv", "a,b,y\n1,2,0\n3,abc,1\n4,5,1\n");
    Cli.Result r = convert(file, "--out", dir.resolve("out"));
    assertEquals(1, r.code());
    assertEquals(file + " line 3 column 2: value \"abc\" is not a number", r.error());
    assertEquals(1, r.err().lines().count(), r.err());
    assertEquals(List.of("bad.csv"), listing(dir).stream().map(Path::toString).toList());
  }

  @Test
  void oneClassIsRefusedWithTheExampleCount() throws IOException {
    Path file = csv("one.csv", "1,2,cat\n3,4,cat\n5,6,cat\n");
    Cli.Result r = convert(file, "--out", dir.resolve("out"));
    assertEquals(1, r.code());
    assertEquals(file + ": all 3 labels are in the one class [cat]; classification needs at least 2 classes (name"
        + " them with --classes, or use --regression)", r.error());
  }

  /** File names in {@code root}, relative to it, top level only. */
  static List<Path> listing(Path root) throws IOException {
    try (Stream<Path> s = Files.list(root)) {
      return s.map(root::relativize).sorted().toList();
    }
  }

  /** A channel that fails as a full disk does once {@code capacity} bytes are written. */
  static final class DiskFullChannel implements SeekableByteChannel {
    private final SeekableByteChannel inner;
    private long left;

    DiskFullChannel(SeekableByteChannel inner, long capacity) {
      this.inner = inner;
      this.left = capacity;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      if (src.remaining() > left) {
        throw new IOException("No space left on device");
      }
      int n = inner.write(src);
      left -= n;
      return n;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return inner.read(dst);
    }

    @Override
    public long position() throws IOException {
      return inner.position();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
      inner.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return inner.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) throws IOException {
      inner.truncate(size);
      return this;
    }

    @Override
    public boolean isOpen() {
      return inner.isOpen();
    }

    @Override
    public void close() throws IOException {
      inner.close();
    }
  }
}
