package dev.descent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packages form a tree: the imports (and fully qualified names) of the main sources of every
 * module ({@code ../descent-*}) make no cycle between packages, each Java package a node of its
 * own (sub-packages included), and the packages of {@code descent-core} use only those that
 * docs/design.md lists above them. A failure names the cycle and the files that make it.
 */
class PackageTreeTest {
  private static final Path ROOT = Path.of("..");
  private static final Path DESIGN = ROOT.resolve("docs/design.md");

  @Test
  void noPackageOfAnyModuleIsInACycle() throws IOException {
    PackageGraph graph = PackageGraph.scan(modules());
    assertTrue(graph.packages().size() > 20, "scanned " + graph.packages().size() + " packages: " + graph.packages());
    assertTrue(graph.packages().contains("dev.descent.cli") && graph.packages().contains("dev.descent.spark")
        && graph.packages().contains("dev.descent.bench"), "every module is scanned: " + graph.packages());
    assertEquals(List.of(), graph.cycles(), "packages in a cycle (break it, or move the class that closes it)");
  }

  @Test
  void corePackagesUseOnlyThoseTheDesignListsAboveThem() throws IOException {
    List<String> order = designOrder();
    PackageGraph graph = PackageGraph.scan(List.of(ROOT.resolve("descent-core/src/main/java")));
    List<String> problems = new ArrayList<>();
    for (String p : graph.packages()) {
      String top = top(p);
      if (!top.isEmpty() && !order.contains(top)) {
        problems.add(p + " is not in docs/design.md's package list");
      }
    }
    graph.edges().forEach((from, targets) -> targets.forEach((to, files) -> {
      String a = top(from);
      String b = top(to);
      if (!a.isEmpty() && !b.isEmpty() && !a.equals(b) && order.indexOf(b) > order.indexOf(a)) {
        problems.add(from + " uses " + to + ", which docs/design.md lists below it (" + String.join(", ", files) + ")");
      }
    }));
    assertEquals(List.of(), problems);
  }

  @Test
  void aCycleIsNamedWithTheFilesThatCloseIt(@TempDir Path dir) throws IOException {
    write(dir, "a/One.java", "package dev.descent.a;\nimport dev.descent.b.Two; // uses b\nclass One {}\n");
    write(dir, "b/Two.java", "package dev.descent.b;\n/* import dev.descent.c.Nothing; */\nclass Two {\n"
        + "  String s = \"dev.descent.c.NotCode\";\n  dev.descent.c.Three t;\n}\n");
    write(dir, "c/Three.java", "package dev.descent.c;\nimport static dev.descent.a.One.Inner.f;\nclass Three {}\n");
    write(dir, "d/Four.java", "package dev.descent.d;\nimport dev.descent.a.*;\nclass Four {}\n");
    PackageGraph graph = PackageGraph.scan(List.of(dir));
    assertEquals(List.of("dev.descent.a → dev.descent.b (a/One.java) → dev.descent.c (b/Two.java) → dev.descent.a"
        + " (c/Three.java)"), graph.cycles());
    assertEquals(Set.of("dev.descent.a"), graph.edges().get("dev.descent.d").keySet(), "a wildcard import counts");
  }

  @Test
  void aTreeHasNoCycle(@TempDir Path dir) throws IOException {
    write(dir, "a/One.java", "package dev.descent.a;\nimport dev.descent.b.Two;\nclass One {}\n");
    write(dir, "b/Two.java", "package dev.descent.b;\nclass Two { String s = \"\"\"\n  dev.descent.a.One\n  \"\"\"; }\n");
    assertEquals(List.of(), PackageGraph.scan(List.of(dir)).cycles());
  }

  /** The main sources of every module of the build. */
  static List<Path> modules() throws IOException {
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> children = Files.list(ROOT)) {
      children.filter(p -> p.getFileName().toString().startsWith("descent-"))
          .map(p -> p.resolve("src/main/java")).filter(Files::isDirectory).sorted().forEach(sources::add);
    }
    return sources;
  }

  /** The package names, in order, of the code block after "Packages of `descent-core`" in docs/design.md. */
  static List<String> designOrder() throws IOException {
    List<String> lines = Files.readAllLines(DESIGN, StandardCharsets.UTF_8);
    int start = 0;
    while (start < lines.size() && !lines.get(start).startsWith("Packages of `descent-core`")) {
      start++;
    }
    while (start < lines.size() && !lines.get(start).startsWith("```")) {
      start++;
    }
    List<String> order = new ArrayList<>();
    for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
      String line = lines.get(i);
      if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
        order.add(line.split("\\s+")[0]);
      }
    }
    assertTrue(order.size() > 10, "docs/design.md: no package list found after 'Packages of `descent-core`': " + order);
    return order;
  }

  /** The top-level package under dev.descent ("nn" for dev.descent.nn, "data" for dev.descent.data.io), "" for the root. */
  private static String top(String pkg) {
    String rest = pkg.equals("dev.descent") ? "" : pkg.substring("dev.descent.".length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private static void write(Path dir, String file, String text) throws IOException {
    Path p = dir.resolve(file);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }
}
