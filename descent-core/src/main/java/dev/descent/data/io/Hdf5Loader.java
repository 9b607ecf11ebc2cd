package dev.descent.data.io;

import dev.descent.DescentException;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.FixedPoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads HDF5 files such as the course's {@code train_catvnoncat.h5}: the features dataset
 * (m × 64 × 64 × 3 uint8 there, flattened, divided by 255, with its {@link ImageShape}), the
 * labels dataset (m), and the class names from {@code list_classes} when the file has one
 * (labels then index it, unless {@code LoadOptions.classNames} is given). The datasets are
 * {@code LoadOptions.hdf5Features/hdf5Labels}, or the file's one {@code <prefix>_set_x} /
 * {@code <prefix>_set_y} pair; paths in groups are written without the leading '/' ({@code
 * group/name}). Only unsigned 8-bit data are treated as pixels.
 *
 * <pre>{@code
 * LoadedData cats = new Hdf5Loader().read(Path.of("train_catvnoncat.h5"), LoadOptions.defaults());
 * cats.dataset().classNames();   // [non-cat, cat]
 * cats.imageShape();             // Optional[ImageShape[height=64, width=64, channels=3]]
 * }</pre>
 */
public final class Hdf5Loader implements DataLoader {

  @Override
  public LoadedData read(Path path, LoadOptions options) {
    InputFile file = InputFile.open(path);
    try (HdfFile hdf = new HdfFile(path)) {
      Map<String, Dataset> datasets = new LinkedHashMap<>();
      collect(hdf, datasets);
      String featuresName = options.hdf5Features().orElseGet(() -> autoDetect(file, datasets, "x"));
      String labelsName = options.hdf5Labels().orElseGet(() -> autoDetect(file, datasets, "y"));
      NumericArray x = numeric(file, datasets, featuresName, hdf.getUserBlockSize());
      NumericArray y = numeric(file, datasets, labelsName, hdf.getUserBlockSize());
      Optional<List<String>> classList = classList(file, datasets, hdf.getUserBlockSize());
      return NumericArray.pair(file, x, file, y, options, classList);
    } catch (DescentException e) {
      throw e;
    } catch (HdfException | IllegalArgumentException | IllegalStateException
        | IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
      // jhdf reports corrupt files with these; each becomes one message naming the file
      throw file.error("is not a readable HDF5 file (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Every dataset by its path without the leading '/', groups walked depth first, each group
   * once: hard links can make a group its own descendant, and soft links are not followed.
   */
  static void collect(Group group, Map<String, Dataset> into) {
    collect(group, into, new java.util.HashSet<>());
  }

  private static void collect(Group group, Map<String, Dataset> into, java.util.Set<Long> visited) {
    if (!visited.add(group.getAddress())) {
      return;
    }
    for (Node node : group) {
      if (node.isLink()) {
        continue;
      }
      if (node instanceof Dataset d) {
        into.putIfAbsent(node.getPath().startsWith("/") ? node.getPath().substring(1) : node.getPath(), d);
      } else if (node instanceof Group g) {
        collect(g, into, visited);
      }
    }
  }

  /** The one {@code <prefix>_set_x} (or _y) that has a partner. */
  static String autoDetect(InputFile file, Map<String, Dataset> datasets, String suffix) {
    List<String> found = new ArrayList<>();
    for (String name : datasets.keySet()) {
      String prefix = name.substring(0, Math.max(0, name.length() - 2));
      if (name.endsWith("_set_x") && datasets.containsKey(prefix + "_y")) {
        found.add(prefix + "_" + suffix);
      }
    }
    if (found.size() != 1) {
      throw file.error((found.isEmpty() ? "has no *_set_x / *_set_y pair" : "has several *_set_x"
          + " / *_set_y pairs") + "; the datasets are " + String.join(", ", datasets.keySet())
          + "; choose them with --hdf5-features and --hdf5-labels");
    }
    return found.get(0);
  }

  private static NumericArray numeric(InputFile file, Map<String, Dataset> datasets, String name,
      long userBlock) {
    Dataset d = numericDataset(file, datasets, name, userBlock);
    // a compressed dataset may declare far more than the file holds: check before jhdf allocates
    MemoryBudget.requireFits(file, "dataset '" + name + "' ", d.getDimensions());
    return new NumericArray("dataset '" + name + "'", d.getDimensions(), values(decoded(file, d, name)), isPixels(d));
  }

  /**
   * The dataset's values; a failure inside a filter pipeline jHDF cannot decode (lzf chunks with
   * fletcher32 checksums fail with a bare index error) names the filters and the way out.
   */
  private static Object decoded(InputFile file, Dataset d, String name) {
    try {
      return d.getDataFlat();
    } catch (HdfException | IndexOutOfBoundsException | IllegalArgumentException | IllegalStateException e) {
      if (d.getFilters().isEmpty()) {
        throw e;
      }
      List<String> filters = new ArrayList<>();
      d.getFilters().forEach(f -> filters.add(f.getName() + " (" + f.getId() + ")"));
      throw file.error("dataset '" + name + "' could not be decoded through its HDF5 filters " + String.join(", ", filters)
          + "; re-save it with gzip compression or none (h5py: compression='gzip', fletcher32=False), or as .npy", e);
    }
  }

  /** Dataset {@code name}, checked to be an array of numbers inside the file. */
  static Dataset numericDataset(InputFile file, Map<String, Dataset> datasets, String name,
      long userBlock) {
    Dataset d = datasets.get(name.startsWith("/") ? name.substring(1) : name);
    if (d == null) {
      throw file.error("no dataset '" + name + "'; the datasets are " + String.join(", ", datasets.keySet()));
    }
    Class<?> type = d.getJavaType();
    if (d.isEmpty() && !d.isScalar()) {
      throw file.error("dataset '" + name + "' has shape " + NpyFile.shapeText(d.getDimensions()) + ": no values");
    }
    if (d.isScalar() || d.isEmpty() || !type.isPrimitive() || type == boolean.class || type == char.class) {
      throw file.error("dataset '" + name + "' holds " + (d.isScalar() ? "a scalar" : type.getSimpleName()
          + " values") + ", not an array of numbers");
    }
    checkInside(file, d, name, userBlock);
    return d;
  }

  /** Only unsigned 8-bit data are pixels. */
  static boolean isPixels(Dataset d) {
    return d.getDataType() instanceof FixedPoint p && p.getSize() == 1 && !p.isSigned();
  }

  /** Contiguous data must end inside the file: jhdf reads past a truncated end as zeros. */
  private static void checkInside(InputFile file, Dataset d, String name, long userBlock) {
    long bytes = d.getSize() * d.getDataType().getSize();
    // NOTE: compressed chunks may legitimately hold more data than the file has bytes
    long end = d instanceof ContiguousDataset c ? userBlock + c.getDataAddress() + bytes
        : d.getFilters().isEmpty() ? bytes : 0;
    if (d.getSize() > Integer.MAX_VALUE - 8 || end > file.size()) {
      throw file.error("dataset '" + name + "' claims shape " + NpyFile.shapeText(d.getDimensions())
          + " (" + bytes + " bytes) beyond the end of the file (" + file.size() + " bytes); is it"
          + " truncated?");
    }
  }

  static NumericArray.Values values(Object flat) {
    if (flat instanceof double[] a) {
      return k -> a[k];
    } else if (flat instanceof float[] a) {
      return k -> a[k];
    } else if (flat instanceof long[] a) {
      return k -> a[k];
    } else if (flat instanceof int[] a) {
      return k -> a[k];
    } else if (flat instanceof short[] a) {
      return k -> a[k];
    } else if (flat instanceof byte[] a) {
      return k -> a[k];
    }
    throw new AssertionError("jhdf returned " + flat.getClass() + " for a primitive dataset");
  }

  /** The class names in {@code list_classes}, when the file has it. */
  static Optional<List<String>> classList(InputFile file, Map<String, Dataset> datasets,
      long userBlock) {
    Dataset d = datasets.get("list_classes");
    if (d == null) {
      return Optional.empty();
    }
    checkInside(file, d, "list_classes", userBlock);
    if (!(d.getDataFlat() instanceof String[] names)) {
      throw file.error("dataset 'list_classes' holds " + d.getJavaType().getSimpleName()
          + " values; expected the class names as strings");
    }
    return Optional.of(Arrays.stream(names).map(String::trim).toList());
  }
}
