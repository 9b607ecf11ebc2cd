package dev.descent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which {@code dev.descent} package uses which, read from Java sources: the {@code package} line,
 * every {@code import} (static and wildcard too) and every fully qualified {@code dev.descent.x.Type}
 * in code; comments, strings and text blocks do not count. A package is its full name, so
 * {@code dev.descent.data.io} is a node of its own beside {@code dev.descent.data}.
 *
 * <pre>{@code
 * PackageGraph.scan(List.of(Path.of("src/main/java"))).cycles()
 * // [dev.descent.autodiff → dev.descent.optim (autodiff/Graph.java) → dev.descent.autodiff (optim/Optimizer.java)]
 * }</pre>
 */
final class PackageGraph {
  private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
  private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+?)(?:\\.\\*)?\\s*;", Pattern.MULTILINE);
  private static final Pattern QUALIFIED = Pattern.compile("\\bdev\\.descent(?:\\.[a-z_]\\w*)*\\.[A-Z]");

  private final SortedSet<String> packages;
  /** from → to → the files of {@code from} (relative to their source root) that use {@code to}. */
  private final Map<String, Map<String, SortedSet<String>>> edges;

  private PackageGraph(SortedSet<String> packages, Map<String, Map<String, SortedSet<String>>> edges) {
    this.packages = packages;
    this.edges = edges;
  }

  /** Reads every {@code .java} file under the source roots. */
  static PackageGraph scan(List<Path> roots) throws IOException {
    SortedSet<String> packages = new TreeSet<>();
    Map<String, Map<String, SortedSet<String>>> edges = new TreeMap<>();
    for (Path root : roots) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(root)) {
        files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      }
      for (Path file : files) {
        String code = code(Files.readString(file, StandardCharsets.UTF_8));
        Matcher m = PACKAGE.matcher(code);
        if (!m.find()) {
          continue;
        }
        String from = m.group(1);
        packages.add(from);
        String name = root.relativize(file).toString().replace('\\', '/');
        for (String to : uses(code)) {
          if (!to.equals(from) && (to.equals("dev.descent") || to.startsWith("dev.descent."))) {
            edges.computeIfAbsent(from, k -> new TreeMap<>()).computeIfAbsent(to, k -> new TreeSet<>()).add(name);
          }
        }
      }
    }
    return new PackageGraph(packages, edges);
  }

  SortedSet<String> packages() {
    return packages;
  }

  Map<String, Map<String, SortedSet<String>>> edges() {
    return edges;
  }

  /**
   * One line per strongly connected component of more than one package: a shortest cycle through
   * its first package (by name), each step with the files that make it, then the component's
   * other packages.
   */
  List<String> cycles() {
    List<String> out = new ArrayList<>();
    for (SortedSet<String> component : components()) {
      if (component.size() > 1) {
        List<String> cycle = shortestCycle(component.first(), component);
        SortedSet<String> others = new TreeSet<>(component);
        others.removeAll(cycle);
        out.add(describe(cycle) + (others.isEmpty() ? "" : "; in the same knot: " + String.join(", ", others)));
      }
    }
    return out;
  }

  private Map<String, SortedSet<String>> targets(String from) {
    return edges.getOrDefault(from, Map.of());
  }

  /** Tarjan's strongly connected components. */
  private List<SortedSet<String>> components() {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<SortedSet<String>> out = new ArrayList<>();
    SortedSet<String> all = new TreeSet<>(packages);
    all.addAll(edges.keySet());
    for (String v : all) {
      if (!index.containsKey(v)) {
        connect(v, index, low, stack, onStack, out);
      }
    }
    return out;
  }

  private void connect(String v, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
      Set<String> onStack, List<SortedSet<String>> out) {
    index.put(v, index.size());
    low.put(v, index.get(v));
    stack.push(v);
    onStack.add(v);
    for (String w : targets(v).keySet()) {
      if (!index.containsKey(w)) {
        connect(w, index, low, stack, onStack, out);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      SortedSet<String> component = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      out.add(component);
    }
  }

  /** start, …, start: breadth first within the component. */
  private List<String> shortestCycle(String start, Set<String> component) {
    Map<String, String> parent = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      String v = queue.poll();
      for (String w : targets(v).keySet()) {
        if (w.equals(start)) {
          List<String> path = new ArrayList<>(List.of(start));
          for (String u = v; !u.equals(start); u = parent.get(u)) {
            path.add(1, u);
          }
          path.add(start);
          return path;
        }
        if (component.contains(w) && !parent.containsKey(w)) {
          parent.put(w, v);
          queue.add(w);
        }
      }
    }
    throw new AssertionError("no cycle through " + start + " in its own component " + component);
  }

  private String describe(List<String> cycle) {
    StringBuilder sb = new StringBuilder(cycle.get(0));
    for (int i = 1; i < cycle.size(); i++) {
      List<String> files = new ArrayList<>(targets(cycle.get(i - 1)).get(cycle.get(i)));
      String shown = String.join(", ", files.subList(0, Math.min(3, files.size())))
          + (files.size() > 3 ? " and " + (files.size() - 3) + " more" : "");
      sb.append(" → ").append(cycle.get(i)).append(" (").append(shown).append(')');
    }
    return sb.toString();
  }

  /** The packages a file's code names: imports and fully qualified names. */
  private static Set<String> uses(String code) {
    Set<String> out = new TreeSet<>();
    Matcher m = IMPORT.matcher(code);
    while (m.find()) {
      out.add(packageOf(m.group(1)));
    }
    m = QUALIFIED.matcher(code);
    while (m.find()) {
      String name = m.group();
      out.add(name.substring(0, name.length() - 2));
    }
    return out;
  }

  /** The segments before the first one that starts with an upper-case letter. */
  private static String packageOf(String name) {
    String[] parts = name.split("\\.");
    StringBuilder sb = new StringBuilder();
    for (String part : parts) {
      if (!part.isEmpty() && Character.isUpperCase(part.charAt(0))) {
        break;
      }
      sb.append(sb.length() == 0 ? "" : ".").append(part);
    }
    return sb.toString();
  }

  /** The source with comments, string and character literals and text blocks blanked out. */
  static String code(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int n = source.length();
    int i = 0;
    while (i < n) {
      char c = source.charAt(i);
      if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
        while (i < n && source.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        out.append(' ');
      } else if (source.startsWith("\"\"\"", i)) {
        int end = source.indexOf("\"\"\"", i + 3);
        while (end > 0 && source.charAt(end - 1) == '\\') {
          end = source.indexOf("\"\"\"", end + 1);
        }
        i = end < 0 ? n : end + 3;
        out.append("\"\"");
      } else if (c == '"' || c == '\'') {
        i++;
        while (i < n && source.charAt(i) != c && source.charAt(i) != '\n') {
          i += source.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
        out.append(c).append(c);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
