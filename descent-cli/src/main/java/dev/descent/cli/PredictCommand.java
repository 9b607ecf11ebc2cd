package dev.descent.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.descent.DescentException;
import dev.descent.data.Dataset;
import dev.descent.io.AtomicFile;
import dev.descent.model.Model;
import dev.descent.model.ModelFile;
import dev.descent.run.DataSource;
import dev.descent.tensor.Matrix;
import dev.descent.train.Evaluation;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code descent predict}: labels and per-class probabilities for new examples, as CSV. */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = "Predict with a saved model: one CSV row per example with the predicted label and each class's probability.")
public final class PredictCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ModelOption modelOption;

  @Option(names = "--data", paramLabel = "FILE", required = true,
      description = "Examples in the training data's format; a label column, if present, is ignored.")
  String data;

  @Option(names = "--output", paramLabel = "FILE",
      description = "Write the CSV here instead of stdout: a file is replaced atomically (a symbolic link's target, the link"
          + " kept), a FIFO or a terminal is written through; - is stdout.")
  String output;

  @Mixin
  DebugOption debugOption;

  @Override
  public Integer call() {
    Model m = ModelFile.read(modelOption.model);
    PrintWriter err = spec.commandLine().getErr();
    Dataset examples = DataSource.loadForModel(data, m, note -> err.println("descent: warning: " + note));
    Matrix outputs = m.predict(examples.features());
    if (output == null || output.equals("-")) {
      PrintWriter out = spec.commandLine().getOut();
      try {
        writeCsv(m, outputs, out);
      } catch (IOException e) {
        throw new AssertionError("a PrintWriter reports no IOException", e);
      }
      out.flush();
    } else {
      Path target = Path.of(output);
      try {
        AtomicFile.write(target, out -> writeCsv(m, outputs, new OutputStreamWriter(out, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new DescentException("--output " + output + ": cannot write: " + OutputOptions.why(e));
      }
      err.println("wrote " + examples.size() + " predictions to " + output);
    }
    return Main.OK;
  }

  /**
   * The predictions as RFC 4180 CSV (FastCSV's writer: a field holding a comma, a quote or a line
   * break is quoted, quotes doubled; lines end in LF). Classifiers: {@code label,p_CLASS…}; a
   * regression model: {@code value} (or {@code value1,value2…}). A label that a spreadsheet would
   * run as a formula ({@link #neutralized}) gets a leading apostrophe.
   */
  static void writeCsv(Model m, Matrix outputs, Writer text) throws IOException {
    CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(text);
    boolean classifier = m.network().loss().classifies();
    List<String> row = new ArrayList<>();
    if (classifier) {
      row.add("label");
      for (String c : m.classNames()) {
        row.add(neutralized("p_" + c));
      }
    } else {
      for (int j = 0; j < outputs.cols(); j++) {
        row.add("value" + (outputs.cols() > 1 ? Integer.toString(j + 1) : ""));
      }
    }
    csv.writeRecord(row);
    for (int i = 0; i < outputs.rows(); i++) {
      row.clear();
      if (classifier) {
        row.add(neutralized(m.classNames().get(Evaluation.predictedClass(outputs, i))));
        if (outputs.cols() == 1) {
          double p = outputs.get(i, 0);
          row.add(number(1 - p));
          row.add(number(p));
        } else {
          for (int j = 0; j < outputs.cols(); j++) {
            row.add(number(outputs.get(i, j)));
          }
        }
      } else {
        for (int j = 0; j < outputs.cols(); j++) {
          row.add(number(outputs.get(i, j)));
        }
      }
      csv.writeRecord(row);
    }
    text.flush();
  }

  /**
   * {@code cell} as a spreadsheet will take it as text: one starting with {@code = + - @}, a tab
   * or a carriage return (a formula to Excel, LibreOffice and Google Sheets: CSV injection, OWASP)
   * gets a leading apostrophe, which spreadsheets hide; a number such as {@code -1} is left as it is.
   */
  static String neutralized(String cell) {
    if (cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0 || isNumber(cell)) {
      return cell;
    }
    return "'" + cell;
  }

  private static boolean isNumber(String cell) {
    return cell.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }
}
