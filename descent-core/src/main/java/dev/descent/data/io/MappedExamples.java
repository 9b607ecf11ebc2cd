package dev.descent.data.io;

import dev.descent.data.Dataset;
import dev.descent.data.Examples;
import dev.descent.data.ShuffleOrder;
import dev.descent.data.Standardizer;
import dev.descent.tensor.F32Matrix;
import dev.descent.tensor.F64Matrix;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.util.List;
import java.util.Optional;

/**
 * Examples whose features stay in a memory-mapped {@code .npy} file ({@link MappedNpy}) and are
 * copied into a batch only when a batch is gathered; labels (4 bytes an example) are in the heap.
 * A view selects rows of the file (a train, dev or test part) and may standardize on the way
 * with the same formula as {@link Standardizer#apply(Matrix)}, so a mapped set trains on the
 * same numbers as the same set held in the heap.
 *
 * <p>Gathers may run concurrently (a search's parallel trials share one set): each thread passes
 * rows through buffers of its own.
 *
 * <pre>{@code
 * MappedExamples all = MappedLoader.open(Path.of("big"), LoadOptions.defaults()).examples();
 * MappedExamples train = all.subset("big (train)", trainRows).standardized(s);
 * }</pre>
 */
public final class MappedExamples implements Examples {
  private final String name;
  private final MappedNpy features;
  private final int featureCount;
  private final int[] labels;
  private final double[] values;
  private final List<String> classNames;
  private final List<String> featureNames;
  private final int[] rows;
  private final Standardizer standardizer;
  private final ShuffleOrder shuffleOrder;
  private final ThreadLocal<Buffers> buffers;

  MappedExamples(String name, MappedNpy features, int featureCount, int[] labels, double[] values,
      List<String> classNames, List<String> featureNames) {
    this(name, features, featureCount, labels, values, classNames, featureNames, null, null,
        defaultOrder(features, featureCount));
  }

  private MappedExamples(String name, MappedNpy features, int featureCount, int[] labels, double[] values,
      List<String> classNames, List<String> featureNames, int[] rows, Standardizer standardizer,
      ShuffleOrder shuffleOrder) {
    this.name = name;
    this.features = features;
    this.featureCount = featureCount;
    this.labels = labels;
    this.values = values;
    this.classNames = List.copyOf(classNames);
    this.featureNames = List.copyOf(featureNames);
    this.rows = rows;
    this.standardizer = standardizer;
    this.shuffleOrder = shuffleOrder;
    this.buffers = ThreadLocal.withInitial(() -> new Buffers(new double[featureCount], new float[featureCount]));
  }

  /** One thread's row in float64 and, for a float32 file, as read. */
  private record Buffers(double[] row, float[] floats) {}

  /**
   * Blocks of about 4 MiB of consecutive examples, shuffled 16 blocks (64 MiB) at a time: long
   * enough runs for the disk's read-ahead, a window wide enough to mix the classes of a sorted file.
   */
  static ShuffleOrder defaultOrder(MappedNpy features, int featureCount) {
    long rowBytes = (long) featureCount * features.itemSize();
    int blockSize = (int) Math.max(64, Math.min(1 << 20, (4L << 20) / rowBytes));
    return ShuffleOrder.blocks(blockSize, 16);
  }

  /** The examples at file rows {@code fileRows} of this view, in that order. */
  public MappedExamples subset(String subsetName, int[] fileRows) {
    int[] selected = new int[fileRows.length];
    for (int i = 0; i < selected.length; i++) {
      selected[i] = fileRow(fileRows[i]);
    }
    return new MappedExamples(subsetName, features, featureCount, labels, values, classNames, featureNames,
        selected, standardizer, shuffleOrder);
  }

  /** The same examples, standardized by {@code s} as they are gathered. */
  public MappedExamples standardized(Standardizer s) {
    return new MappedExamples(name, features, featureCount, labels, values, classNames, featureNames, rows, s,
        shuffleOrder);
  }

  /** The same examples, ordered each epoch by {@code order}. */
  public MappedExamples withShuffleOrder(ShuffleOrder order) {
    return new MappedExamples(name, features, featureCount, labels, values, classNames, featureNames, rows,
        standardizer, order);
  }

  /** The image shape the file declares, if its rows are images. */
  public Optional<ImageShape> imageShape() {
    return featureCount == features.rowLength() ? features.imageShape() : Optional.empty();
  }

  /**
   * Every example of this view copied into the heap, raw (unstandardized): for a converted
   * directory small enough to train in memory. float32 files stay float32.
   */
  public Dataset toDataset() {
    Precision precision = features.itemSize() == 4 ? Precision.F32
        : Precision.F64;
    Matrix x = Matrix.zeros(precision, size(), featureCount);
    Matrix y = Matrix.zeros(Precision.F64, size(), targetCount());
    new MappedExamples(name, features, featureCount, labels, values, classNames, featureNames, rows, null,
        shuffleOrder).gather(null, 0, size(), x, y);
    return new Dataset(name, x, y, classNames, featureNames);
  }

  /** The mapped file. */
  public MappedNpy file() {
    return features;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int size() {
    return rows == null ? features.rows() : rows.length;
  }

  @Override
  public int featureCount() {
    return featureCount;
  }

  @Override
  public int targetCount() {
    return classNames.size() > 2 ? classNames.size() : 1;
  }

  @Override
  public List<String> classNames() {
    return classNames;
  }

  @Override
  public List<String> featureNames() {
    return featureNames;
  }

  @Override
  public int label(int position) {
    return labels[fileRow(position)];
  }

  @Override
  public ShuffleOrder shuffleOrder() {
    return shuffleOrder;
  }

  private int fileRow(int position) {
    return rows == null ? position : rows[position];
  }

  @Override
  public void gather(int[] positions, int from, int count, Matrix x, Matrix y) {
    int n = featureCount;
    Buffers b = buffers.get();
    double[] row = b.row();
    for (int k = 0; k < count; k++) {
      int fileRow = fileRow(positions == null ? from + k : positions[from + k]);
      features.read(fileRow, n, row, 0, b.floats());
      if (standardizer != null) {
        for (int j = 0; j < n; j++) {
          row[j] = standardizer.standardize(j, row[j]);
        }
      }
      if (x instanceof F32Matrix f) {
        float[] out = f.values;
        for (int j = 0, at = k * n; j < n; j++) {
          out[at + j] = (float) row[j];
        }
      } else {
        System.arraycopy(row, 0, ((F64Matrix) x).values, k * n, n);
      }
      if (y != null) {
        target(fileRow, y, k);
      }
    }
  }

  private void target(int fileRow, Matrix y, int k) {
    if (labels == null) {
      y.set(k, 0, values[fileRow]);
    } else if (y.cols() == 1) {
      y.set(k, 0, labels[fileRow]);
    } else {
      for (int c = 0; c < y.cols(); c++) {
        y.set(k, c, c == labels[fileRow] ? 1 : 0);
      }
    }
  }
}
