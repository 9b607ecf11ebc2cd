package dev.descent.data.io;

import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The top-level variables of a MATLAB v7.3 file. MATLAB stores an m × n matrix column-major, so
 * HDF5 (and any HDF5 reader) sees it as n × m: read as HDF5 it comes out transposed. Here it is
 * turned back, so that {@code X} has MATLAB's rows. Sparse matrices and other classes (groups,
 * cells, structs) are listed with the reason they cannot be read.
 */
final class Mat73Variables {
  private Mat73Variables() {}

  /** Each variable as a {@link Matrix}, or the text saying why it is not one. */
  static Map<String, Object> read(InputFile file) {
    Map<String, Object> variables = new LinkedHashMap<>();
    try (HdfFile hdf = new HdfFile(file.path())) {
      for (Node node : hdf) {
        if (node.getName().startsWith("#") || node.isLink()) {
          continue;   // MATLAB's own #refs# and #subsystem# groups
        }
        variables.put(node.getName(), node instanceof Dataset d ? matrix(file, d) : describe(node));
      }
    } catch (HdfException | IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
      throw file.error("is not a readable MATLAB v7.3 file (" + e.getMessage() + ")", e);
    }
    return variables;
  }

  private static Object describe(Node node) {
    Object matlabClass = node.getAttributes().containsKey("MATLAB_sparse") ? "a sparse matrix" : "a "
        + (node instanceof Group ? "struct, cell or sparse" : "non-numeric") + " variable";
    return matlabClass + "; save it as a full numeric matrix";
  }

  private static Object matrix(InputFile file, Dataset d) {
    int[] dims = d.getDimensions();
    Class<?> type = d.getJavaType();
    if (dims.length != 2 || !type.isPrimitive() || type == boolean.class || type == char.class) {
      return dims.length != 2 ? "a " + dims.length + "-dimensional array; only 2-D matrices are read"
          : "a " + type.getSimpleName() + " array, not a real numeric matrix";
    }
    long values = (long) dims[0] * dims[1];
    if (!MemoryBudget.fits(values)) {
      return "a " + dims[1] + "×" + dims[0] + " matrix of " + values + " values, " + MemoryBudget.need(values);
    }
    NumericArray.Values flat = Hdf5Loader.values(d.getDataFlat());
    int rows = dims[1];
    int cols = dims[0];
    Matrix m = Matrix.zeros(Precision.F64, rows, cols);
    for (int j = 0; j < cols; j++) {
      for (int i = 0; i < rows; i++) {
        m.set(i, j, flat.at(j * rows + i));   // HDF5 row j holds MATLAB column j
      }
    }
    return m;
  }
}
