package dev.descent.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.optim.Minimizer;
import dev.descent.optim.Optimizers;
import dev.descent.optim.Trajectory;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "Your own cost function" example, verbatim, and the errors it promises. */
class ReadmeGraphExampleTest {
  static final Path README = Path.of("..", "README.md");
  static final Path SOURCE = Path.of("src", "test", "java", "dev", "descent", "autodiff", "ReadmeGraphExampleTest.java");

  @Test
  void theExampleMinimizesToFive() {
    // --- the README's code, line for line ---
    Graph g = new Graph();                                    // float64
    Expr w = g.variable("w", 0.0);                            // trained, starts at 0
    Expr x = g.placeholder("x", 3, 1);                        // coefficients, fed as data
    Expr cost = x.at(0, 0).mul(w.pow(2)).add(x.at(1, 0).mul(w)).add(x.at(2, 0));
    g.feed("x", Matrix.of(Precision.F64, 3, 1, 1, -10, 25));  // w² − 10w + 25
    Trajectory path = Minimizer.minimize(g, cost, Optimizers.adam(0.1), 1000, 100);
    System.out.printf("w = %.3f%n", path.last().scalar("w"));  // w = 5.000
    // --- end ---
    assertEquals("w = 5.000", String.format("w = %.3f", path.last().scalar("w")));
    assertEquals(5.0, path.last().scalar("w"), 1e-6);
    assertEquals(11, path.points().size(), "steps 0, 100, …, 1000");
    assertEquals(25.0, path.first().cost());
  }

  @Test
  void everyCodeLineOfTheReadmeExampleIsInThisTest() throws IOException, ClassNotFoundException {
    List<String> code = readmeExample();
    assertEquals(10, code.size(), "README example: " + code);
    String source = Files.readString(SOURCE);
    for (String line : code) {
      if (line.startsWith("import ")) {
        // what the test's own imports cover: each imported package or class exists
        String name = line.substring("import ".length(), line.length() - 1);
        if (name.endsWith(".*")) {
          String dir = name.substring(0, name.length() - 2).replace('.', '/');
          assertTrue(getClass().getClassLoader().getResource(dir) != null, "no package " + name);
        } else {
          Class.forName(name);
        }
        continue;
      }
      assertTrue(source.contains(line), "README line not verified by this test: " + line);
    }
  }

  @Test
  void theErrorsTheReadmePromises() {
    Graph g = new Graph();
    Expr a = g.placeholder("a", 3, 1);
    Expr b = g.placeholder("b", 2, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.add(b));
    assertEquals("add: shapes 3×1 and 2×1 do not broadcast (each dimension must match or be 1)", e.getMessage());
    assertTrue(Files.exists(README));
  }

  /** The java block under "## Your own cost function", lines trimmed, blanks dropped. */
  static List<String> readmeExample() throws IOException {
    List<String> lines = Files.readAllLines(README);
    int section = lines.indexOf("## Your own cost function");
    assertTrue(section >= 0, "README.md has no '## Your own cost function' section");
    int start = lines.subList(section, lines.size()).indexOf("```java") + section + 1;
    List<String> code = new ArrayList<>();
    for (int i = start; !lines.get(i).equals("```"); i++) {
      if (!lines.get(i).isBlank()) {
        code.add(lines.get(i).trim());
      }
    }
    return code;
  }
}
