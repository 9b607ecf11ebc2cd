package dev.descent.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.data.Dataset;
import dev.descent.data.Examples;
import dev.descent.data.io.MappedExamples;
import dev.descent.model.Model;
import dev.descent.model.ModelFile;
import dev.descent.run.DataSource;
import dev.descent.train.Evaluation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code descent evaluate}: a saved model's cost and accuracy on a labelled data set. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Evaluate a saved model on labelled data: cost, accuracy, precision/recall/F1 and the confusion matrix.")
public final class EvaluateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ModelOption modelOption;

  @Option(names = "--data", paramLabel = "FILE", required = true, description = "Labelled examples in the training data's format, or a directory written by 'descent convert' (read in batches).")
  String data;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Also write the confusion matrix of a classifier as DIR/confusion.png (default: no files).")
  Path outDir;

  @Mixin
  JsonOption jsonOption;

  @Mixin
  DebugOption debugOption;

  @Override
  public Integer call() {
    Model m = ModelFile.read(modelOption.model);
    // a converted directory is read in batches from its mapped file: it may not fit in memory
    Optional<MappedExamples> converted = DataSource.convertedForModel(data, m);
    PrintWriter err = spec.commandLine().getErr();
    Examples labelled = converted.isPresent() ? converted.get()
        : DataSource.loadLabelledForModel(data, m, note -> err.println("descent: warning: " + note));
    Examples prepared = m.standardizer() == null ? labelled
        : converted.isPresent() ? converted.get().standardized(m.standardizer())
        : m.standardizer().apply((Dataset) labelled);
    Evaluation e = Evaluation.of(m.network(), prepared);
    PrintWriter out = spec.commandLine().getOut();
    ClassReport classes = labelled.isClassification() ? ClassReport.of("data", e, labelled) : null;
    Path heatMap = null;
    if (classes != null && outDir != null) {
      heatMap = classes.writeHeatMap(OutputOptions.directory(outDir).resolve("confusion.png"));
    }
    if (jsonOption.json) {
      ObjectNode root = Report.object();
      root.put("command", "evaluate");
      root.put("model", modelOption.model.toString());
      root.put("examples", labelled.size());
      ObjectNode test = Report.metrics(e);
      if (classes != null) {
        classes.addTo(test);
      }
      root.set("test", test);
      if (heatMap != null) {
        root.putArray("plots").add(heatMap.toString());
      }
      Report.print(out, root);
    } else {
      out.printf("model     %s%ndata      %s: %d examples%n%n", modelOption.model, data, labelled.size());
      Report.table(out, new String[][] {{"set", "examples", "accuracy", "cost"},
          {"data", Integer.toString(labelled.size()), Report.percent(e.accuracy()), Report.number(e.cost())}});
      if (classes != null) {
        out.println();
        classes.print(out);
      }
      if (heatMap != null) {
        out.println();
        out.println("plot      " + heatMap);
      }
      out.flush();
    }
    return Main.OK;
  }
}
