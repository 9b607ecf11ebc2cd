package dev.descent.cli.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The dashboard's answers: a body with its type (none to a HEAD request), a page resource, uPlot, a 404. */
final class Responses {
  private Responses() {}

  static void resource(HttpExchange ex, String name, String type) throws IOException {
    try (InputStream in = Responses.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new AssertionError("dashboard resource " + name + " is missing from the jar");
      }
      send(ex, 200, type, in.readAllBytes());
    }
  }

  /** uPlot from its WebJar, found by the version the jar carries (one place: the pom). */
  static void webjar(HttpExchange ex, String file, String type) throws IOException {
    java.util.Properties p = new java.util.Properties();
    try (InputStream in = Responses.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
      if (in == null) {
        throw new AssertionError("uPlot's WebJar is not on the class path");
      }
      p.load(in);
    }
    try (InputStream in = Responses.class.getResourceAsStream("/META-INF/resources/webjars/uplot/" + p.getProperty("version") + "/" + file)) {
      if (in == null) {
        throw new AssertionError("uPlot's " + file + " is missing from its WebJar");
      }
      ex.getResponseHeaders().set("Cache-Control", "max-age=86400");
      send(ex, 200, type, in.readAllBytes());
    }
  }

  static void notFound(HttpExchange ex) throws IOException {
    send(ex, 404, "text/plain", "not found\n");
  }

  static void send(HttpExchange ex, int code, String type, String body) throws IOException {
    send(ex, code, type, body.getBytes(StandardCharsets.UTF_8));
  }

  static void send(HttpExchange ex, int code, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(code, head ? -1 : body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      ex.getResponseBody().write(body);
    }
  }
}
