package dev.descent.autodiff;

import static dev.descent.Golden.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.Golden;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import org.junit.jupiter.api.Test;

class BatchNormalizeGoldenTest {
  static final JsonNode G = Golden.load("batchnorm.json");
  static final double RUNNING_BETA = G.get("running_momentum").asDouble();
  static final double EPSILON = G.get("epsilon").asDouble();
  /** Features: the columns of the fixture's Z. */
  static final int N = golden("Z", Precision.F64).cols();

  static Matrix golden(String key, Precision p) {
    return Golden.matrix(G.get(key), p);
  }

  /** Records batch norm on the fixture's Z and a cost Σ out ⊙ dout, whose gradient wrt out is dout. */
  static final class Fixture {
    final Variable z;
    final Variable gamma;
    final Variable beta;
    final Matrix runningMean;
    final Matrix runningVariance;
    final BatchNormalize op;
    final Tape tape = new Tape();
    final Variable out;
    final Variable cost;

    Fixture(Precision p) {
      z = Variable.parameter("Z", golden("Z", p));
      gamma = Variable.parameter("gamma1", golden("gamma", p));
      beta = Variable.parameter("beta1", golden("beta", p));
      runningMean = Matrix.zeros(p, 1, N);
      runningVariance = Matrix.zeros(p, 1, N);
      runningVariance.fill(1);
      op = BatchNormalize.training(z, gamma, beta, runningMean, runningVariance,
          RUNNING_BETA, EPSILON);
      out = tape.record(op);
      Variable dout = Variable.constant("dout", golden("dout", p));
      cost = tape.record(new Reduce(Reduce.Kind.SUM, tape.record(new Arithmetic(Arithmetic.Kind.MULTIPLY, out, dout))));
      tape.backward(cost);
    }
  }

  @Test
  void forwardMatchesGoldenInFloat64() {
    Fixture f = new Fixture(Precision.F64);
    assertClose(golden("Znorm", Precision.F64), f.op.normalized(), 1e-10, "Znorm");
    assertClose(golden("out", Precision.F64), f.out.value(), 1e-10, "out");
    double[] mean = Golden.doubles(G.get("mean"));
    double[] variance = Golden.doubles(G.get("variance"));
    for (int j = 0; j < N; j++) {
      assertClose(mean[j], f.op.mean(j), 1e-10, "mean " + j);
      assertClose(variance[j], f.op.variance(j), 1e-10, "variance " + j);
    }
  }

  @Test
  void backwardMatchesGoldenInFloat64() {
    Fixture f = new Fixture(Precision.F64);
    assertClose(golden("dZ", Precision.F64), f.z.grad(), 1e-10, "dZ");
    assertClose(golden("dgamma", Precision.F64), f.gamma.grad(), 1e-10, "dgamma");
    assertClose(golden("dbeta", Precision.F64), f.beta.grad(), 1e-10, "dbeta");
  }

  @Test
  void oneTrainingForwardUpdatesRunningStatisticsAsGolden() {
    Fixture f = new Fixture(Precision.F64);
    assertClose(golden("running_mean", Precision.F64), f.runningMean, 1e-10, "running_mean");
    assertClose(golden("running_variance", Precision.F64), f.runningVariance, 1e-10, "running_variance");
  }

  @Test
  void everyTrainingForwardFoldsTheBatchStatisticsIn() {
    Fixture f = new Fixture(Precision.F64);
    f.tape.forward();
    double[] r1 = Golden.doubles(G.get("running_mean"));
    double[] v1 = Golden.doubles(G.get("running_variance"));
    double[] mean = Golden.doubles(G.get("mean"));
    double[] variance = Golden.doubles(G.get("variance"));
    for (int j = 0; j < N; j++) {
      assertClose(RUNNING_BETA * r1[j] + (1 - RUNNING_BETA) * mean[j], f.runningMean.getFlat(j), 1e-12, "running mean " + j);
      assertClose(RUNNING_BETA * v1[j] + (1 - RUNNING_BETA) * variance[j], f.runningVariance.getFlat(j), 1e-12,
          "running variance " + j);
    }
  }

  @Test
  void inferenceUsesRunningStatisticsAsGolden() {
    Fixture f = new Fixture(Precision.F64);
    Variable zTest = Variable.constant("Z_test", golden("Z_test", Precision.F64));
    BatchNormalize infer = BatchNormalize.inference(zTest, f.gamma, f.beta, f.runningMean, f.runningVariance, EPSILON);
    Variable out = new Tape().record(infer);
    assertClose(golden("inference_out", Precision.F64), out.value(), 1e-10, "inference_out");
    // inference only reads the running statistics
    assertClose(golden("running_mean", Precision.F64), f.runningMean, 0, "running_mean after inference");
  }

  @Test
  void inferenceWorksOnABatchOfOne() {
    Fixture f = new Fixture(Precision.F64);
    Matrix test = golden("Z_test", Precision.F64);
    Matrix expected = golden("inference_out", Precision.F64);
    for (int i = 0; i < test.rows(); i++) {
      Matrix row = Matrix.zeros(Precision.F64, 1, N);
      row.copyRow(test, i, 0);
      Variable out = new Tape().record(BatchNormalize.inference(Variable.constant("z", row), f.gamma, f.beta,
          f.runningMean, f.runningVariance, EPSILON));
      for (int j = 0; j < N; j++) {
        assertClose(expected.get(i, j), out.value().getFlat(j), 1e-10, "row " + i + " col " + j);
      }
    }
  }

  @Test
  void float32AgreesWithGoldenToFloat32Precision() {
    Fixture f = new Fixture(Precision.F32);
    assertEquals(Precision.F32, f.out.value().precision());
    assertClose(golden("out", Precision.F64), f.out.value(), 1e-5, "f32 out");
    assertClose(golden("dZ", Precision.F64), f.z.grad(), 1e-5, "f32 dZ");
    assertClose(golden("dgamma", Precision.F64), f.gamma.grad(), 1e-5, "f32 dgamma");
    assertClose(golden("dbeta", Precision.F64), f.beta.grad(), 1e-5, "f32 dbeta");
    assertClose(golden("running_variance", Precision.F64), f.runningVariance, 1e-6, "f32 running_variance");
  }

  @Test
  void inferenceBackwardTreatsStatisticsAsConstants() {
    Fixture f = new Fixture(Precision.F64);
    Variable z = Variable.parameter("z", golden("Z_test", Precision.F64));
    Tape tape = new Tape();
    Variable out = tape.record(BatchNormalize.inference(z, f.gamma, f.beta, f.runningMean, f.runningVariance, EPSILON));
    tape.backward(tape.record(new Reduce(Reduce.Kind.SUM, out)));
    for (int i = 0; i < z.value().rows(); i++) {
      for (int j = 0; j < N; j++) {
        double expected = f.gamma.value().getFlat(j) / Math.sqrt(f.runningVariance.getFlat(j) + EPSILON);
        assertClose(expected, z.grad().get(i, j), 1e-12, "dz " + i + "," + j);
      }
    }
  }

  @Test
  void rejectsParametersOfTheWrongShape() {
    Variable z = Variable.parameter("Z", Matrix.zeros(Precision.F64, 6, 4));
    Variable gamma = Variable.parameter("gamma2", Matrix.zeros(Precision.F64, 1, 3));
    Variable beta = Variable.parameter("beta2", Matrix.zeros(Precision.F64, 1, 4));
    Matrix stats = Matrix.zeros(Precision.F64, 1, 4);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BatchNormalize.training(z, gamma, beta, stats, stats.copy(), 0.9, 1e-5));
    assertEquals("batch norm: Z is 6×4 but gamma2 is 1×3; γ and β must be 1×4 (one per column of Z)", e.getMessage());
  }

  @Test
  void rejectsRunningBetaOutsideTheUnitInterval() {
    Variable z = Variable.parameter("Z", Matrix.zeros(Precision.F64, 6, 4));
    Variable gamma = Variable.parameter("gamma2", Matrix.zeros(Precision.F64, 1, 4));
    Matrix stats = Matrix.zeros(Precision.F64, 1, 4);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BatchNormalize.training(z, gamma, gamma, stats, stats.copy(), 1.0, 1e-5));
    assertEquals("batch norm runningBeta = 1.0: must be in [0, 1)", e.getMessage());
  }
}
