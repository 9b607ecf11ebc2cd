package dev.descent;

import dev.descent.autodiff.Variable;
import dev.descent.tensor.Precision;
import java.util.List;

/**
 * One op or layer under {@link OpContractTest}: a name, what its output is over a batch of m
 * examples, and how to record it on a tape from operands that the contract draws. A case is one
 * line of {@link OpCases}:
 *
 * <pre>{@code
 * OpCase.of("affine", Output.rows(4), in -> in.record(new Affine(in.batch("A", 3), in.parameter("W", 4, 3),
 *     in.parameter("b", 1, 4), in.gemm())))
 * }</pre>
 */
public record OpCase(String name, Output output, List<Precision> precisions, Recipe recipe) {

  /** Records the op (or applies the layer) on {@code in}'s tape and returns its output. */
  @FunctionalInterface
  public interface Recipe {
    Variable record(Operands in);
  }

  /** An op that runs in float32 and float64. */
  public static OpCase of(String name, Output output, Recipe recipe) {
    return new OpCase(name, output, List.of(Precision.F64, Precision.F32), recipe);
  }

  /** An op that runs in float32 only (a fused fast path): checked in float32, with differences to match. */
  public static OpCase float32(String name, Output output, Recipe recipe) {
    return new OpCase(name, output, List.of(Precision.F32), recipe);
  }

  /** The precision its numbers are checked in: float64 where it runs. */
  public Precision checked() {
    return precisions.get(0);
  }

  @Override
  public String toString() {
    return name;
  }

  /** What the output is, as a function of the batch's m examples; it says what "a batch of 1" must give. */
  public record Output(Kind kind, int rows, int cols) {
    public enum Kind {
      /** m × cols, row i computed from row i of the inputs alone: a batch of 1 gives that row. */
      ROWS,
      /** m × cols from statistics over the batch (batch norm in training): a batch of 1 runs or is refused by name. */
      BATCH_STATISTICS,
      /** 1 × 1, the mean over the examples of one value each (the losses): a batch's is the mean of its rows'. */
      MEAN,
      /** 1 × 1, the sum over the examples of one value each: a batch's is the sum of its rows'. */
      SUM,
      /** rows × cols whatever m is (no batch among the operands). */
      FIXED
    }

    public static Output rows(int cols) {
      return new Output(Kind.ROWS, -1, cols);
    }

    public static Output batchStatistics(int cols) {
      return new Output(Kind.BATCH_STATISTICS, -1, cols);
    }

    public static Output mean() {
      return new Output(Kind.MEAN, 1, 1);
    }

    public static Output sum() {
      return new Output(Kind.SUM, 1, 1);
    }

    public static Output fixed(int rows, int cols) {
      return new Output(Kind.FIXED, rows, cols);
    }

    /** The output's rows for a batch of m. */
    public int rowsFor(int m) {
      return kind == Kind.ROWS || kind == Kind.BATCH_STATISTICS ? m : rows;
    }
  }
}
