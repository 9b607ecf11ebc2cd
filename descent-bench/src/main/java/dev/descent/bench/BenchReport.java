package dev.descent.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.model.Version;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A suite's results with the conditions they were measured under (machine, JVM, OpenBLAS,
 * settings, peak resident memory), as JSON or as a table:
 *
 * <pre>
 * {"suite": "course", "results": [{"name": "init-he", "value": 0.21, "unit": "s", "train_accuracy": 0.99, …}],
 *  "peak_rss_mib": 96.4, "machine": {…}, "jvm": {…}, "blas": {…}, "settings": {…}, …}
 * </pre>
 *
 * @param peakResidentKib VmHWM at the end of the suite, KiB; -1 when the kernel does not report it
 */
public record BenchReport(String suite, String workloads, BenchSettings settings, Machine machine,
    List<BenchResult> results, long peakResidentKib) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public BenchReport {
    results = List.copyOf(results);
  }

  public ObjectNode toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("suite", suite);
    var list = root.putArray("results");
    for (BenchResult r : results) {
      ObjectNode n = list.addObject();
      n.put("name", r.name());
      putNumber(n, "value", r.value());
      n.put("unit", r.unit());
      r.details().forEach((k, v) -> {
        if (v instanceof Double d) {
          putNumber(n, k, d);
        } else {
          n.set(k, JSON.valueToTree(v));
        }
      });
    }
    if (peakResidentKib < 0) {
      root.putNull("peak_rss_mib");
    } else {
      root.put("peak_rss_mib", peakResidentKib / 1024.0);
    }
    root.put("workloads", workloads);
    root.put("descent_version", Version.CURRENT);
    ObjectNode m = root.putObject("machine");
    m.put("cpu", machine.cpu());
    m.put("cores", machine.cores());
    m.put("os", machine.os());
    putNumber(m, "load_average_1m", machine.loadAverage());
    ObjectNode jvm = root.putObject("jvm");
    jvm.put("version", machine.jvm());
    machine.jvmOptions().forEach(jvm.putArray("options")::add);
    ObjectNode blas = root.putObject("blas");
    blas.put("description", machine.blas());
    blas.put("threads", machine.blasThreads());
    blas.put("kernel", machine.blasKernel());
    blas.put("OPENBLAS_CORETYPE", machine.openblasCoretype());
    ObjectNode s = root.putObject("settings");
    s.put("quick", settings.quick());
    s.put("threads", settings.threads());
    s.set("repeats", JSON.valueToTree(settings.repeats()));
    s.set("examples", JSON.valueToTree(settings.examples()));
    s.set("sizes", JSON.valueToTree(settings.sizes()));
    s.set("epoch_examples", JSON.valueToTree(settings.epochExamples()));
    return root;
  }

  private static void putNumber(ObjectNode n, String key, double v) {
    if (Double.isFinite(v)) {
      n.put(key, v);
    } else {
      n.putNull(key);
    }
  }

  public void printJson(PrintWriter out) {
    try {
      out.println(JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
      throw new IllegalStateException("bench: cannot write the JSON report: " + ex.getMessage(), ex);
    }
    out.flush();
  }

  public void printTable(PrintWriter out) {
    out.println("descent bench " + suite + ": " + workloads);
    out.printf("machine  %s, %d cores, %s, load average %.2f%n", machine.cpu(), machine.cores(), machine.os(),
        machine.loadAverage());
    out.println("java     " + machine.jvm() + (machine.jvmOptions().isEmpty() ? "" : " " + machine.jvmOptions()));
    out.println("blas     " + machine.blas());
    out.println();
    out.printf("  %-22s %12s  %-10s %s%n", "name", "value", "unit", "details");
    for (BenchResult r : results) {
      out.printf("  %-22s %12s  %-10s %s%n", r.name(), number(r.value()), r.unit(), details(r.details()));
    }
    out.println();
    out.println("peak resident memory  " + (peakResidentKib < 0 ? "unavailable (no VmHWM in /proc/self/status)"
        : String.format(Locale.ROOT, "%.1f MiB", peakResidentKib / 1024.0)));
    out.flush();
  }

  private static String details(Map<String, Object> details) {
    StringBuilder sb = new StringBuilder();
    details.forEach((k, v) -> {
      if (sb.length() > 0) {
        sb.append("  ");
      }
      sb.append(k).append('=').append(v instanceof Double d ? number(d) : String.valueOf(v));
    });
    return sb.toString();
  }

  static String number(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : String.valueOf(v);
  }
}
