package dev.descent;

import dev.descent.autodiff.Op;
import dev.descent.autodiff.Tape;
import dev.descent.autodiff.Variable;
import dev.descent.nn.BuildContext;
import dev.descent.nn.Layer;
import dev.descent.nn.Mode;
import dev.descent.tensor.Gemm;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * The operands an {@link OpCase} records its op on, drawn by name from one seed so that every
 * build of a case sees the same numbers: in float32 or float64 (every draw is rounded to float,
 * so both precisions start from the same values), and over all {@link #FULL_BATCH} examples or
 * some of them (a batch input's row i is the same in the batch and in a batch of 1).
 */
public final class Operands {
  /** The examples a batch input is drawn for; a build takes all of them or some. */
  public static final int FULL_BATCH = 5;

  private final Precision precision;
  private final long seed;
  private final int[] rows;
  private final Tape tape = new Tape();
  private final Gemm gemm = Gemm.auto();
  private final List<Variable> all = new ArrayList<>();
  private final List<Variable> batches = new ArrayList<>();
  private final List<Variable> parameters = new ArrayList<>();
  private final List<Applied> applied = new ArrayList<>();

  /** A layer applied to {@code input} in {@code mode}. */
  public record Applied(Layer layer, Variable input, Mode mode) {}

  /** Operands over rows {@code rows} of the full batch. */
  public Operands(Precision precision, long seed, int... rows) {
    this.precision = precision;
    this.seed = seed;
    this.rows = rows.clone();
  }

  /** All {@link #FULL_BATCH} examples. */
  public static Operands full(Precision precision, long seed) {
    int[] rows = new int[FULL_BATCH];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i;
    }
    return new Operands(precision, seed, rows);
  }

  public Precision precision() {
    return precision;
  }

  /** The batch's examples. */
  public int m() {
    return rows.length;
  }

  public Tape tape() {
    return tape;
  }

  public Gemm gemm() {
    return gemm;
  }

  /** A generator for ops that draw (masks, augmentations), the same in every build. */
  public Rng rng() {
    return Rng.of(seed).fork("op", 0);
  }

  /** m × cols examples N(0, 1) that need a gradient (the activations from a layer below). */
  public Variable batch(String name, int cols) {
    return keep(Variable.parameter(name, examples(name, cols, Draw.GAUSSIAN)), batches);
  }

  /** m × cols examples 0.5 + |N(0, 1)| that need a gradient: for log, √ and divisors. */
  public Variable positiveBatch(String name, int cols) {
    return keep(Variable.parameter(name, examples(name, cols, Draw.POSITIVE)), batches);
  }

  /** m × cols input features N(0, 1), without a gradient. */
  public Variable features(String name, int cols) {
    return keep(Variable.constant(name, examples(name, cols, Draw.GAUSSIAN)), batches);
  }

  /** m × cols labels 0 or 1, each drawn alone. */
  public Variable binaryLabels(String name, int cols) {
    return keep(Variable.constant(name, examples(name, cols, Draw.BINARY)), null);
  }

  /** m × cols one-hot rows. */
  public Variable oneHotLabels(String name, int cols) {
    return keep(Variable.constant(name, examples(name, cols, Draw.ONE_HOT)), null);
  }

  /** m × cols regression targets N(0, 1). */
  public Variable targets(String name, int cols) {
    return keep(Variable.constant(name, examples(name, cols, Draw.GAUSSIAN)), null);
  }

  /** An m × cols keep mask of 0s and 1s (about one in four dropped). */
  public Matrix mask(String name, int cols) {
    return examples(name, cols, Draw.MASK);
  }

  /** A rows × cols trainable parameter N(0, 1), the same whatever the batch. */
  public Variable parameter(String name, int rows, int cols) {
    return keep(Variable.parameter(name, values(name, rows, cols, Draw.GAUSSIAN)), parameters);
  }

  /** A rows × cols trainable parameter 0.5 + |N(0, 1)|. */
  public Variable positiveParameter(String name, int rows, int cols) {
    return keep(Variable.parameter(name, values(name, rows, cols, Draw.POSITIVE)), parameters);
  }

  /** A rows × cols matrix that is no variable (running statistics): N(0, 1), or 0.5 + |N(0, 1)|. */
  public Matrix statistics(String name, int rows, int cols, boolean positive) {
    return values(name, rows, cols, positive ? Draw.POSITIVE : Draw.GAUSSIAN);
  }

  public Variable record(Op op) {
    return tape.record(op);
  }

  /**
   * Applies {@code layer} in {@code mode} with this build's generator and product, and checks
   * what a layer promises about its output's shape; its parameters join the checked ones.
   */
  public Variable apply(Layer layer, Variable input, Mode mode) {
    applied.add(new Applied(layer, input, mode));
    Variable out = layer.apply(tape, input, context(mode));
    int n = input.value().cols();
    if (out.value().rows() != input.value().rows() || out.value().cols() != layer.outputSize(n)) {
      throw new AssertionError(layer + ": output " + out.value().shape() + " for input " + input.value().shape()
          + ", but outputSize(" + n + ") = " + layer.outputSize(n));
    }
    for (Variable p : layer.parameters()) {
      if (!all.contains(p)) {
        keep(p, parameters);
      }
    }
    return out;
  }

  /** Every variable drawn here and every parameter of an applied layer, in order. */
  public List<Variable> variables() {
    return List.copyOf(all);
  }

  /** The batch inputs (those with m rows), in order. */
  public List<Variable> batches() {
    return List.copyOf(batches);
  }

  /** The parameters, in order: drawn here or a layer's. */
  public List<Variable> parameters() {
    return List.copyOf(parameters);
  }

  /** What layers need while recording, with this build's generator and product. */
  public BuildContext context(Mode mode) {
    return new BuildContext(mode, rng(), gemm);
  }

  /** The layers applied, in order. */
  public List<Applied> applied() {
    return List.copyOf(applied);
  }

  private Variable keep(Variable v, List<Variable> kind) {
    all.add(v);
    if (kind != null) {
      kind.add(v);
    }
    return v;
  }

  private enum Draw { GAUSSIAN, POSITIVE, BINARY, ONE_HOT, MASK }

  /** The full batch's rows drawn in order, then the build's rows taken. */
  private Matrix examples(String name, int cols, Draw draw) {
    Matrix full = values(name, FULL_BATCH, cols, draw);
    Matrix out = Matrix.zeros(precision, rows.length, cols);
    for (int i = 0; i < rows.length; i++) {
      out.copyRow(full, rows[i], i);
    }
    return out;
  }

  private Matrix values(String name, int rows, int cols, Draw draw) {
    Rng rng = Rng.of(seed).fork(name, 0);
    Matrix out = Matrix.zeros(precision, rows, cols);
    for (int i = 0; i < rows; i++) {
      int hot = rng.nextInt(cols);
      for (int j = 0; j < cols; j++) {
        double g = rng.nextGaussian();
        double u = rng.nextDouble();
        double v = switch (draw) {
          case GAUSSIAN -> g;
          case POSITIVE -> 0.5 + Math.abs(g);
          case BINARY -> u < 0.5 ? 0 : 1;
          case ONE_HOT -> j == hot ? 1 : 0;
          case MASK -> u < 0.25 ? 0 : 1;
        };
        out.set(i, j, (float) v);   // the same value in float32 and float64
      }
    }
    return out;
  }
}
