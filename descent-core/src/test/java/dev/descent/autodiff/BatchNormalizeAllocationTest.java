package dev.descent.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The training step of batch norm allocates nothing once warmed up (bytes counted by the JVM, not time). */
class BatchNormalizeAllocationTest {

  static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }

  @ParameterizedTest
  @EnumSource(Precision.class)
  void forwardAndBackwardAllocateNothingAfterTheFirstStep(Precision precision) {
    Rng rng = Rng.of(7);
    Matrix zValue = Matrix.zeros(precision, 32, 8);
    for (int k = 0; k < zValue.size(); k++) {
      zValue.setFlat(k, rng.nextGaussian());
    }
    Variable z = Variable.parameter("Z1", zValue);
    Variable gamma = Variable.parameter("gamma1", Matrix.zeros(precision, 1, 8));
    Variable beta = Variable.parameter("beta1", Matrix.zeros(precision, 1, 8));
    gamma.value().fill(1);
    Matrix variance = Matrix.zeros(precision, 1, 8);
    variance.fill(1);
    Tape tape = new Tape();
    Variable out = tape.record(BatchNormalize.training(z, gamma, beta, Matrix.zeros(precision, 1, 8), variance, 0.9, 1e-5));
    Variable cost = tape.record(new Reduce(Reduce.Kind.MEAN, tape.record(new Power(out, 3))));
    for (int i = 0; i < 20_000; i++) {
      tape.forward();
      tape.backward(cost);
    }
    // the counter's own cost, measured the same way with nothing in between
    long empty = allocatedBytes();
    long overhead = allocatedBytes() - empty;
    long before = allocatedBytes();
    for (int i = 0; i < 1_000; i++) {
      tape.forward();
      tape.backward(cost);
    }
    assertEquals(overhead, allocatedBytes() - before, "bytes allocated by 1000 steps");
  }
}
