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
final class Cli {
  private Cli() {}

  record Result(int code, String out, String err) {
    JsonNode json() {
      try {
        return new ObjectMapper().readTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException("stdout is not JSON:\n" + out + "\nstderr:\n" + err, e);
      }
    }

    /** Asserts exit code 0 and returns this. */
    Result ok() {
      assertEquals(0, code, "exit code; stderr:\n" + err);
      return this;
    }
  }

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  static BufferedImage png(Path file) {
    try {
      BufferedImage image = ImageIO.read(file.toFile());
      assertNotNull(image, file + " is not a PNG");
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
