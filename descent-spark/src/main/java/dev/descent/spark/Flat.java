package dev.descent.spark;

import dev.descent.autodiff.Variable;
import dev.descent.nn.BatchNorm;
import dev.descent.nn.Layer;
import dev.descent.nn.Network;
import dev.descent.optim.Optimizer;
import dev.descent.tensor.Matrix;
import java.util.List;

/**
 * Parameters, gradients and optimizer moments as one flat {@code double[]} in the network's
 * parameter order (W1, b1, W2, …; the moments in {@code State.flatten}'s order): the form that
 * travels between the driver and the executors (a broadcast out, a tree of sums back); batch
 * norm's running averages ride after the parameters ({@link #model}). Float32 values survive the
 * float64 array exactly.
 */
final class Flat {
  private Flat() {}

  static int size(List<Variable> params) {
    int n = 0;
    for (Variable p : params) {
      n += p.value().size();
    }
    return n;
  }

  static double[] of(List<Variable> params) {
    double[] out = new double[size(params)];
    write(params, out, 0);
    return out;
  }

  static void write(List<Variable> params, double[] out, int offset) {
    for (Variable p : params) {
      Matrix v = p.value();
      for (int k = 0, n = v.size(); k < n; k++) {
        out[offset++] = v.getFlat(k);
      }
    }
  }

  static void read(double[] values, int offset, List<Variable> params) {
    for (Variable p : params) {
      Matrix v = p.value();
      for (int k = 0, n = v.size(); k < n; k++) {
        v.setFlat(k, values[offset++]);
      }
    }
  }

  /** {@code sum += scale · grad}, for the mean gradient of a chunk of {@code scale} examples. */
  static void addGradients(List<Variable> params, double scale, double[] sum) {
    int at = 0;
    for (Variable p : params) {
      Matrix g = p.grad();
      for (int k = 0, n = g.size(); k < n; k++) {
        sum[at++] += g.getFlat(k) * scale;
      }
    }
  }

  /** {@code grad = sum / divisor} for every parameter. */
  static void setGradients(double[] sum, double divisor, List<Variable> params) {
    int at = 0;
    for (Variable p : params) {
      Matrix g = p.grad();
      for (int k = 0, n = g.size(); k < n; k++) {
        g.setFlat(k, sum[at++] / divisor);
      }
    }
  }

  static int stateSize(Optimizer optimizer) {
    int n = 0;
    for (Matrix m : optimizer.state().flatten(optimizer.parameters()).values()) {
      n += m.size();
    }
    return n;
  }

  static double[] state(Optimizer optimizer) {
    double[] out = new double[stateSize(optimizer)];
    writeState(optimizer, out, 0);
    return out;
  }

  static void writeState(Optimizer optimizer, double[] out, int offset) {
    for (Matrix m : optimizer.state().flatten(optimizer.parameters()).values()) {
      for (int k = 0, n = m.size(); k < n; k++) {
        out[offset++] = m.getFlat(k);
      }
    }
  }

  static void readState(double[] values, Optimizer optimizer) {
    int at = 0;
    for (Matrix m : optimizer.state().flatten(optimizer.parameters()).values()) {
      for (int k = 0, n = m.size(); k < n; k++) {
        m.setFlat(k, values[at++]);
      }
    }
  }

  /** Batch norm's running averages ({@code running_mean{l}}, {@code running_variance{l}}) in layer order: not parameters, but the model's. */
  static List<Matrix> statistics(Network network) {
    List<Matrix> out = new java.util.ArrayList<>();
    for (Layer l : network.layers()) {
      if (l instanceof BatchNorm bn) {
        out.addAll(bn.statistics().values());
      }
    }
    return out;
  }

  static int statisticsSize(Network network) {
    int n = 0;
    for (Matrix m : statistics(network)) {
      n += m.size();
    }
    return n;
  }

  /** The model as it travels to the workers: parameters, then batch norm's running averages. */
  static double[] model(Network network) {
    int n = size(network.parameters());
    double[] out = new double[n + statisticsSize(network)];
    write(network.parameters(), out, 0);
    writeStatistics(network, out, n);
    return out;
  }

  /** Reads {@link #model}'s form into {@code network}. */
  static void readModel(double[] values, Network network) {
    read(values, 0, network.parameters());
    readStatistics(values, size(network.parameters()), network);
  }

  static void writeStatistics(Network network, double[] out, int offset) {
    for (Matrix m : statistics(network)) {
      for (int k = 0, n = m.size(); k < n; k++) {
        out[offset++] = m.getFlat(k);
      }
    }
  }

  static void readStatistics(double[] values, int offset, Network network) {
    for (Matrix m : statistics(network)) {
      for (int k = 0, n = m.size(); k < n; k++) {
        m.setFlat(k, values[offset++]);
      }
    }
  }

  /** {@code sum += scale · statistics}, for the running averages after a chunk of {@code scale} examples. */
  static void addStatistics(Network network, double scale, double[] sum, int offset) {
    for (Matrix m : statistics(network)) {
      for (int k = 0, n = m.size(); k < n; k++) {
        sum[offset++] += m.getFlat(k) * scale;
      }
    }
  }

  /** {@code a += b}, element by element; returns a (Spark's reduce may reuse its left operand). */
  static double[] add(double[] a, double[] b) {
    for (int k = 0; k < a.length; k++) {
      a[k] += b[k];
    }
    return a;
  }
}
