package dev.descent.export;

import dev.descent.DescentException;
import dev.descent.autodiff.Variable;
import dev.descent.data.io.NpyArray;
import dev.descent.model.Model;
import dev.descent.nn.BatchNorm;
import dev.descent.nn.Layer;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A model's arrays as numpy's {@code .npz} (a zip of {@code .npy} files, as {@code numpy.savez}
 * writes): {@code W1} (n1 × n0, PyTorch's {@code nn.Linear.weight} layout), {@code b1} (n1,), …,
 * batch norm's {@code gamma1}, {@code beta1}, {@code running_mean1}, {@code running_variance1},
 * the standardizer's {@code standardizer_mean} and {@code standardizer_std} (n0,), and {@code
 * features} and {@code classes} as unicode arrays. float32 for a float32 model, else float64.
 *
 * <pre>{@code
 * NpzExport.write(model, Path.of("model.npz"));
 * // python: a = np.load("model.npz"); z1 = (x - a["standardizer_mean"]) / a["standardizer_std"] @ a["W1"].T + a["b1"]
 * }</pre>
 */
public final class NpzExport {
  private NpzExport() {}

  public static void write(Model model, Path file) {
    ExportFile.write(file, toBytes(model));
  }

  /** The archive's members in order, each the bytes of a {@code .npy} file. */
  public static Map<String, byte[]> arrays(Model model) {
    boolean f32 = model.network().precision() == Precision.F32;
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (Layer layer : model.network().layers()) {
      for (Variable p : layer.parameters()) {
        out.put(p.name(), array(p.value(), p.name().startsWith("W"), f32));
      }
      if (layer instanceof BatchNorm bn) {
        bn.statistics().forEach((name, m) -> out.put(name, array(m, false, f32)));
      }
    }
    if (model.standardizer() != null) {
      int n = model.standardizer().mean().length;
      out.put("standardizer_mean", array(Matrix.wrap(1, n, model.standardizer().mean()), false, f32));
      out.put("standardizer_std", array(Matrix.wrap(1, n, model.standardizer().std()), false, f32));
    }
    out.put("features", NpyArray.strings(model.featureNames()));
    out.put("classes", NpyArray.strings(model.classNames()));
    return out;
  }

  static byte[] toBytes(Model model) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : arrays(model).entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new DescentException("cannot build the .npz archive in memory: " + e.getMessage(), e);
    }
    return bytes.toByteArray();
  }

  /** A matrix as a 2-D array, or a row vector (1 × n) as the 1-D array numpy and PyTorch use for biases. */
  private static byte[] array(Matrix m, boolean matrix, boolean f32) {
    int rows = matrix ? m.rows() : m.size();
    int cols = matrix ? m.cols() : -1;
    if (f32) {
      float[] v = new float[m.size()];
      for (int k = 0; k < v.length; k++) {
        v[k] = (float) m.getFlat(k);
      }
      return NpyArray.floats(v, rows, cols);
    }
    double[] v = new double[m.size()];
    for (int k = 0; k < v.length; k++) {
      v[k] = m.getFlat(k);
    }
    return NpyArray.doubles(v, rows, cols);
  }
}
