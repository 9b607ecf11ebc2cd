package dev.descent.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.check.GradientCheck;
import dev.descent.check.GradientCheckReport;
import dev.descent.check.Verdict;
import dev.descent.data.Dataset;
import dev.descent.data.Standardizer;
import dev.descent.data.generate.Generators;
import dev.descent.export.OnnxExport;
import dev.descent.model.Model;
import dev.descent.model.ModelFile;
import dev.descent.nn.Activation;
import dev.descent.nn.Init;
import dev.descent.nn.Loss;
import dev.descent.nn.Network;
import dev.descent.optim.Optimizers;
import dev.descent.search.Objective;
import dev.descent.search.Search;
import dev.descent.search.SearchConfig;
import dev.descent.search.SearchResult;
import dev.descent.search.Space;
import dev.descent.search.TrialRecord;
import dev.descent.search.TrialResult;
import dev.descent.tensor.Blas;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import dev.descent.train.Evaluation;
import dev.descent.train.Trainer;
import dev.descent.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/library.md's examples, run: the guide's code blocks are this test's lines (checked by
 * {@link #everyCodeLineOfTheGuideIsInThisTest}), so the guide cannot go stale.
 */
class LibraryGuideTest {
  static final Path GUIDE = Path.of("..", "docs", "library.md");
  static final Path SOURCE = Path.of("src", "test", "java", "dev", "descent", "guide", "LibraryGuideTest.java");

  @TempDir
  Path dir;

  @Test
  void trainEvaluateSaveLoadPredictCheckSearchAndExport() throws IOException {
    Path modelFile = dir.resolve("moons.descent");
    Path onnxFile = dir.resolve("moons.onnx");
    // --- guide: train ---
    Dataset train = Generators.moons(300, 0.2, Rng.of(3));
    Dataset test = Generators.moons(100, 0.2, Rng.of(4));
    Standardizer standardizer = Standardizer.fit(train.features());
    Network net = Network.builder(2, Precision.F32, Rng.of(1))
        .dense(20, Init.he()).activation(Activation.RELU)
        .dense(1, Init.he()).loss(Loss.BINARY_CROSS_ENTROPY).build();
    new Trainer(net, Optimizers.adam(0.01), new TrainingConfig(200, 64, 1, false))
        .fit(standardizer.apply(train), null, List.of());
    // --- guide: evaluate ---
    Evaluation score = Evaluation.of(net, standardizer.apply(test));
    System.out.printf("test accuracy %.2f%n", score.accuracy());      // test accuracy 0.98
    // --- guide: save and load ---
    Model model = new Model(net, standardizer, List.of("0", "1"), List.of("x1", "x2"), Map.of("epochs", 200));
    ModelFile.write(modelFile, model);
    Model loaded = ModelFile.read(modelFile);
    // --- guide: predict ---
    Matrix raw = Matrix.fromRows(Precision.F64, new double[][] {{0.5, -0.3}, {-1, 0.8}});
    Matrix p = loaded.predict(raw);                                   // raw features: standardized inside
    System.out.printf("p(class 1) = %.3f, %.3f%n", p.get(0, 0), p.get(1, 0));
    // --- guide: process (tuned already: surefire starts this JVM with -Ddescent.blas.tune=true) ---
    Blas.tuneProcess();                                               // first thing in main, as the descent command does
    System.out.println(Blas.describe());                              // OpenBLAS 0.3.28, kernel SkylakeX (Descent's choice for a CPU with AVX-512), …
    // --- guide: gradient check ---
    GradientCheckReport check = GradientCheck.of(net, standardizer.apply(train)).run();
    System.out.printf("%s, difference %.1e%n", check.verdict(), check.difference());  // OK, difference 5.8e-08
    // --- guide: search ---
    Dataset dev = Generators.moons(100, 0.2, Rng.of(5));
    Space space = Space.parse(List.of("lr=log:1e-4:1"));
    Objective objective = (trial, reporter) -> {
      Network candidate = Network.builder(2, Precision.F32, Rng.of(trial.seed()))
          .dense(20, Init.he()).activation(Activation.RELU)
          .dense(1, Init.he()).loss(Loss.BINARY_CROSS_ENTROPY).build();
      double lr = (Double) trial.params().get("lr");
      new Trainer(candidate, Optimizers.adam(lr), new TrainingConfig(50, 64, trial.seed(), false))
          .fit(standardizer.apply(train), null, List.of());
      Evaluation.Score s = Evaluation.score(candidate, standardizer.apply(dev));
      reporter.report(50, s.accuracy(), s.cost());
      return new TrialResult(s.accuracy(), s.cost(), 50);
    };
    SearchResult result = Search.local(SearchConfig.of(42, 8)).run(space, objective);
    TrialRecord best = result.best().orElseThrow();
    System.out.printf("lr %.3f: dev accuracy %.2f%n", best.params().get("lr"), best.devAccuracy());  // lr 0.092: dev accuracy 0.99
    // --- guide: export ---
    OnnxExport.write(loaded, onnxFile);                               // opset 17, standardizer included
    // --- end ---
    assertTrue(score.accuracy() > 0.9, "accuracy " + score.accuracy());
    assertEquals(model.predict(raw), p);
    assertTrue(p.get(0, 0) > 0.5 && p.get(1, 0) < 0.5, p.toString());
    assertTrue(Files.size(onnxFile) > 100);
    assertEquals(Verdict.OK, check.verdict(), check.text());
    assertEquals(8, result.trials().size());
    assertTrue(result.best().orElseThrow().devAccuracy() > 0.9, result.ranked().toString());
  }

  @Test
  void everyCodeLineOfTheGuideIsInThisTest() throws IOException {
    String source = Files.readString(SOURCE);
    List<String> code = codeLines();
    assertTrue(code.size() > 15, "the guide's code: " + code);
    for (String line : code) {
      if (line.startsWith("import ")) {
        assertTrue(source.contains(line), "guide import not in this test: " + line);
        continue;
      }
      assertTrue(source.contains(line), "guide line not run by this test: " + line);
    }
  }

  /** The non-blank lines of the guide's ```java blocks, trimmed. */
  static List<String> codeLines() throws IOException {
    List<String> out = new ArrayList<>();
    boolean in = false;
    for (String line : Files.readAllLines(GUIDE)) {
      if (line.startsWith("```")) {
        in = line.equals("```java");
        continue;
      }
      if (in && !line.isBlank()) {
        out.add(line.strip());
      }
    }
    return out;
  }
}
