package dev.descent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The concrete classes of the library's main sources (the compiled classes of the module that
 * holds {@code type}) that are a {@code type}: what a contract suite must cover. Named, nested
 * and anonymous classes alike; none is initialized.
 */
public final class MainClasses {
  private MainClasses() {}

  public static List<Class<?>> implementing(Class<?> type) {
    Path root;
    try {
      root = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException(type.getName() + " was loaded from " + root
          + ", not from a directory of compiled classes; run the contract tests from the build (target/classes)");
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().equals("module-info.class"))
          .map(p -> load(root.relativize(p)))
          .filter(c -> type.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers()))
          .sorted((a, b) -> a.getName().compareTo(b.getName()))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Class<?> load(Path relative) {
    String file = relative.toString();
    String name = file.substring(0, file.length() - ".class".length()).replace(relative.getFileSystem().getSeparator(), ".");
    try {
      return Class.forName(name, false, MainClasses.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException("cannot load " + name + " from the main classes", e);
    }
  }
}
