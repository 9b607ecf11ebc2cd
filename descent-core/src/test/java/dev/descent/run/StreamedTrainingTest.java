package dev.descent.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.autodiff.Variable;
import dev.descent.data.Dataset;
import dev.descent.data.ShuffleOrder;
import dev.descent.data.io.LoadOptions;
import dev.descent.data.io.MappedExamples;
import dev.descent.data.io.MappedLoader;
import dev.descent.data.io.NpyLoader;
import dev.descent.nn.Activation;
import dev.descent.nn.Init;
import dev.descent.nn.Network;
import dev.descent.optim.Optimizers;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import dev.descent.train.Evaluation;
import dev.descent.train.History;
import dev.descent.train.Trainer;
import dev.descent.train.TrainingConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training from a memory-mapped file against training on the same examples in the heap. */
class StreamedTrainingTest {
  private static final double[] SPLIT = {60, 20, 20};

  @TempDir
  Path dir;

  /** m examples of 4 float32 features and a class 0..classes−1 in the last column, separable by feature 0 and 1. */
  private Path table(int m, int classes) throws IOException {
    Rng rng = Rng.of(11);
    ByteBuffer data = ByteBuffer.allocate(4 * 5 * m).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < m; i++) {
      int c = i % classes;
      data.putFloat((float) (3 * c + rng.nextGaussian()));
      data.putFloat((float) (10 + c * rng.nextDouble()));
      data.putFloat((float) rng.nextGaussian());
      data.putFloat((float) (1e3 * rng.nextDouble()));
      data.putFloat(c);
    }
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + m + ", 5), }";
    String header = dict + " ".repeat((64 - (11 + dict.length()) % 64) % 64) + "\n";
    ByteBuffer file = ByteBuffer.allocate(10 + header.length() + data.capacity()).order(ByteOrder.LITTLE_ENDIAN);
    file.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
    file.put(header.getBytes(StandardCharsets.US_ASCII)).put(data.array());
    Path p = dir.resolve("table-" + m + "-" + classes + ".npy");
    Files.write(p, file.array());
    return p;
  }

  private static Network network(PreparedData data) {
    return new NetworkSpec(List.of(8), Activation.RELU, Init.he()).build(data.train(), Precision.F32, Rng.of(5),
        NetworkSpec.LayerDecorator.PLAIN);
  }

  private static History train(Network net, PreparedData data, int epochs) {
    TrainingConfig config = TrainingConfig.of(epochs).withBatchSize(32).withSeed(3);
    return new Trainer(net, Optimizers.adam(0.01), config).fit(data.train(), data.dev(), List.of());
  }

  @Test
  void aMappedFileInUniformOrderTrainsTheResidentModelBitForBit() throws IOException {
    for (int classes : new int[] {2, 3}) {   // the small-network step and the tape
      Path file = table(500, classes);
      Dataset all = new NpyLoader().read(file, LoadOptions.defaults()).dataset();
      PreparedData resident = PreparedData.prepare(all, null, SPLIT, true, 7);
      MappedExamples mapped = MappedLoader.open(file, LoadOptions.defaults());
      PreparedData streamed = PreparedData.streamed(mapped, null, SPLIT, true, 7, ShuffleOrder.UNIFORM);
      assertFalse(streamed.isResident());
      assertEquals(resident.train().size(), streamed.train().size());
      assertEquals(resident.dev().size(), streamed.dev().size());
      assertArrayEquals(resident.standardizer().mean(), streamed.standardizer().mean(), 0);
      assertArrayEquals(resident.standardizer().std(), streamed.standardizer().std(), 0);

      Network a = network(resident);
      Network b = network(streamed);
      History ha = train(a, resident, 4);
      History hb = train(b, streamed, 4);
      assertArrayEquals(ha.trainCost(), hb.trainCost(), 0, classes + " classes: train cost per epoch");
      assertArrayEquals(ha.devCost(), hb.devCost(), 1e-12, classes + " classes: dev cost per epoch");
      for (int i = 0; i < a.parameters().size(); i++) {
        Variable pa = a.parameters().get(i);
        assertEquals(pa.value(), b.parameters().get(i).value(), classes + " classes: " + pa.name());
      }
      Evaluation ea = Evaluation.of(a, resident.test());
      Evaluation eb = Evaluation.of(b, streamed.test());
      assertEquals(ea.accuracy(), eb.accuracy(), 0);
      assertEquals(ea.cost(), eb.cost(), 1e-12);
      assertNull(eb.outputs(), "a streamed set's outputs are not kept");
      assertEquals(ea.metrics().confusion().correct(), eb.metrics().confusion().correct());
    }
  }

  @Test
  void blockShuffledEpochsTrainAsWellAsUniformOnes() throws IOException {
    Path file = table(3000, 3);
    MappedExamples mapped = MappedLoader.open(file, LoadOptions.defaults());
    PreparedData blocks = PreparedData.streamed(mapped, null, SPLIT, true, 7, ShuffleOrder.blocks(50, 4));
    PreparedData uniform = PreparedData.streamed(mapped, null, SPLIT, true, 7, ShuffleOrder.UNIFORM);
    assertEquals(ShuffleOrder.blocks(50, 4), blocks.train().shuffleOrder());
    Network nb = network(blocks);
    Network nu = network(uniform);
    train(nb, blocks, 10);
    train(nu, uniform, 10);
    double accuracyBlocks = Evaluation.of(nb, blocks.dev()).accuracy();
    double accuracyUniform = Evaluation.of(nu, uniform.dev()).accuracy();
    assertTrue(accuracyUniform > 0.95, "uniform: " + accuracyUniform);
    assertEquals(accuracyUniform, accuracyBlocks, 0.02, "blocks against uniform");
    // the parts hold the same examples in either order: the same statistics, to rounding
    assertArrayEquals(uniform.standardizer().mean(), blocks.standardizer().mean(), 1e-9);
  }
}
