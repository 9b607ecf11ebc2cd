package dev.descent.cli.report;

import java.util.List;
import java.util.Map;

/**
 * One piece of a report {@link Section}: a paragraph, a table, figures, settings, a notice or a
 * list. Each renders itself as HTML with every piece of text escaped ({@link Html#text}).
 */
public sealed interface Block permits Block.Paragraph, Block.Fields, Block.Notice, Block.Items, Block.Figures, Table {

  void render(StringBuilder html);

  /**
   * A paragraph with an optional leading label ("Setting", "What it shows") and a style:
   * {@code "setting"}, {@code "lesson"} or {@code ""}; a newline in the text starts a new line.
   */
  record Paragraph(String label, String text, String style) implements Block {
    public Paragraph {
      Section.require(text, "paragraph text");
    }

    public static Paragraph plain(String text) {
      return new Paragraph("", text, "");
    }

    @Override
    public void render(StringBuilder html) {
      html.append("<p").append(style.isEmpty() ? "" : " class=\"" + Html.text(style) + "\"").append('>');
      if (!label.isEmpty()) {
        html.append("<span class=\"label\">").append(Html.text(label)).append("</span> ");
      }
      html.append(Html.text(text).replace("\n", "<br>")).append("</p>\n");
    }
  }

  /** Named values (the settings of a run), shown as a two-column list in their order. */
  record Fields(String title, Map<String, String> values) implements Block {
    public Fields {
      values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    @Override
    public void render(StringBuilder html) {
      heading(html, title);
      html.append("<dl class=\"fields\">\n");
      values.forEach((k, v) -> html.append("<dt>").append(Html.text(k)).append("</dt><dd>").append(Html.text(v)).append("</dd>\n"));
      html.append("</dl>\n");
    }
  }

  /** A boxed message: what failed ({@link Kind#FAILURE}), a warning, or a note. */
  record Notice(Kind kind, String title, String text) implements Block {
    public enum Kind { FAILURE, WARNING, NOTE }

    @Override
    public void render(StringBuilder html) {
      String css = kind.name().toLowerCase(java.util.Locale.ROOT);
      html.append("<div class=\"notice ").append(css).append('"').append(kind == Kind.FAILURE ? " role=\"alert\"" : "").append('>');
      html.append("<strong>").append(Html.text(title)).append("</strong>");
      if (!text.isEmpty()) {
        html.append("<p>").append(Html.text(text).replace("\n", "<br>")).append("</p>");
      }
      html.append("</div>\n");
    }
  }

  /** A titled bullet list (reference numbers, remedies). */
  record Items(String title, List<String> items) implements Block {
    public Items {
      items = List.copyOf(items);
    }

    @Override
    public void render(StringBuilder html) {
      heading(html, title);
      html.append("<ul class=\"items\">\n");
      for (String item : items) {
        html.append("<li>").append(Html.text(item)).append("</li>\n");
      }
      html.append("</ul>\n");
    }
  }

  /** Embedded plots in a grid; a wide image spans the whole row. */
  record Figures(List<Image> images) implements Block {
    public Figures {
      images = List.copyOf(images);
    }

    @Override
    public void render(StringBuilder html) {
      html.append("<div class=\"figures\">\n");
      for (Image image : images) {
        image.render(html);
      }
      html.append("</div>\n");
    }
  }

  private static void heading(StringBuilder html, String title) {
    if (!title.isEmpty()) {
      html.append("<h3>").append(Html.text(title)).append("</h3>\n");
    }
  }
}
