package dev.descent.cli.serve;

import dev.descent.model.Model;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Copies of one model, one per worker thread: a {@code Network} keeps its inference plans (and
 * their buffers) per batch size and is not safe for two threads at once. A request's rows are
 * padded with zero rows to a power of two (beyond 1 024, a multiple of 1 024), so that each copy
 * records at most 11 plans whatever sizes clients send; rows do not mix in inference, so the
 * padding changes no answer.
 */
final class ModelPool {
  private static final int CHUNK = 1024;   // Network.predict's rows per pass
  private final BlockingQueue<Model> free;
  private final Model first;

  /** {@code copies} independent models, e.g. each read from the same file. */
  ModelPool(List<Model> copies) {
    if (copies.isEmpty()) {
      throw new IllegalArgumentException("a model pool needs at least one model");
    }
    this.free = new ArrayBlockingQueue<>(copies.size(), false, copies);
    this.first = copies.get(0);
  }

  /** Any of the copies, for what does not change (names, architecture). */
  Model model() {
    return first;
  }

  /** The outputs for raw features {@code x} (float64, m × n0): probabilities for classifiers. */
  Matrix predict(Matrix x) throws InterruptedException {
    int m = x.rows();
    int padded = padded(m);
    Matrix in = x;
    if (padded != m) {
      in = Matrix.zeros(Precision.F64, padded, x.cols());
      for (int i = 0; i < m; i++) {
        in.copyRow(x, i, i);
      }
    }
    Model model = free.take();
    Matrix out;
    try {
      out = model.predict(in);
    } finally {
      free.add(model);
    }
    if (padded == m) {
      return out;
    }
    Matrix rows = Matrix.zeros(Precision.F64, m, out.cols());
    for (int i = 0; i < m; i++) {
      rows.copyRow(out, i, i);
    }
    return rows;
  }

  static int padded(int m) {
    if (m > CHUNK) {
      return (m + CHUNK - 1) / CHUNK * CHUNK;
    }
    return Integer.highestOneBit(m) == m ? m : Integer.highestOneBit(m) << 1;
  }
}
