package dev.descent.cli.report;

import dev.descent.DescentException;
import dev.descent.io.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A self-contained HTML report: a title, the provenance line, an introduction, a table of
 * contents and the sections. Everything is inside the one file (inline stylesheet, images as
 * {@code data:} URIs, system fonts, no script), and its Content-Security-Policy forbids any
 * network request, so it opens offline, from a mail or a course handout, as it opened here.
 *
 * <pre>{@code
 * new Page("Descent: the course's experiments", "Every experiment …", Provenance.current(), sections)
 *     .write(Path.of("descent-out/experiments/index.html"));
 * }</pre>
 */
public record Page(String title, String intro, Provenance provenance, List<Section> sections) {
  /** Forbids every fetch: images come only from data: URIs, styles only from the page itself. */
  static final String POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";
  private static final String STYLE = stylesheet();

  public Page {
    Section.require(title, "page title");
    sections = List.copyOf(sections);
  }

  /** The page's HTML; section anchors are their titles made into ids, unique on the page. */
  public String html() {
    List<String> ids = ids();
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(POLICY).append("\">\n")
        .append("<meta name=\"generator\" content=\"Descent ").append(Html.text(provenance.version())).append("\">\n")
        .append("<title>").append(Html.text(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n")
        .append("<header class=\"page\">\n<h1>").append(Html.text(title)).append("</h1>\n")
        .append("<p class=\"generated\">").append(Html.text(provenance.line())).append("</p>\n");
    if (!intro.isEmpty()) {
      html.append("<p class=\"intro\">").append(Html.text(intro)).append("</p>\n");
    }
    html.append("</header>\n");
    contents(html, ids);
    for (int i = 0; i < sections.size(); i++) {
      section(html, sections.get(i), ids.get(i));
    }
    html.append("<footer>").append(Html.text("Descent " + provenance.version())).append("</footer>\n</main>\n</body>\n</html>\n");
    return html.toString();
  }

  private void contents(StringBuilder html, List<String> ids) {
    html.append("<nav class=\"toc\" aria-labelledby=\"contents\">\n<h2 id=\"contents\">Contents</h2>\n<ol>\n");
    for (int i = 0; i < sections.size(); i++) {
      Section s = sections.get(i);
      html.append("<li><a href=\"#").append(ids.get(i)).append("\">").append(Html.text(s.title())).append("</a>");
      badge(html, s.status());
      if (!s.summary().isEmpty()) {
        html.append("<span class=\"summary\">").append(Html.text(s.summary())).append("</span>");
      }
      html.append("</li>\n");
    }
    html.append("</ol>\n</nav>\n");
  }

  private static void section(StringBuilder html, Section s, String id) {
    html.append("<section id=\"").append(id).append("\" class=\"report").append(s.status() == Section.Status.FAILED ? " failed" : "")
        .append("\">\n<h2>").append(Html.text(s.title()));
    badge(html, s.status());
    html.append("</h2>\n");
    for (Block b : s.blocks()) {
      b.render(html);
    }
    html.append("</section>\n");
  }

  private static void badge(StringBuilder html, Section.Status status) {
    switch (status) {
      case OK -> html.append(" <span class=\"badge ok\">ok</span>");
      case FAILED -> html.append(" <span class=\"badge failed\">failed</span>");
      case PLAIN -> { }
    }
  }

  private List<String> ids() {
    Set<String> used = new HashSet<>(Set.of("contents"));
    List<String> ids = new java.util.ArrayList<>();
    for (Section s : sections) {
      String base = Html.id(s.title());
      String id = base;
      for (int n = 2; !used.add(id); n++) {
        id = base + "-" + n;
      }
      ids.add(id);
    }
    return ids;
  }

  /**
   * Writes the page to {@code file} atomically (a temporary file beside it, then a rename), so a
   * browser or a reader never sees half a page; creates missing directories. Returns {@code file}.
   */
  public Path write(Path file) {
    Path target = file.toAbsolutePath().normalize();
    try {
      AtomicFile.write(target, out -> out.write(html().getBytes(StandardCharsets.UTF_8)));
      return file;
    } catch (IOException e) {
      throw new DescentException("cannot write the report (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); choose a writable --out directory",
          target.toString(), -1, -1, e);
    }
  }

  private static String stylesheet() {
    try (InputStream in = Page.class.getResourceAsStream("report.css")) {
      if (in == null) {
        throw new AssertionError("report.css is missing from the jar beside " + Page.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read report.css from the jar", e);
    }
  }
}
