package dev.descent.cli.report;

import dev.descent.run.RunResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The report page of one training run ({@code descent train --report}): the settings and the
 * model's path, the results per set, then whichever of these the run has: cost curves, gradient
 * norms, the bias/variance diagnosis (with a dev set), the confusion matrix and per-class scores
 * (classification), the decision boundary, and any other plot. A part the run does not have is
 * left out, so a new kind of plot or value shows up without changing this class: plots are put
 * in their section by file name ({@code cost}, {@code grad}, {@code confusion}, {@code boundary}
 * or {@code decision}; accuracy curves beside the costs; anything else under "Other plots"), and {@link #with} adds a section.
 *
 * <pre>{@code
 * new TrainReport(result, session.settings, plots, Path.of("out/model.descent"))
 *     .page(Provenance.current()).write(Path.of("out/report.html"));
 * }</pre>
 */
public final class TrainReport {
  /** Sections holding plots, in page order, with the file-name fragments that put a plot there. */
  static final Map<String, List<String>> PLOT_SECTIONS = plotSections();

  private final RunResult result;
  private final Map<String, Object> settings;
  private final List<Path> plots;
  private final Path model;
  private final List<Section> extra;

  public TrainReport(RunResult result, Map<String, Object> settings, List<Path> plots, Path model) {
    this(result, settings, plots, model, List.of());
  }

  private TrainReport(RunResult result, Map<String, Object> settings, List<Path> plots, Path model, List<Section> extra) {
    this.result = result;
    this.settings = new LinkedHashMap<>(settings);
    this.plots = List.copyOf(plots);
    this.model = model;
    this.extra = List.copyOf(extra);
  }

  /** This report with {@code section} added at the end (e.g. a table of gradient norms). */
  public TrainReport with(Section section) {
    List<Section> more = new ArrayList<>(extra);
    more.add(section);
    return new TrainReport(result, settings, plots, model, more);
  }

  public Page page(Provenance provenance) {
    List<Section> sections = new ArrayList<>();
    sections.add(RunSections.settings(settings, result, model));
    sections.add(RunSections.results(result));
    Map<String, List<Path>> grouped = group(plots);
    add(sections, RunSections.figures("Cost curves", grouped.get("Cost curves"), RunSections.costNote(result)));
    add(sections, RunSections.figures("Gradient norms", grouped.get("Gradient norms"), ""));
    add(sections, RunSections.diagnosis(result));
    add(sections, RunSections.confusion(result, grouped.get("Confusion matrix")));
    add(sections, RunSections.figures("Decision boundary", grouped.get("Decision boundary"), ""));
    add(sections, RunSections.figures("Other plots", grouped.get("Other plots"), ""));
    sections.addAll(extra);
    Object data = settings.get("data");
    String title = data == null ? "Descent: training run" : "Descent: training run on " + data;
    return new Page(title, intro(), provenance, sections);
  }

  private String intro() {
    return String.format(Locale.ROOT, "%d epochs, %s. The model is saved at %s; this page holds everything else the run produced.",
        result.history().epochs(), result.history().completed() ? "completed" : "stopped early: " + result.history().stopReason(), model);
  }

  private static void add(List<Section> sections, Optional<Section> section) {
    section.ifPresent(sections::add);
  }

  /** Each plot in the first section whose fragment its file name contains, else "Other plots". */
  static Map<String, List<Path>> group(List<Path> plots) {
    Map<String, List<Path>> grouped = new LinkedHashMap<>();
    PLOT_SECTIONS.keySet().forEach(k -> grouped.put(k, new ArrayList<>()));
    grouped.put("Other plots", new ArrayList<>());
    for (Path p : plots) {
      String file = p.getFileName().toString().toLowerCase(Locale.ROOT);
      String section = "Other plots";
      for (Map.Entry<String, List<String>> e : PLOT_SECTIONS.entrySet()) {
        if (section.equals("Other plots") && e.getValue().stream().anyMatch(file::contains)) {
          section = e.getKey();
        }
      }
      grouped.get(section).add(p);
    }
    return grouped;
  }

  private static Map<String, List<String>> plotSections() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("Cost curves", List.of("cost", "loss", "accuracy"));
    m.put("Gradient norms", List.of("grad"));
    m.put("Confusion matrix", List.of("confusion"));
    m.put("Decision boundary", List.of("boundary", "decision"));
    return java.util.Collections.unmodifiableMap(m);
  }
}
