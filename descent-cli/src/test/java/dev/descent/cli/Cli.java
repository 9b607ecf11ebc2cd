package dev.descent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code descent} in process and captures what it prints. */
public record Cli(int code, String out, String err) {

  public static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Cli(code, out.toString(), err.toString());
  }

  public JsonNode json() {
    try {
      return new ObjectMapper().readTree(out);
    } catch (java.io.IOException e) {
      throw new AssertionError("stdout is not JSON: " + out + "\nstderr: " + err, e);
    }
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
