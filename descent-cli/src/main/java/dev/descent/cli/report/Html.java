package dev.descent.cli.report;

import java.util.Locale;

/**
 * Escaping for text that comes from data (class names from a CSV, experiment names, error
 * messages): every piece of text on a page goes through {@link #text}, so a name such as
 * {@code <script>} shows as written and never becomes markup.
 *
 * <pre>{@code
 * Html.text("a<b & \"c\"");   // a&lt;b &amp; &quot;c&quot;
 * Html.id("lr-decay (1/t)");  // lr-decay-1-t
 * }</pre>
 */
public final class Html {
  private Html() {}

  /** Escapes {@code & < > " '} so the text is safe both between tags and inside quoted attributes. */
  public static String text(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        // NOTE: control characters other than tab and newlines are not allowed in HTML text
        default -> sb.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '\uFFFD' : c);
      }
    }
    return sb.toString();
  }

  /** A fragment identifier made of {@code [a-z0-9-]} (for anchors), "section" when nothing is left. */
  public static String id(String name) {
    String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "section" : slug;
  }
}
