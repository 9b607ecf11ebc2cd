package dev.descent.search;

import dev.descent.DescentException;
import dev.descent.tensor.Rng;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The named hyper-parameters of a search and their {@link Distribution}s, in the order given.
 * From the CLI ({@code --param lr=log:1e-4:1e-1}) or a file of {@code name=spec} lines with
 * {@code #} comments. Each parameter draws from its own stream ({@code rng.fork(name, 0)}), so
 * adding a parameter leaves the others' samples unchanged.
 *
 * <pre>{@code
 * Space space = Space.parse(List.of("lr=log:1e-4:1e-1", "beta=one-minus-log:0.9:0.999"), Set.of("lr", "beta"));
 * space.sample(Rng.of(7));   // {lr=0.0021…, beta=0.97…}
 * }</pre>
 */
public final class Space {
  private final Map<String, Distribution> parameters;

  private Space(Map<String, Distribution> parameters) {
    this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Parses {@code name=spec} arguments, accepting any parameter name. */
  public static Space parse(List<String> arguments) {
    return parse(arguments, null);
  }

  /**
   * Parses {@code name=spec} arguments (the values of {@code --param}); {@code validNames} are
   * the parameters the objective understands (null: any). Errors read
   * {@code --param lr=log:0.1:0.001: low 0.1 must be below high 0.001}.
   */
  public static Space parse(List<String> arguments, Set<String> validNames) {
    Builder builder = builder();
    for (String argument : arguments) {
      try {
        builder.addLine(argument, validNames);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--param " + argument.strip() + ": " + e.getMessage(), e);
      }
    }
    if (builder.parameters.isEmpty()) {
      throw new IllegalArgumentException("no parameters to search; give at least one --param name=spec, e.g. --param lr=log:1e-4:1e-1");
    }
    return builder.build();
  }

  /** Reads a file of {@code name=spec} lines, accepting any parameter name. */
  public static Space read(Path file) {
    return read(file, null);
  }

  /**
   * Reads a file of {@code name=spec} lines; blank lines and text after {@code #} are ignored.
   * Errors are {@link DescentException}s naming the file and line:
   * {@code space.txt line 3: lr=log:0.1:0.001: low 0.1 must be below high 0.001}.
   */
  public static Space read(Path file, Set<String> validNames) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DescentException("cannot read the search space: " + e.getMessage(), file.toString(), -1, -1, e);
    }
    Builder builder = builder();
    Map<String, Integer> firstLine = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = i == 0 && lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(i);   // a BOM
      int hash = line.indexOf('#');
      String text = (hash < 0 ? line : line.substring(0, hash)).strip();
      if (text.isEmpty()) {
        continue;
      }
      try {
        String name = builder.addLine(text, validNames);
        firstLine.put(name, i + 1);
      } catch (DuplicateName e) {
        throw new DescentException(text + ": parameter \"" + e.name + "\" is given twice (first on line " + firstLine.get(e.name) + ")",
            file.toString(), i + 1, -1, e);
      } catch (IllegalArgumentException e) {
        throw new DescentException(text + ": " + e.getMessage(), file.toString(), i + 1, -1, e);
      }
    }
    if (builder.parameters.isEmpty()) {
      throw new DescentException("no parameters to search; write one name=spec per line, e.g. lr=log:1e-4:1e-1", file.toString(), -1, -1, null);
    }
    return builder.build();
  }

  /** The parameters, in the order given. */
  public Map<String, Distribution> parameters() {
    return parameters;
  }

  public Distribution get(String name) {
    Distribution d = parameters.get(name);
    if (d == null) {
      throw new IllegalArgumentException("unknown parameter \"" + name + "\"; this space has: " + String.join(", ", parameters.keySet()));
    }
    return d;
  }

  /** One point, each parameter drawn from {@code rng.fork(name, 0)}. */
  public Map<String, Object> sample(Rng rng) {
    Map<String, Object> point = new LinkedHashMap<>();
    for (Map.Entry<String, Distribution> p : parameters.entrySet()) {
      point.put(p.getKey(), p.getValue().sample(rng.fork(p.getKey(), 0)));
    }
    return Collections.unmodifiableMap(point);
  }

  /** True when {@code params} names every parameter with a value its distribution could give. */
  public boolean contains(Map<String, Object> params) {
    for (Map.Entry<String, Distribution> p : parameters.entrySet()) {
      if (!p.getValue().contains(params.get(p.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** A copy with one parameter's distribution replaced (coarse-to-fine's narrowed boxes). */
  public Space with(String name, Distribution distribution) {
    get(name);
    Map<String, Distribution> copy = new LinkedHashMap<>(parameters);
    copy.put(name, distribution);
    return new Space(copy);
  }

  /** {@code name=spec} lines, the form {@link #read} accepts. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    parameters.forEach((name, d) -> text.append(name).append('=').append(d.spec()).append('\n'));
    return text.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Space s && s.parameters.equals(parameters);
  }

  @Override
  public int hashCode() {
    return parameters.hashCode();
  }

  /** Adds parameters one by one; names must be unique. */
  public static final class Builder {
    private final Map<String, Distribution> parameters = new LinkedHashMap<>();

    private Builder() {}

    public Builder add(String name, Distribution distribution) {
      if (name == null || !name.matches("[^\\s=#]+")) {
        throw new IllegalArgumentException("parameter name \"" + name + "\": must be a non-empty word without spaces, '=' or '#', e.g. lr");
      }
      if (parameters.containsKey(name)) {
        throw new DuplicateName(name);
      }
      parameters.put(name, distribution);
      return this;
    }

    /** Convenience for {@code add(name, Distribution.parse(spec))}. */
    public Builder add(String name, String spec) {
      return add(name, Distribution.parse(spec));
    }

    public Space build() {
      if (parameters.isEmpty()) {
        throw new IllegalArgumentException("a search space needs at least one parameter, e.g. lr=log:1e-4:1e-1");
      }
      return new Space(parameters);
    }

    private String addLine(String line, Set<String> validNames) {
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("expected name=spec, e.g. lr=log:1e-4:1e-1");
      }
      String name = line.substring(0, eq).strip();
      if (name.isEmpty()) {
        throw new IllegalArgumentException("the parameter name before '=' is empty; expected name=spec, e.g. lr=log:1e-4:1e-1");
      }
      if (validNames != null && !validNames.contains(name)) {
        throw new IllegalArgumentException("unknown parameter \"" + name + "\"; valid: " + String.join(", ", new TreeSet<>(validNames)));
      }
      add(name, Distribution.parse(line.substring(eq + 1)));
      return name;
    }
  }

  /** A name given twice; the file reader adds where it was first given. */
  private static final class DuplicateName extends IllegalArgumentException {
    private final String name;

    DuplicateName(String name) {
      super("parameter \"" + name + "\" is given twice");
      this.name = name;
    }
  }
}
