package dev.descent.data.io;

import dev.descent.data.Dataset;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile.Entry;

/**
 * The variables of a MATLAB {@code .mat} file as float64 matrices, in the file's order: v5
 * files read with mfl-core, v7.3 files (HDF5 inside) with jHDF ({@link Mat73Variables}); in both,
 * MATLAB's column-major storage is undone, so {@code matrix("X")} has the same rows as in MATLAB. Non-numeric variables (char, struct, cell) and
 * arrays of more than two dimensions are listed but cannot be read as matrices.
 *
 * <pre>{@code
 * MatFile mat = MatFile.read(Path.of("data.mat"));   // the course's regularization data
 * mat.names();                                       // [X, y, Xval, yval]
 * Dataset train = mat.dataset("X", "y", LoadOptions.defaults());
 * }</pre>
 */
public final class MatFile {
  private final InputFile file;
  private final Map<String, Object> variables;   // a Matrix, or the text saying why not

  private MatFile(InputFile file, Map<String, Object> variables) {
    this.file = file;
    this.variables = variables;
  }

  public static MatFile read(Path path) {
    InputFile file = InputFile.open(path);
    if (isVersion73(file)) {
      return new MatFile(file, Mat73Variables.read(file));
    }
    checkHeader(file);
    Map<String, Object> variables = new LinkedHashMap<>();
    try (Mat5File mat = Mat5.readFromFile(path.toFile())) {
      for (Entry entry : mat.getEntries()) {
        variables.put(entry.getName(), convert(entry.getValue()));
      }
    } catch (IOException | RuntimeException e) {
      Throwable reason = e.getCause() != null ? e.getCause() : e;
      throw file.error("is not a readable MATLAB v5 file (" + reason + ")", e);
    }
    return new MatFile(file, variables);
  }

  /** v7.3 files are HDF5 behind a 512-byte MATLAB header. */
  private static boolean isVersion73(InputFile file) {
    return new String(file.head(19), StandardCharsets.ISO_8859_1).equals("MATLAB 7.3 MAT-file");
  }

  /** v5 files start with "MATLAB 5.0 MAT-file" text and end their 128-byte header with IM or MI. */
  private static void checkHeader(InputFile file) {
    byte[] header = file.head(128);
    String text = new String(header, 0, Math.min(header.length, 116), StandardCharsets.ISO_8859_1);
    boolean endian = header.length == 128 && ((header[126] == 'I' && header[127] == 'M')
        || (header[126] == 'M' && header[127] == 'I'));
    if (!text.startsWith("MATLAB 5.0 MAT-file") || !endian) {
      throw file.error("is not a MATLAB v5 MAT-file (no 'MATLAB 5.0 MAT-file' header); v4 files are"
          + " not supported; re-save it with save(..., '-v7')");
    }
  }

  private static Object convert(Array array) {
    if (!(array instanceof us.hebi.matlab.mat.types.Matrix source) || source.isComplex()) {
      return "a " + array.getType() + " array, not a real numeric matrix";
    }
    if (array.getNumDimensions() != 2) {
      return "a " + array.getNumDimensions() + "-dimensional array; only 2-D matrices are read";
    }
    long values = (long) source.getNumRows() * source.getNumCols();
    if (!MemoryBudget.fits(values) || values > Integer.MAX_VALUE - 8) {
      // a sparse matrix of a few bytes may stand for billions of zeros
      return "a " + source.getNumRows() + "×" + source.getNumCols()
          + (source instanceof us.hebi.matlab.mat.types.Sparse ? " sparse" : "") + " matrix of " + values
          + " values, " + MemoryBudget.need(values);
    }
    Matrix m = Matrix.zeros(Precision.F64, source.getNumRows(), source.getNumCols());
    for (int i = 0; i < m.rows(); i++) {
      for (int j = 0; j < m.cols(); j++) {
        m.set(i, j, source.getDouble(i, j));
      }
    }
    return m;
  }

  /** The variable names, in the file's order. */
  public List<String> names() {
    return List.copyOf(variables.keySet());
  }

  /** The real 2-D numeric variables by name, in the file's order (fresh copies). */
  public Map<String, Matrix> matrices() {
    Map<String, Matrix> out = new LinkedHashMap<>();
    variables.forEach((name, variable) -> {
      if (variable instanceof Matrix m) {
        out.put(name, m.copy());
      }
    });
    return out;
  }

  /** Variable {@code name} as a float64 matrix (a fresh copy). */
  public Matrix matrix(String name) {
    Object variable = variables.get(name);
    if (variable == null) {
      throw file.error("no variable '" + name + "'; the file has " + String.join(", ", variables.keySet()));
    }
    if (variable instanceof String why) {
      throw file.error("variable '" + name + "' is " + why);
    }
    return ((Matrix) variable).copy();
  }

  /** Examples from the rows of {@code features} and the labels (or targets) in {@code labels}. */
  public Dataset dataset(String features, String labels, LoadOptions options) {
    return NumericArray.pair(file, array(features), file, array(labels), options).dataset();
  }

  /** Variable {@code name} as an array, examples as rows. */
  NumericArray array(String name) {
    Matrix m = matrix(name);
    return new NumericArray("variable '" + name + "'", new int[] {m.rows(), m.cols()}, m::getFlat, false);
  }
}
