package dev.descent.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table of a report: a caption, typed columns and rows of cells. A numeric cell keeps its exact
 * value in a {@code data-value} attribute beside the rounded text ({@code 99.3 %} shows,
 * {@code 0.99333…} is kept), so a reader or a test can recover the number the page was made from.
 *
 * <pre>{@code
 * new Table("Runs", List.of(Table.Column.label("run"), Table.Column.number("train")),
 *     List.of(List.of(Cell.text("he"), Cell.percent(0.993))));   // he | 99.3 %
 * }</pre>
 */
public record Table(String caption, List<Column> columns, List<List<Cell>> rows) implements Block {

  /** How a column shows: the row's name, right-aligned numbers, text, or the course's numbers beside ours. */
  public enum Kind { LABEL, NUMBER, TEXT, REFERENCE }

  /** Tables with this many columns or more span the page. */
  static final int WIDE = 6;

  public record Column(String header, Kind kind) {
    public static Column label(String header) {
      return new Column(header, Kind.LABEL);
    }

    public static Column number(String header) {
      return new Column(header, Kind.NUMBER);
    }

    public static Column text(String header) {
      return new Column(header, Kind.TEXT);
    }

    public static Column reference(String header) {
      return new Column(header, Kind.REFERENCE);
    }
  }

  /**
   * The text shown and, for numbers, the exact value (null for text; NaN shows as "–");
   * emphasized cells stand out (the diagonal of a confusion matrix).
   */
  public record Cell(String text, Double value, boolean emphasized) {
    public static final String MISSING = "–";

    public Cell(String text, Double value) {
      this(text, value, false);
    }

    public static Cell text(String text) {
      return new Cell(text, null);
    }

    public Cell emphasize() {
      return new Cell(text, value, true);
    }

    /** A fraction shown as a percentage with one decimal: 0.99333 → "99.3 %". */
    public static Cell percent(double fraction) {
      return new Cell(Double.isNaN(fraction) ? MISSING : String.format(Locale.ROOT, "%.1f %%", 100 * fraction), fraction);
    }

    /** Four significant digits: 0.693147 → "0.6931". */
    public static Cell number(double v) {
      return new Cell(Double.isNaN(v) ? MISSING : String.format(Locale.ROOT, "%.4g", v), v);
    }

    /** Two decimals: 1.2345 → "1.23". */
    public static Cell fixed(double v) {
      return new Cell(Double.isNaN(v) ? MISSING : String.format(Locale.ROOT, "%.2f", v), v);
    }

    public static Cell integer(long v) {
      return new Cell(Long.toString(v), (double) v);
    }

    /** A number, or the value's text for anything else (experiment-specific columns). */
    public static Cell of(Object v) {
      if (v == null) {
        return text(MISSING);
      }
      if (v instanceof Integer || v instanceof Long) {
        return integer(((Number) v).longValue());
      }
      if (v instanceof dev.descent.cli.experiment.AccuracyGap g) {
        return new Cell(g.text(), g.fraction());
      }
      if (v instanceof Number n) {
        return number(n.doubleValue());
      }
      return text(v.toString());
    }
  }

  public Table {
    columns = List.copyOf(columns);
    List<List<Cell>> copy = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).size() != columns.size()) {
        throw new IllegalArgumentException("table '" + caption + "' row " + (i + 1) + " has " + rows.get(i).size()
            + " cells for " + columns.size() + " columns; give one cell per column");
      }
      copy.add(List.copyOf(rows.get(i)));
    }
    rows = List.copyOf(copy);
  }

  @Override
  public void render(StringBuilder html) {
    // a small table reads better at its own width; a wide one (an experiment's runs) spans the page
    html.append("<div class=\"table-wrap\"><table").append(columns.size() >= WIDE ? " class=\"wide\"" : "").append(">\n");
    if (!caption.isEmpty()) {
      html.append("<caption>").append(Html.text(caption)).append("</caption>\n");
    }
    html.append("<thead><tr>");
    for (Column c : columns) {
      html.append("<th scope=\"col\"").append(css(c.kind(), false)).append('>').append(Html.text(c.header())).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (List<Cell> row : rows) {
      html.append("<tr>");
      for (int j = 0; j < row.size(); j++) {
        Cell cell = row.get(j);
        Kind kind = columns.get(j).kind();
        String tag = kind == Kind.LABEL ? "th" : "td";
        html.append('<').append(tag).append(kind == Kind.LABEL ? " scope=\"row\"" : "").append(css(kind, cell.emphasized()));
        if (cell.value() != null && !Double.isNaN(cell.value())) {
          html.append(" data-value=\"").append(cell.value()).append('"');
        }
        html.append('>').append(Html.text(cell.text())).append("</").append(tag).append('>');
      }
      html.append("</tr>\n");
    }
    html.append("</tbody></table></div>\n");
  }

  private static String css(Kind kind, boolean emphasized) {
    String css = switch (kind) {
      case LABEL -> "name";
      case NUMBER -> "num";
      case TEXT -> "";
      case REFERENCE -> "ref";
    };
    css = emphasized ? (css + " em").strip() : css;
    return css.isEmpty() ? "" : " class=\"" + css + "\"";
  }
}
