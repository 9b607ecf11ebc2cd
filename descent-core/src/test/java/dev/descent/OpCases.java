package dev.descent;

import static dev.descent.OpCase.Output.batchStatistics;
import static dev.descent.OpCase.Output.fixed;
import static dev.descent.OpCase.Output.mean;
import static dev.descent.OpCase.Output.rows;
import static dev.descent.OpCase.Output.sum;

import dev.descent.autodiff.Affine;
import dev.descent.autodiff.Arithmetic;
import dev.descent.autodiff.BatchNormalize;
import dev.descent.autodiff.BinaryCrossEntropy;
import dev.descent.autodiff.DenseStack;
import dev.descent.autodiff.Element;
import dev.descent.autodiff.MatMul;
import dev.descent.autodiff.MeanSquaredError;
import dev.descent.autodiff.Pointwise;
import dev.descent.autodiff.Power;
import dev.descent.autodiff.Reduce;
import dev.descent.autodiff.Softmax;
import dev.descent.autodiff.SoftmaxCrossEntropy;
import dev.descent.nn.Activation;
import dev.descent.nn.ActivationLayer;
import dev.descent.nn.BatchNorm;
import dev.descent.nn.Dense;
import dev.descent.nn.Mode;
import dev.descent.regularize.Dropout;
import dev.descent.regularize.InvertedDropout;
import dev.descent.regularize.MaskSource;
import dev.descent.regularize.WeightPenalty;
import dev.descent.regularize.augment.AugmentationLayer;
import dev.descent.regularize.augment.HorizontalFlip;
import dev.descent.regularize.augment.ImageLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Every op and layer of the library as {@link OpContractTest} checks it: one line each. A new
 * {@code Op} or {@code Layer} in the main sources fails {@link
 * OpContractTest#everyOpAndLayerOfTheLibraryHasACase} until it has a line here.
 */
public final class OpCases {
  private OpCases() {}

  public static List<OpCase> all() {
    List<OpCase> c = new ArrayList<>();
    // autodiff: the tape's ops
    c.add(OpCase.of("affine", rows(4), in -> in.record(new Affine(in.batch("A", 3), in.parameter("W", 4, 3), in.parameter("b", 1, 4), in.gemm()))));
    c.add(OpCase.of("affine without bias", rows(4), in -> in.record(new Affine(in.batch("A", 3), in.parameter("W", 4, 3), null, in.gemm()))));
    c.add(OpCase.of("affine, wide enough for BLAS", rows(120), in -> in.record(new Affine(in.batch("A", 40), in.parameter("W", 120, 40), in.parameter("b", 1, 120), in.gemm()))));
    c.add(OpCase.of("matmul", rows(4), in -> in.record(new MatMul(in.batch("A", 3), in.parameter("B", 3, 4), in.gemm()))));
    c.add(OpCase.of("add a row", rows(3), in -> in.record(new Arithmetic(Arithmetic.Kind.ADD, in.batch("a", 3), in.parameter("b", 1, 3)))));
    c.add(OpCase.of("subtract a column", rows(3), in -> in.record(new Arithmetic(Arithmetic.Kind.SUBTRACT, in.batch("a", 3), in.batch("b", 1)))));
    c.add(OpCase.of("scalar times", rows(3), in -> in.record(new Arithmetic(Arithmetic.Kind.MULTIPLY, in.batch("a", 3), in.parameter("s", 1, 1)))));
    c.add(OpCase.of("divide", rows(3), in -> in.record(new Arithmetic(Arithmetic.Kind.DIVIDE, in.batch("a", 3), in.positiveBatch("b", 3)))));
    c.add(OpCase.of("a times itself", rows(3), in -> in.record(new Arithmetic(Arithmetic.Kind.MULTIPLY, in.batch("a", 3), in.batches().get(0)))));
    c.add(OpCase.of("divide by a row", rows(3), in -> in.record(new Arithmetic(Arithmetic.Kind.DIVIDE, in.batch("a", 3), in.positiveParameter("b", 1, 3)))));
    for (Pointwise.Function f : Pointwise.Function.values()) {
      boolean positive = f == Pointwise.Function.LOG || f == Pointwise.Function.SQRT;
      c.add(OpCase.of(f.label(), rows(3), in -> in.record(new Pointwise(f, positive ? in.positiveBatch("z", 3) : in.batch("z", 3)))));
    }
    c.add(OpCase.of("cube", rows(3), in -> in.record(new Power(in.batch("x", 3), 3))));
    c.add(OpCase.of("power 1.5", rows(3), in -> in.record(new Power(in.positiveBatch("x", 3), 1.5))));
    c.add(OpCase.of("sum", sum(), in -> in.record(new Reduce(Reduce.Kind.SUM, in.batch("x", 3)))));
    c.add(OpCase.of("mean", mean(), in -> in.record(new Reduce(Reduce.Kind.MEAN, in.batch("x", 3)))));
    c.add(OpCase.of("element", fixed(1, 1), in -> in.record(new Element(in.parameter("x", 3, 4), 1, 2))));
    c.add(OpCase.of("softmax", rows(4), in -> in.record(new Softmax(in.batch("z", 4)))));
    c.add(OpCase.of("softmax cross-entropy", mean(), in -> in.record(new SoftmaxCrossEntropy(in.batch("z", 4), in.oneHotLabels("y", 4)))));
    c.add(OpCase.of("binary cross-entropy", mean(), in -> in.record(new BinaryCrossEntropy(in.batch("z", 2), in.binaryLabels("y", 2)))));
    c.add(OpCase.of("mean squared error", mean(), in -> in.record(new MeanSquaredError(in.batch("a", 2), in.targets("y", 2)))));
    c.add(OpCase.of("batch normalize, training", batchStatistics(4), in -> in.record(BatchNormalize.training(in.batch("z", 4), in.positiveParameter("gamma", 1, 4), in.parameter("beta", 1, 4), in.statistics("mean", 1, 4, false), in.statistics("variance", 1, 4, true), 0.9, 1e-5))));
    c.add(OpCase.of("batch normalize, inference", rows(4), in -> in.record(BatchNormalize.inference(in.batch("z", 4), in.positiveParameter("gamma", 1, 4), in.parameter("beta", 1, 4), in.statistics("mean", 1, 4, false), in.statistics("variance", 1, 4, true), 1e-5))));
    c.add(OpCase.float32("dense stack", rows(2), in -> in.record(new DenseStack(in.features("X", 3), List.of(in.parameter("W1", 4, 3), in.parameter("W2", 2, 4)), List.of(in.parameter("b1", 1, 4), in.parameter("b2", 1, 2)), List.of(Pointwise.Function.TANH)))));
    c.add(OpCase.float32("dense stack, relu", rows(1), in -> in.record(new DenseStack(in.features("X", 2), List.of(in.parameter("W1", 5, 2), in.parameter("W2", 2, 5), in.parameter("W3", 1, 2)), List.of(in.parameter("b1", 1, 5), in.parameter("b2", 1, 2), in.parameter("b3", 1, 1)), List.of(Pointwise.Function.RELU, Pointwise.Function.RELU)))));
    // regularize: penalties and dropout
    c.add(OpCase.of("l2 penalty", fixed(1, 1), in -> in.record(new WeightPenalty(WeightPenalty.Norm.SQUARED, 0.35, List.of(in.parameter("W1", 4, 3), in.parameter("W2", 2, 4))))));
    c.add(OpCase.of("l1 penalty", fixed(1, 1), in -> in.record(new WeightPenalty(WeightPenalty.Norm.ABSOLUTE, 0.05, List.of(in.parameter("W1", 4, 3), in.parameter("W2", 2, 4))))));
    c.add(OpCase.of("inverted dropout", rows(3), in -> in.record(new InvertedDropout(in.batch("a", 3), 0.8, MaskSource.fixed(in.mask("D", 3)), in.rng()))));
    // nn and regularize: the layers
    c.add(OpCase.of("dense layer", rows(4), in -> in.apply(new Dense(in.parameter("W1", 4, 3), in.parameter("b1", 1, 4)), in.batch("X", 3), Mode.TRAIN)));
    for (Activation a : Activation.values()) {
      c.add(OpCase.of(a.label() + " layer", rows(3), in -> in.apply(new ActivationLayer(a), in.batch("Z", 3), Mode.TRAIN)));
    }
    c.add(OpCase.of("batch norm layer, training", batchStatistics(4), in -> in.apply(BatchNorm.create(1, 4, in.precision()), in.batch("Z", 4), Mode.TRAIN)));
    c.add(OpCase.of("batch norm layer, inference", rows(4), in -> in.apply(BatchNorm.create(1, 4, in.precision()), in.batch("Z", 4), Mode.INFER)));
    c.add(OpCase.of("dropout layer, training", rows(3), in -> in.apply(Dropout.keep(0.8).withMasks(MaskSource.fixed(in.mask("D", 3))), in.batch("A", 3), Mode.TRAIN)));
    c.add(OpCase.of("dropout layer, inference", rows(3), in -> in.apply(Dropout.keep(0.8), in.batch("A", 3), Mode.INFER)));
    c.add(OpCase.of("augmentation layer (a flip)", rows(6), in -> in.apply(new AugmentationLayer(new HorizontalFlip(new ImageLayout(1, 3, 2), 1), "flip"), in.features("X", 6), Mode.TRAIN)));
    return c;
  }
}
