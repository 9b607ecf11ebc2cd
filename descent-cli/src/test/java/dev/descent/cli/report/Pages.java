package dev.descent.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.cli.plot.Axis;
import dev.descent.cli.plot.Figures;
import dev.descent.cli.plot.Series;
import dev.descent.cli.plot.XyPlot;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reading report pages back: parsing, sections, tables by row name, embedded images. */
final class Pages {
  static final String PNG_DATA = "data:image/png;base64,";

  private Pages() {}

  static Document parse(Path file) {
    try {
      return Jsoup.parse(file.toFile(), "UTF-8");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The section with anchor {@code id}, which the table of contents links to. */
  static Element section(Document page, String id) {
    Element s = page.getElementById(id);
    assertNotNull(s, "no section #" + id + " in " + ids(page));
    assertEquals("section", s.tagName());
    assertEquals(1, page.select("nav.toc a[href=#" + id + "]").size(), "contents link to #" + id);
    return s;
  }

  static List<String> ids(Document page) {
    List<String> ids = new ArrayList<>();
    page.select("section.report").forEach(s -> ids.add(s.id()));
    return ids;
  }

  /** The image an {@code img} embeds, checked to be a PNG of the size its tag states. */
  static BufferedImage image(Element img) {
    String src = img.attr("src");
    assertTrue(src.startsWith(PNG_DATA), "img src is not an embedded PNG: " + src.substring(0, Math.min(60, src.length())));
    byte[] png = Base64.getDecoder().decode(src.substring(PNG_DATA.length()));
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      assertNotNull(image, "the embedded bytes are not an image ImageIO can read");
      assertEquals(Integer.parseInt(img.attr("width")), image.getWidth(), "width of " + img.attr("alt"));
      assertEquals(Integer.parseInt(img.attr("height")), image.getHeight(), "height of " + img.attr("alt"));
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A table's header texts. */
  static List<String> header(Element table) {
    List<String> h = new ArrayList<>();
    table.select("thead th").forEach(th -> h.add(th.text()));
    return h;
  }

  /** A table's rows by the text of their first cell; each row's cells by header. */
  static Map<String, Map<String, Element>> rows(Element table) {
    List<String> header = header(table);
    Map<String, Map<String, Element>> rows = new LinkedHashMap<>();
    for (Element tr : table.select("tbody tr")) {
      Map<String, Element> cells = new LinkedHashMap<>();
      for (int j = 0; j < tr.children().size(); j++) {
        cells.put(header.get(j), tr.child(j));
      }
      rows.put(tr.child(0).text(), cells);
    }
    return rows;
  }

  /** The exact number a cell was made from. */
  static double value(Element cell) {
    assertTrue(cell.hasAttr("data-value"), "no data-value on cell '" + cell.text() + "'");
    return Double.parseDouble(cell.attr("data-value"));
  }

  /** A small cost-curve PNG written to {@code file}, as an experiment would. */
  static Path plot(Path file, String title) {
    Figures.ofSize(320, 200).xy(XyPlot.of(title, Axis.linear("epoch"), Axis.log("cost"))
        .line(Series.of("train", new double[] {1, 0.5, 0.3, 0.2}))).writePng(file);
    return file;
  }
}
