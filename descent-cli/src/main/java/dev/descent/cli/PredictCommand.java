package dev.descent.cli;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import dev.descent.model.Model;
import dev.descent.model.ModelFile;
import dev.descent.run.DataSource;
import dev.descent.tensor.Matrix;
import dev.descent.train.Evaluation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code descent predict}: labels and per-class probabilities for new examples, as CSV. */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = "Predict with a saved model: one CSV row per example with the predicted label and each class's probability.")
public final class PredictCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--model", paramLabel = "FILE", required = true, description = "A model written by 'descent train'.")
  Path model;

  @Option(names = "--data", paramLabel = "FILE", required = true,
      description = "Examples in the training data's format; a label column, if present, is ignored.")
  String data;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the CSV here (atomically) instead of stdout.")
  Path output;

  @Option(names = "--debug", description = "Show stack traces of errors.")
  boolean debug;

  @Override
  public Integer call() {
    Model m = ModelFile.read(model);
    Dataset examples = DataSource.loadForModel(data, m);
    Matrix outputs = m.predict(examples.features());
    String csv = toCsv(m, outputs);
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(csv);
      out.flush();
    } else {
      writeAtomically(output, csv);
      spec.commandLine().getErr().println("wrote " + examples.size() + " predictions to " + output);
    }
    return Main.OK;
  }

  static String toCsv(Model m, Matrix outputs) {
    StringBuilder sb = new StringBuilder();
    boolean classifier = !m.classNames().isEmpty();
    if (classifier) {
      sb.append("label");
      for (String c : m.classNames()) {
        sb.append(",p_").append(c);
      }
    } else {
      for (int j = 0; j < outputs.cols(); j++) {
        sb.append(j == 0 ? "" : ",").append("prediction").append(outputs.cols() > 1 ? Integer.toString(j + 1) : "");
      }
    }
    sb.append('\n');
    for (int i = 0; i < outputs.rows(); i++) {
      if (classifier) {
        sb.append(m.classNames().get(Evaluation.predictedClass(outputs, i)));
        if (outputs.cols() == 1) {
          double p = outputs.get(i, 0);
          sb.append(String.format(Locale.ROOT, ",%.6g,%.6g", 1 - p, p));
        } else {
          for (int j = 0; j < outputs.cols(); j++) {
            sb.append(String.format(Locale.ROOT, ",%.6g", outputs.get(i, j)));
          }
        }
      } else {
        for (int j = 0; j < outputs.cols(); j++) {
          sb.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6g", outputs.get(i, j)));
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Writes {@code text} to a temporary file beside {@code target}, then moves it into place. */
  static void writeAtomically(Path target, String text) {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = null;
    try {
      temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      try (BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        w.write(text);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temp = null;
    } catch (IOException e) {
      throw new DescentException("--output " + target + ": cannot write: " + OutputOptions.why(e));
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the write failed and was reported; a hidden leftover temp file is harmless
        }
      }
    }
  }
}
