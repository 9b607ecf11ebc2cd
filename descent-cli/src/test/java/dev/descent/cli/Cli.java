package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Runs {@code descent} in process, as the tests of the commands do. */
public final class Cli {
  private Cli() {}

  /** What one run printed and returned. */
  public record Result(int code, String out, String err) {
    public JsonNode json() {
      try {
        return new ObjectMapper().readTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException("stdout is not JSON:\n" + out + "\nstderr:\n" + err, e);
      }
    }

    /** Asserts exit code 0 and returns this. */
    public Result ok() {
      assertEquals(0, code, "exit code; stderr:\n" + err);
      return this;
    }

    /** The single error line, without the "descent: " prefix. */
    public String error() {
      String[] lines = err.strip().split("\n");
      if (lines.length == 0 || !lines[0].startsWith("descent: ")) {
        throw new AssertionError("no error line on stderr: '" + err + "'");
      }
      return lines[0].substring("descent: ".length());
    }
  }

  public static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  public static BufferedImage png(Path file) {
    try {
      BufferedImage image = ImageIO.read(file.toFile());
      assertNotNull(image, file + " is not a PNG");
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
