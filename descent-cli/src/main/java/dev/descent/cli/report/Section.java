package dev.descent.cli.report;

import java.util.List;

/**
 * One section of a report page: a title, a status badge ({@link Status#OK} or {@link
 * Status#FAILED}, none for {@link Status#PLAIN}), a one-line summary for the table of contents,
 * and its blocks in order. The page gives it an anchor made from the title.
 *
 * <pre>{@code
 * new Section("initialization", Status.OK, "4 runs, best test 96.0 % (he)",
 *     List.of(new Block.Paragraph("Setting", "circles …", "setting"), table, figures));
 * }</pre>
 */
public record Section(String title, Status status, String summary, List<Block> blocks) {

  public enum Status { PLAIN, OK, FAILED }

  public Section {
    require(title, "section title");
    blocks = List.copyOf(blocks);
  }

  public static Section plain(String title, List<Block> blocks) {
    return new Section(title, Status.PLAIN, "", blocks);
  }

  static void require(String text, String what) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(what + " = '" + text + "': must not be blank");
    }
  }
}
