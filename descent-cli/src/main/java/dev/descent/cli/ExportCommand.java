package dev.descent.cli;

import dev.descent.export.NpzExport;
import dev.descent.export.OnnxExport;
import dev.descent.model.Model;
import dev.descent.model.ModelFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code descent export}: a saved model as ONNX (the standardizer included, for ONNX Runtime and
 * other runtimes) or as numpy's {@code .npz} of named arrays. See {@link OnnxExport} and {@link NpzExport}.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Export a saved model: ONNX (takes raw features as 'descent predict' does) or numpy's .npz of its arrays.")
public final class ExportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ModelOption modelOption;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "onnx",
      description = "onnx or npz (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "The file to write (replaced atomically if it exists).")
  Path out;

  @Mixin
  DebugOption debugOption;

  @Override
  public Integer call() {
    if (!format.equals("onnx") && !format.equals("npz")) {
      throw new UsageException("--format " + format + ": accepted formats are onnx, npz");
    }
    if (Files.isDirectory(out)) {
      throw new UsageException("--out " + out + ": is a directory; give a file name such as " + out.resolve("model." + format));
    }
    Model m = ModelFile.read(modelOption.model);
    if (format.equals("onnx")) {
      OnnxExport.write(m, out);
      spec.commandLine().getOut().printf("wrote %s: ONNX opset %d, input %s (batch × %d float32), outputs %s%n",
          out, OnnxExport.OPSET, OnnxExport.INPUT, m.network().inputs(), String.join(", ", OnnxExport.outputNames(m)));
    } else {
      NpzExport.write(m, out);
      spec.commandLine().getOut().printf("wrote %s: arrays %s%n", out, String.join(", ", NpzExport.arrays(m).keySet()));
    }
    return Main.OK;
  }
}
